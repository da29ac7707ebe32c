import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportReport, ReportInputError, type ExportReportInput, type ExportReportOptions } from '../../../electron/host/report/export-report';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../../shared/domain/fleet';
import { formatCentsPlain } from '../../../shared/domain/money';
import { aggregatePeriods, computeBookSchedules, rollupPeriods } from '../../../shared/engine/book';
import { stressRuns } from '../../../shared/engine/stress';
import { formulaCells, readReport, sampleFleet, sheetValues, SOURCE_BYTES, tempDir, toCents, zipEntryText } from './helpers';

const NOW = new Date('2026-02-01T10:00:00.000Z');
const MONEY = '#,##0.00;(#,##0.00)';

function input(fleet: Fleet = sampleFleet(), extra: Partial<ExportReportInput> = {}): ExportReportInput {
  return {
    fleet,
    sourceName: 'acme-fleet.xlsx',
    sourceBytes: SOURCE_BYTES,
    warnings: [{ sheet: 'Fleet', cell: 'E14', message: 'Unit Cost looks like cents', severity: 'warning' }],
    appVersion: '0.1.0',
    now: NOW,
    ...extra,
  };
}

async function exported(fleet?: Fleet, extra?: Partial<ExportReportInput>, options?: ExportReportOptions) {
  const dir = await tempDir();
  const path = join(dir, 'report.xlsx');
  const result = await exportReport(input(fleet, extra), path, options);
  return { dir, path, result, wb: await readReport(path) };
}

/** Rows of the Audit sheet as [section, item, value]. */
function auditRows(wb: ExcelJS.Workbook): unknown[][] {
  return sheetValues(wb, 'Audit').slice(1);
}

