/**
 * The exported report recalculated by another spreadsheet engine (LibreOffice, forced to
 * recalculate on load: reference/verification.md) gives the app's figures: every formula cell's
 * recalculated value equals the result the app wrote into it, to the cent (DESIGN.md section 11).
 *
 * LibreOffice is required: without `soffice` these tests fail with instructions. Set
 * FLEETBOOK_SKIP_LIBREOFFICE=1 to skip them (with a warning) on a machine without it.
 */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { exportReport } from '../../../electron/host/report/export-report';
import { writeXlsx } from '../../../electron/host/report/xlsx-writer';
import { DEFAULT_ASSUMPTIONS, type Fleet, type FleetEvent, type Lot } from '../../../shared/domain/fleet';
import type { ReportModel, ReportSheetKey } from '../../../shared/report';
import { findSoffice, formulaCells, readReport, recalcWithLibreOffice, sampleFleet, SKIP_LIBREOFFICE, SOFFICE_MISSING, SOURCE_BYTES, tempDir, toCents } from './helpers';

if (SKIP_LIBREOFFICE) console.warn('FLEETBOOK_SKIP_LIBREOFFICE=1: the LibreOffice recalculation of the exported report is NOT checked.');

function soffice(): string {
  const path = findSoffice();
  if (!path) throw new Error(SOFFICE_MISSING);
  return path;
}

/** A varied fleet: every method and convention, salvage with odd percentages, events of every kind. */
function variedFleet(): Fleet {
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const methods: [Lot['method'], Lot['convention']][] = [
    ['SL', 'full-month'], ['SL', 'full-month'], ['SL', 'full-month'], ['SL', 'mid-month'], ['SL', 'half-year'], ['SL', 'mid-quarter'],
    ['DDB', 'full-month'], ['150DB', 'full-month'], ['SYD', 'full-month'],
  ];
  const lots: Lot[] = [];
  const events: FleetEvent[] = [];
  for (let i = 0; i < 45; i++) {
    const [method, convention] = methods[i % methods.length];
    const year = 2023 + Math.floor(random() * 3);
    const month = 1 + Math.floor(random() * 12);
    const lot: Lot = {
      id: `V-${String(i + 1).padStart(3, '0')}`,
      assetClass: i % 3 === 0 ? 'GPU' : i % 3 === 1 ? 'ASIC' : 'Other',
      model: i % 3 === 0 ? 'H100' : 'S21',
      quantity: 1 + Math.floor(random() * 40),
      unitCost: 50_000 + Math.floor(random() * 2_000_000) + (i % 4 === 0 ? 1 : 0),
      inService: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      salvagePct: [0, 5, 2.5, 10, 7.3][i % 5],
      lifeMonths: method === 'SYD' ? 36 : [12, 36, 48, 60, 37][i % 5],
      method,
      convention,
      taxClass: (['MACRS-5', 'MACRS-3', 'MACRS-7', 'none'] as const)[i % 4],
    };
    lots.push(lot);
    const date = `${year + 1}-${String(month).padStart(2, '0')}-15`;
    if (i % 7 === 1) events.push({ lotId: lot.id, type: 'disposal', date, units: Math.max(1, Math.floor(lot.quantity / 3)), proceeds: Math.floor((lot.quantity * lot.unitCost) / 7) });
    if (i % 7 === 2) events.push({ lotId: lot.id, type: 'impairment', date, fairValue: Math.floor((lot.quantity * lot.unitCost) / 3) });
    if (i % 7 === 3) events.push({ lotId: lot.id, type: 'change-estimate', date, lifeMonths: 30, salvagePct: 1 });
    if (i % 7 === 4) events.push({ lotId: lot.id, type: 'held-for-sale', date, fairValueLessCosts: Math.floor((lot.quantity * lot.unitCost) / 5) });
  }
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth: 10, taxRatePct: 23.5, asOf: '2025-06-30' }, lots, events, scenarios: [] };
}

/** Export, recalculate with LibreOffice, and list every formula cell whose recalculated value differs from the app's result. */
async function mismatches(fleet: Fleet, maxRowsPerSheet?: number, sheets?: ReportSheetKey[]): Promise<{ checked: number; bySheet: Map<string, number>; wrong: string[] }> {
  const dir = await tempDir();
  const path = join(dir, 'report.xlsx');
  await exportReport({ fleet, sourceName: 'fleet.xlsx', sourceBytes: SOURCE_BYTES, warnings: [], appVersion: 'test', now: new Date('2026-01-01T00:00:00Z'), sheets }, path, { maxRowsPerSheet });
  const cells = formulaCells(await readReport(path));
  const recalculated = await recalcWithLibreOffice(soffice(), path);
  const wrong: string[] = [];
  const bySheet = new Map<string, number>();
  for (const c of cells) {
    bySheet.set(c.sheet, (bySheet.get(c.sheet) ?? 0) + 1);
    const text = recalculated.get(c.sheet)?.[c.row - 1]?.[c.col - 1];
    const value = Number(text);
    if (text === undefined || text === '' || !Number.isFinite(value) || toCents(value) !== toCents(c.result as number)) {
      wrong.push(`${c.sheet}!${c.address} =${c.formula}: app ${String(c.result)}, LibreOffice ${String(text)}`);
    }
  }
  return { checked: cells.length, bySheet, wrong };
}