describe('exportReport: structure', () => {
  it('writes the sheets in order, with frozen headers, autofilters, number formats and widths', async () => {
    const { result, wb } = await exported();
    const names = ['Summary', 'Lots', 'Book Schedule', 'Tax Schedule', 'Deferred Tax', 'Rollforward', 'Book vs Economic', 'Stress', 'Audit'];
    expect(result.sheets).toEqual(names);
    expect(wb.worksheets.map((w) => w.name)).toEqual(names);
    expect(result.formulaCells).toBe(formulaCells(wb).length);
    expect(result.formulaCells).toBeGreaterThan(500);

    for (const name of names.filter((n) => n !== 'Summary' && n !== 'Stress')) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = ws.getRow(1).cellCount;
      expect(ws.autoFilter, name).toBe(`A1:${ws.getColumn(last).letter}${ws.rowCount}`);
      for (let c = 1; c <= last; c++) expect(ws.getColumn(c).width, `${name} column ${c}`).toBeGreaterThanOrEqual(7);
      expect(ws.getRow(1).font?.bold ?? ws.getCell('A1').font?.bold, name).toBe(true);
    }
    const book = wb.getWorksheet('Book Schedule')!;
    expect(book.getRow(1).values).toEqual([undefined, 'Lot ID', 'Period', 'Opening NBV', 'Depreciation', 'Impairment', 'Disposals', 'Closing NBV', 'Accumulated Depreciation']);
    expect(book.views[0]).toMatchObject({ xSplit: 2, topLeftCell: 'C2' });
    for (const c of ['C2', 'D2', 'E2', 'F2', 'G2', 'H2']) expect(book.getCell(c).numFmt).toBe(MONEY);
    const lots = wb.getWorksheet('Lots')!;
    expect(lots.getCell('M2').numFmt).toBe('yyyy-mm-dd');
    expect(lots.getCell('M2').value).toEqual(new Date(Date.UTC(2025, 0, 15)));
    expect(lots.getCell('F2').numFmt).toBe(MONEY);
  });

  it('asks Excel to recalculate on open (exceljs does not read calcPr back, so the XML is checked)', async () => {
    const { path } = await exported();
    expect(await zipEntryText(path, 'xl/workbook.xml')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it('never writes shared formulas: each formula cell has its own formula and a cached result', async () => {
    const { wb, path } = await exported();
    for (const f of formulaCells(wb)) {
      expect(f.formula, `${f.sheet}!${f.address}`).toMatch(/\S/);
      expect(typeof f.result, `${f.sheet}!${f.address}`).toBe('number');
    }
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.formulaType === ExcelJS.FormulaType.Shared).toBe(false))));
    for (let i = 1; i <= wb.worksheets.length; i++) expect(await zipEntryText(path, `xl/worksheets/sheet${i}.xml`)).not.toMatch(/t="shared"|t="array"/);
  });

  it('writes the tornados and the Monte Carlo run of `fleetbook stress` into the Stress sheet', async () => {
    const { wb } = await exported();
    const rows = sheetValues(wb, 'Stress');
    const runs = stressRuns(sampleFleet(), { paths: 1000, seed: 1 });
    if (!runs.ok) throw new Error('the sample fleet cannot be stressed');
    // A tornado per output, its bars in the engine's order (largest swing first).
    const titles = rows.filter((r) => /^Tornado: /.test(String(r[0])));
    expect(titles).toHaveLength(runs.value.tornados.length);
    const ev = runs.value.tornados[0];
    const first = rows.findIndex((r) => /^Tornado: fleet economic value/.test(String(r[0]))) + 2;
    expect(rows.slice(first, first + ev.bars.length).map((r) => r[0])).toEqual(ev.bars.map((b) => b.label));
    // The Monte Carlo bands: the first month's P5/P50/P95 of fleet economic value, to the cent.
    const mc = runs.value.monteCarlo;
    const header = rows.findIndex((r) => r[0] === 'Month' && r[1] === 'EV P5');
    const toCentsOf = (x: unknown) => Math.round(Number(x) * 100);
    expect(rows[header + 1].slice(1, 4).map(toCentsOf)).toEqual([mc.economicValue.p5[0], mc.economicValue.p50[0], mc.economicValue.p95[0]].map(Math.round));
    expect(auditRows(wb).some((r) => r[0] === 'Note' && r[1] === 'Stress' && /seed and paths as `fleetbook stress`/.test(String(r[2])))).toBe(true);
  });

  it('a stress runner that answers while the sheets are written gives the same workbook as computing in place', async () => {
    const inPlace = await exported(undefined, {}, { stressRunner: null });
    const later = await exported(undefined, {}, {
      stressRunner: async (fleet, options) => {
        await new Promise((r) => setTimeout(r, 30));
        return stressRuns(fleet, options);
      },
    });
    expect(later.result.sheets).toEqual(inPlace.result.sheets);
    for (const name of ['Stress', 'Audit']) expect(sheetValues(later.wb, name)).toEqual(sheetValues(inPlace.wb, name));
  });

  it('a stress runner that fails leaves the tables out and says why in the Audit', async () => {
    const { wb } = await exported(undefined, {}, { stressRunner: async () => Promise.reject(new Error('the worker ran out of memory')) });
    expect(sheetValues(wb, 'Stress').some((r) => /^Tornado: /.test(String(r[0])))).toBe(false);
    expect(auditRows(wb).some((r) => r[0] === 'Note' && r[1] === 'Stress' && /tornado and Monte Carlo not written: the worker ran out of memory/.test(String(r[2])))).toBe(true);
  });

  it('writes only the sheets asked for, plus the Audit sheet, with values where a formula would point at a missing sheet', async () => {
    const { result, wb } = await exported(undefined, { sheets: ['book'] });
    expect(result.sheets).toEqual(['Book Schedule', 'Audit']);
    const f = formulaCells(wb);
    expect(f.every((c) => !c.formula.includes('Lots!'))).toBe(true);
    expect(wb.getWorksheet('Book Schedule')!.getCell('C2').value).toBe(12000);
  });
});

describe('exportReport: figures', () => {
  it('puts the engine’s cents in the Book Schedule: 12,000.00 SL over 12 months is 1,000.00 a month', async () => {
    const { wb } = await exported();
    const rows = sheetValues(wb, 'Book Schedule').slice(1);
    const l001 = rows.filter((r) => r[0] === 'L-001');
    expect(l001.map((r) => r.slice(1, 8))).toEqual(
      Array.from({ length: 12 }, (_, i) => [`2025-${String(i + 1).padStart(2, '0')}`, 12000 - 1000 * i, 1000, 0, 0, 11000 - 1000 * i, 1000 * (i + 1)]),
    );
    expect(rows.filter((r) => r[0] === 'L-003').map((r) => r.slice(2, 8))).toEqual([
      [1000, 333.33, 0, 0, 666.67, 333.33],
      [666.67, 333.34, 0, 0, 333.33, 666.67],
      [333.33, 333.33, 0, 0, 0, 1000],
    ]);
    expect(rows.filter((r) => r[0] === 'L-002').map((r) => [r[1], r[3]])).toEqual([['2025-11', 1000], ['2025-12', 1000], ['2026-01', 1000]]);
  });

  it('gives every Book Schedule row the figures of `fleetbook schedule` (the engine’s monthly periods)', async () => {
    const fleet = sampleFleet();
    const { wb } = await exported(fleet);
    const calendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
    const expected = computeBookSchedules(fleet).flatMap((s) =>
      aggregatePeriods(s, 'month', calendar).map((p) =>
        [s.lotId, p.period, p.openingNbv + p.additions, p.depreciation, p.impairment, p.disposals, p.closingNbv, p.closingAccum].map((v, i) => (i < 2 ? v : formatCentsPlain(v as number))),
      ),
    );
    const actual = sheetValues(wb, 'Book Schedule')
      .slice(1)
      .map((r) => r.slice(0, 8).map((v, i) => (i < 2 ? v : formatCentsPlain(toCents(v as number)))));
    expect(actual).toEqual(expected);
  });

  it('writes straight-line months as the cumulative-rounding formula over the Lots sheet, other methods as values', async () => {
    const { wb } = await exported();
    const book = wb.getWorksheet('Book Schedule')!;
    expect(book.getCell('D2').value).toEqual({ formula: 'ROUND(Lots!$I$2/Lots!$J$2,2)', result: 1000 });
    expect(book.getCell('D4').value).toEqual({ formula: 'ROUND(ROUND(Lots!$I$2*3/Lots!$J$2,2)-H3,2)', result: 1000 });
    expect(book.getCell('C2').value).toEqual({ formula: 'Lots!$F$2', result: 12000 });
    expect(book.getCell('C3').value).toEqual({ formula: 'G2', result: 11000 });
    expect(book.getCell('G3').value).toEqual({ formula: 'ROUND(C3-D3-E3-F3,2)', result: 10000 });
    expect(book.getCell('H3').value).toEqual({ formula: 'ROUND(H2+D3+E3,2)', result: 2000 });
    const lots = wb.getWorksheet('Lots')!;
    expect(lots.getCell('F2').value).toEqual({ formula: 'ROUND(D2*E2,2)', result: 12000 });
    expect(lots.getCell('I2').value).toEqual({ formula: 'ROUND(F2-H2,2)', result: 12000 });
    // The DDB lot (L-004) and the mid-month lot are the engine's values.
    const rows = sheetValues(wb, 'Book Schedule');
    const ddb = rows.findIndex((r) => r?.[0] === 'L-004') + 1;
    expect(typeof book.getCell(`D${ddb}`).value).toBe('number');
    // L-005: base 45,000.10 - 2,250.01 = 42,750.09 over 36 months is 1,187.5025 a month, so the
    // cumulative amount is a half cent at months 2, 6, 10, 14: those months are values; the others,
    // up to its first event (June 2025, month 16), are formulas.
    expect(lots.getCell('H6').value).toBe(2250.01); // 45,000.10 x 5 % = 2,250.005: a tie, a value
    const l005 = rows.map((r, i) => ({ r, row: i + 1 })).filter(({ r }) => r?.[0] === 'L-005');
    const formulaMonths = l005.filter(({ row }) => book.getCell(`D${row}`).formula !== undefined).map(({ row }) => l005.findIndex((x) => x.row === row) + 1);
    expect(formulaMonths).toEqual([1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15]);
  });

  it('ties the rollforward: every tie is 0 and the fleet rows are the engine’s fiscal-year rollup', async () => {
    const fleet = sampleFleet();
    const { wb } = await exported(fleet);
    const rows = sheetValues(wb, 'Rollforward');
    const header = rows[0] as string[];
    expect(header.slice(17)).toEqual(['Cost Tie', 'Accumulated Tie', 'NBV Tie']);
    const data = rows.slice(1);
    const ties = data.flatMap((r) => r.slice(17, 20).filter((v) => v !== undefined && v !== null));
    expect(ties.length).toBeGreaterThan(data.length * 2);
    expect(ties.every((v) => v === 0)).toBe(true);
    const fleetRows = data.filter((r) => r[1] === 'Fleet');
    const rollup = rollupPeriods(computeBookSchedules(fleet), 'year', { startMonth: 7 });
    expect(fleetRows.map((r) => [r[0], ...r.slice(4, 13).map((v) => toCents(v as number))])).toEqual(
      rollup.map((p) => [p.period, p.openingCost, p.additions, p.disposedCost, p.closingCost, p.openingAccum, p.depreciation, p.impairment, p.disposedAccum, p.closingAccum]),
    );
    // Fleet rows sum the lot rows with SUMIFS; lot rows sum the Book Schedule's months.
    const ws = wb.getWorksheet('Rollforward')!;
    expect(ws.getCell('J2').formula).toMatch(/^ROUND\(SUMIFS\(\$J\$\d+:\$J\$\d+,\$A\$\d+:\$A\$\d+,\$A2\),2\)$/);
    const lotRow = data.findIndex((r) => r[3] === 'L-001' && r[0] === 'FY2025') + 2;
    expect(ws.getCell(`J${lotRow}`).value).toEqual({ formula: "ROUND(SUM('Book Schedule'!D2:D7),2)", result: 6000 });
  });

  it('records the app, the time, the input’s name and SHA-256, the assumptions and every warning in the Audit sheet', async () => {
    const { wb } = await exported();
    const audit = auditRows(wb);
    const sha = createHash('sha256').update(SOURCE_BYTES).digest('hex');
    expect(audit).toContainEqual(['Report', 'Input SHA-256', sha]);
    expect(audit).toContainEqual(['Report', 'Input File', 'acme-fleet.xlsx']);
    expect(audit).toContainEqual(['Report', 'App Version', '0.1.0']);
    expect(audit).toContainEqual(['Report', 'Exported At', '2026-02-01T10:00:00.000Z']);
    expect(audit).toContainEqual(['Assumption', 'Tax Rate %', 21]);
    expect(audit).toContainEqual(['Assumption', 'Fiscal Year Start Month', 7]);
    expect(audit).toContainEqual(['Assumption', 'Company', 'Acme Mining']);
    expect(audit).toContainEqual(['Assumption', 'As Of', '2026-01-31']);
    expect(audit.some((r) => r[0] === 'Assumption (default)' && r[1] === 'Uptime %' && r[2] === 97)).toBe(true);
    expect(audit).toContainEqual(['Warning', 'Fleet!E14', 'Unit Cost looks like cents']);
    expect(audit).toContainEqual(['Scenario', 'In Force', 'Base (no scenario)']);
    expect(audit.some((r) => r[0] === 'Tax' && String(r[1]).startsWith('Mid-quarter test FY'))).toBe(true);
  });

  it('applies a scenario and lists its overrides; an unknown scenario is refused', async () => {
    const { wb } = await exported(undefined, { scenario: 'short lives' });
    const audit = auditRows(wb);
    expect(audit).toContainEqual(['Scenario', 'In Force', 'Short lives']);
    expect(audit).toContainEqual(['Scenario Override', 'Short lives: Book Life (months)', 24]);
    expect(audit).toContainEqual(['Assumption', 'Tax Rate %', 25]);
    const l001 = sheetValues(wb, 'Book Schedule').filter((r) => r?.[0] === 'L-001');
    expect(l001).toHaveLength(24);
    expect(l001[0][3]).toBe(500);
    const dir = await tempDir();
    await expect(exportReport(input(undefined, { scenario: 'Nope' }), join(dir, 'r.xlsx'))).rejects.toThrow(ReportInputError);
    await expect(exportReport(input(undefined, { scenario: 'Nope' }), join(dir, 'r.xlsx'))).rejects.toThrow('Scenarios: no scenario named "Nope" (the workbook has: Short lives)');
    expect(await readdir(dir)).toEqual([]);
  });

  it('splits a sheet past its row limit at lot boundaries, and totals still add up across the parts', async () => {
    const lots: Lot[] = Array.from({ length: 12 }, (_, i) => ({
      id: `S-${i + 1}`, assetClass: i % 2 ? 'GPU' : 'ASIC', model: 'x', quantity: 1 + i, unitCost: 100_000 + 7 * i, inService: `2025-${String(1 + i).padStart(2, '0')}-01`,
      salvagePct: 0, lifeMonths: 12, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5',
    }));
    const fleet: Fleet = { assumptions: { ...DEFAULT_ASSUMPTIONS }, lots, events: [], scenarios: [] };
    const dir = await tempDir();
    const path = join(dir, 'split.xlsx');
    const result = await exportReport(input(fleet), path, { maxRowsPerSheet: 30 });
    expect(result.sheets.filter((s) => s.startsWith('Book Schedule'))).toEqual(['Book Schedule', ...[2, 3, 4, 5, 6].map((n) => `Book Schedule (${n})`)]);
    const wb = await readReport(path);
    for (const name of result.sheets.filter((s) => /^(Book Schedule|Tax Schedule|Deferred Tax|Rollforward|Book vs Economic)/.test(s))) {
      expect(wb.getWorksheet(name)!.rowCount, name).toBeLessThanOrEqual(30);
    }
    const total = (wb.getWorksheet('Rollforward')!.getCell('J2').value as { formula: string; result: number });
    expect(total.formula).toContain("'Rollforward (2)'!");
    expect(auditRows(wb).some((r) => r[0] === 'Note' && r[1] === 'Book Schedule' && String(r[2]).startsWith('split over 6 sheets'))).toBe(true);
  });
});