describe.skipIf(SKIP_LIBREOFFICE)('the report recalculated by LibreOffice', () => {
  it('really recalculates: a formula whose cached result is wrong comes back right', async () => {
    const model: ReportModel = {
      included: ['audit'],
      notes: [],
      sheets: [
        {
          name: 'Check',
          columns: [{ header: 'a', width: 8, format: 'money' }, { header: 'b', width: 8, format: 'money' }, { header: 'sum', width: 8, format: 'money' }],
          headerRow: true,
          autoFilter: false,
          rowCount: 1,
          rows: () => [{ cells: [1.25, 2.5, { formula: 'ROUND(A2+B2,2)', result: 99 }] }],
        },
      ],
    };
    const dir = await tempDir();
    const path = join(dir, 'check.xlsx');
    const out = createWriteStream(path);
    const pass = new PassThrough();
    pass.pipe(out);
    await writeXlsx(model, pass, { created: new Date(0), application: 'test' });
    pass.end();
    await finished(out);
    const csv = await recalcWithLibreOffice(soffice(), path);
    expect(csv.get('Check')?.[1]).toEqual(['1.25', '2.5', '3.75']);
  });

  it('shows the number formats: money with two decimals and separators, negatives in parentheses, dates as yyyy-mm-dd', async () => {
    const dir = await tempDir();
    const path = join(dir, 'report.xlsx');
    await exportReport({ fleet: sampleFleet(), sourceName: 'fleet.xlsx', sourceBytes: SOURCE_BYTES, warnings: [], appVersion: 'test', now: new Date('2026-01-01T00:00:00Z') }, path);
    const shown = await recalcWithLibreOffice(soffice(), path, { formatted: true });
    expect(shown.get('Book Schedule')?.[1]).toEqual(['L-001', '2025-01', '12,000.00', '1,000.00', '0.00', '0.00', '11,000.00', '1,000.00']);
    expect(shown.get('Lots')?.[1].slice(0, 13)).toEqual(['L-001', 'ASIC', 'S21', '1', '12,000.00', '12,000.00', '0', '0.00', '12,000.00', '12', 'SL', 'full-month', '2025-01-15']);
    const gaps = shown.get('Book vs Economic')!.slice(1).map((r) => r[4]);
    expect(gaps.some((g) => /^\(\d{1,3}(,\d{3})*\.\d\d\)$/.test(g))).toBe(true);
  });

  it('gives the app’s figures for every formula cell of the sample report, to the cent', async () => {
    const { checked, wrong } = await mismatches(sampleFleet());
    expect(checked).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });

  it('does so for a varied fleet: every method, convention and event, a fractional tax rate', async () => {
    const { checked, wrong } = await mismatches(variedFleet());
    expect(checked).toBeGreaterThan(5000);
    expect(wrong).toEqual([]);
  });

  it('does so when tables are split over several sheets (totals add up across them)', async () => {
    const fleet = variedFleet();
    fleet.lots = fleet.lots.filter((l) => l.lifeMonths <= 48 && l.convention !== 'mid-month');
    const { bySheet, wrong } = await mismatches(fleet, 120);
    expect(wrong).toEqual([]);
    // The Deferred Tax sheet splits too: a lot's change then reads its row on the part before.
    expect(bySheet.get('Deferred Tax (2)')).toBeGreaterThan(0);
  });

  it('recomputes the Deferred Tax sheet: NBVs read from the Tax Schedule, the rate from the Summary, each lot rounded, sums, changes', async () => {
    const { bySheet, wrong } = await mismatches(variedFleet());
    expect(wrong.filter((w) => w.startsWith('Deferred Tax'))).toEqual([]);
    // 45 lots x 3 to 7 years, 6 formulas a lot row (book, tax, difference, rate, deferred tax, change).
    expect(bySheet.get('Deferred Tax')).toBeGreaterThan(1000);
  });

  it('recomputes the Deferred Tax sheet on its own (NBVs and the rate as values)', async () => {
    const { bySheet, wrong } = await mismatches(variedFleet(), undefined, ['deferred']);
    expect([...bySheet.keys()]).toEqual(['Deferred Tax']);
    expect(bySheet.get('Deferred Tax')).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});