describe('exportReport: the file', () => {
  it('replaces the target only when done, reports progress up to 1, and leaves no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'report.xlsx');
    await writeFile(path, 'old report');
    const seen: number[] = [];
    await exportReport(input(), path, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= seen[i - 1]))).toBe(true);
    expect(seen.at(-1)).toBe(1);
    expect((await readFile(path)).subarray(0, 2).toString()).toBe('PK');
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });

  it('is reproducible: the same input and time give the same bytes', async () => {
    const dir = await tempDir();
    await exportReport(input(), join(dir, 'a.xlsx'));
    await exportReport(input(), join(dir, 'b.xlsx'));
    expect((await readFile(join(dir, 'a.xlsx'))).equals(await readFile(join(dir, 'b.xlsx')))).toBe(true);
  });

  it('stops when cancelled: the previous file stays, the temporary file is gone', async () => {
    const dir = await tempDir();
    const path = join(dir, 'report.xlsx');
    await writeFile(path, 'old report');
    const controller = new AbortController();
    const run = exportReport(input(), path, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toThrow(/abort/i);
    expect(await readFile(path, 'utf8')).toBe('old report');
    expect(await readdir(dir)).toEqual(['report.xlsx']);
  });

  it('says what went wrong when the folder does not exist', async () => {
    const dir = await tempDir();
    await expect(exportReport(input(), join(dir, 'missing', 'report.xlsx'))).rejects.toThrow(/Could not write report\.xlsx: .* does not exist/);
  });
});
