// Saving: a fleet written and read again is the same fleet, for random fleets; a file saved over
// its original keeps what Fleetbook does not read (unknown columns and sheets, sheet order, header
// names); text that looks like a formula stays text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet } from '../../../../shared/domain/fleet';
import { formatProblem } from '../../../../shared/domain/problem';
import { parseCsv } from '../../../../shared/workbook/csv';
import { readFleetFromTables, type FleetRead } from '../../../../shared/workbook/readFleet';
import type { CellValue, SheetTable } from '../../../../shared/workbook/table';
import { fleetToWorkbook, type OutCell, type OutSheet, type OutWorkbook } from '../../../../shared/workbook/toTables';
import { readXlsxTables } from '../../../../shared/workbook/xlsx';
import { readWithExcelJs } from '../../../../shared/workbook/xlsx/excelJsReader';
import { decodeCsvBytes, serializeFleet } from '../../../../shared/workbook/xlsx/writeWorkbook';
import { writeXlsx } from '../../../../shared/workbook/xlsx/xlsxWriter';
import { partText } from '../../../fixtures/workbooks/zip-tools';
import { csvText, fleetArb, keptCell, keptHeader } from '../fleetArbitraries';

async function tablesOf(bytes: Uint8Array): Promise<SheetTable[]> {
  const r = await readXlsxTables(bytes, 'saved.xlsx');
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

function readTables(tables: SheetTable[], name: string): FleetRead {
  const r = readFleetFromTables(tables, { sourceName: name });
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

async function readXlsx(bytes: Uint8Array): Promise<FleetRead & { tables: SheetTable[] }> {
  const tables = await tablesOf(bytes);
  return { ...readTables(tables, 'saved.xlsx'), tables };
}

function readCsv(bytes: Uint8Array): FleetRead {
  return readTables([parseCsv(decodeCsvBytes(bytes))], 'saved.csv');
}

const headerOf = (t: SheetTable | undefined): CellValue[] => (t?.rows[0]?.row === 1 ? t.rows[0].cells : []);

// ---- building "someone else's" workbook: the fleet's sheets plus columns and sheets Fleetbook does not read ----

interface ExtraColumn {
  sheet: number;
  at: number;
  header: string;
  values: CellValue[];
}

const SYNONYMS: Record<string, string> = { Quantity: 'Qty', 'Unit Cost': 'unit_cost', 'In Service': 'Placed in Service', 'Lot ID': 'Asset ID', Model: 'MODEL', Date: 'Event Date', Value: 'value' };

function withExtras(book: OutWorkbook, columns: ExtraColumn[], sheets: { at: number; sheet: OutSheet }[], renames: boolean[], date1904: boolean): OutWorkbook {
  const out: OutWorkbook = { date1904, sheets: book.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => ({ row: r.row, cells: [...r.cells] })) })) };
  out.sheets.forEach((s, i) => {
    if (!renames[i]) return;
    s.rows[0].cells = s.rows[0].cells.map((h) => (typeof h === 'string' && SYNONYMS[h] ? SYNONYMS[h] : h));
  });
  for (const c of columns) {
    const s = out.sheets[c.sheet % out.sheets.length];
    const width = Math.max(...s.rows.map((r) => r.cells.length));
    const at = c.at % (width + 1);
    s.rows.forEach((r, i) => {
      while (r.cells.length < width) r.cells.push(null);
      r.cells.splice(at, 0, i === 0 ? c.header : (c.values[i - 1] ?? null));
    });
  }
  for (const k of sheets) out.sheets.splice(k.at % (out.sheets.length + 1), 0, k.sheet);
  return out;
}

const extraColumnArb = fc.record({
  sheet: fc.nat(3),
  at: fc.nat(30),
  header: keptHeader,
  values: fc.array(keptCell, { maxLength: 12 }),
});

const keptSheetArb = (name: string) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.array(keptCell, { maxLength: 5 })), { maxLength: 6 })
    .map((rows) => {
      let row = 0;
      return { name, own: false, rows: rows.map(([gap, cells]) => ({ row: (row += gap), cells: cells as OutCell[] })) } as OutSheet;
    });

const keptSheetsArb = fc
  .subarray(['Notes', 'Depreciation Memo', 'Ünïcode sheet', "It's mine", 'Sheet1'])
  .chain((names) => fc.tuple(...names.map((n) => fc.record({ at: fc.nat(6), sheet: keptSheetArb(n) }))));

describe('serializeFleet: xlsx round trip', () => {
  it('gives back the same fleet, without a warning, for random fleets', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb(), async (fleet) => {
        const read = await readXlsx(await serializeFleet(fleet, 'xlsx'));
        expect(read.fleet).toEqual(fleet);
        expect(read.warnings).toEqual([]);
        expect(read.tables.map((t) => t.name)).toEqual(['Fleet', 'Assumptions', 'Events', 'Scenarios']);
      }),
      { numRuns: 80 },
    );
  }, 60_000);

  it('saved over a random original, keeps its unknown columns and sheets, sheet order and header names', async () => {
    await fc.assert(
      fc.asyncProperty(
        fleetArb({ maxLots: 5 }),
        fc.array(extraColumnArb, { maxLength: 4 }),
        keptSheetsArb,
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        async (fleet, columns, sheets, renames, date1904) => {
          const original = await writeXlsx(withExtras(fleetToWorkbook(fleet), columns, sheets, renames, date1904));
          const a = await readXlsx(original);
          expect(a.fleet).toEqual(fleet);
          const b = await readXlsx(await serializeFleet(a.fleet, 'xlsx', original));
          expect(b.fleet).toEqual(a.fleet);
          expect(b.extras).toEqual(a.extras);
          expect(b.tables.map((t) => t.name)).toEqual(a.tables.map((t) => t.name));
          for (const t of a.tables) expect(headerOf(b.tables.find((x) => x.name === t.name))).toEqual(headerOf(t));
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('a file saved twice over itself is the same bytes (nothing drifts)', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb({ maxLots: 4 }), fc.array(extraColumnArb, { maxLength: 2 }), keptSheetsArb, async (fleet, columns, sheets) => {
        const original = await writeXlsx(withExtras(fleetToWorkbook(fleet), columns, sheets, [false, false, false, false], false));
        const once = await serializeFleet(fleet, 'xlsx', original);
        const twice = await serializeFleet(fleet, 'xlsx', once);
        expect(Buffer.from(twice).equals(Buffer.from(once))).toBe(true);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('serializeFleet: CSV round trip', () => {
  it('gives back the same lots (and default assumptions) for random fleets', async () => {
    await fc.assert(
      fc.asyncProperty(fleetArb({ text: csvText }), async (fleet) => {
        const read = readCsv(await serializeFleet({ ...fleet, events: [], scenarios: [] }, 'csv'));
        expect(read.fleet.lots).toEqual(fleet.lots);
        expect(read.fleet.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
        expect(read.warnings).toEqual([]);
      }),
      { numRuns: 80 },
    );
  }, 60_000);
});

// ---- fixed cases ----

const S21 = { assetClass: 'ASIC', model: 'Antminer S21', quantity: 100, unitCost: 350_012, inService: '2025-01-15', salvagePct: 0.5, lifeMonths: 36, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' } as const;

function fleetOf(extra: Partial<Fleet> = {}): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, drivers: {} }, lots: [{ id: 'A-1', ...S21 }], events: [], scenarios: [], ...extra };
}

describe('serializeFleet: what the xlsx holds', () => {
  it('writes dates as date cells, money with two decimals, a percentage under 1 as a percent cell', async () => {
    const bytes = await serializeFleet(fleetOf(), 'xlsx');
    const [fleet] = await tablesOf(bytes);
    // 2025-01-15 is serial 45672 in Excel's 1900 system; $3,500.12 is 350,012 cents.
    expect(fleet.rows[1].cells.slice(0, 9)).toEqual(['A-1', 'ASIC', 'Antminer S21', 100, 3500.12, { kind: 'date', serial: 45672 }, null, { kind: 'percent', fraction: 0.005 }, 36]);
    const styles = partText(bytes, 'xl/styles.xml');
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(styles).toMatch(/<xf numFmtId="4" /);
    const sheet = partText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:R2"/>');
    expect(sheet).toMatch(/<cols>(<col [^>]*customWidth="1"\/>){18}<\/cols>/);
  });

  it('writes text that starts like a formula as a quote-prefixed string, never a formula', async () => {
    const id = '=HYPERLINK("http://evil.example","x")';
    const bytes = await serializeFleet(fleetOf({ lots: [{ id, ...S21 }] }), 'xlsx');
    const sheet = partText(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[\s>]/);
    expect(sheet).toContain('<c r="A2" s="6" t="s">');
    expect(partText(bytes, 'xl/styles.xml')).toMatch(/<xf [^>]*quotePrefix="1"\/>\n<\/cellXfs>/);
    expect((await readXlsx(bytes)).fleet.lots[0].id).toBe(id);
  });

  it('is a workbook exceljs reads too, with the same cells', async () => {
    const bytes = await serializeFleet(fleetOf({ events: [{ date: '2025-06-30', lotId: 'A-1', type: 'impairment', fairValue: 100_000 }] }), 'xlsx');
    const viaExcelJs = await readWithExcelJs(bytes);
    if (!viaExcelJs.ok) throw new Error(viaExcelJs.error);
    expect(viaExcelJs.value).toEqual(await tablesOf(bytes));
  });

  it('keeps an original in the 1904 date system in it, dates unchanged', async () => {
    const book = fleetToWorkbook(fleetOf());
    const original = await writeXlsx({ ...book, date1904: true });
    expect(partText(original, 'xl/workbook.xml')).toContain('date1904="1"');
    const saved = await serializeFleet(fleetOf(), 'xlsx', original);
    expect(partText(saved, 'xl/workbook.xml')).toContain('date1904="1"');
    const [fleet] = await tablesOf(saved);
    // 2025-01-15 counted from 1904-01-01: 45672 - 1462.
    expect(fleet.rows[1].cells[5]).toEqual({ kind: 'date', serial: 44210 });
    expect((await readXlsx(saved)).fleet).toEqual(fleetOf());
  });

  it('refuses to save over an original it cannot read again, saying to use Save As', async () => {
    await expect(serializeFleet(fleetOf(), 'xlsx', new TextEncoder().encode('not a workbook'))).rejects.toThrow(/could not read the file being replaced.*Save As/);
  });
});

describe('serializeFleet: what the CSV holds', () => {
  it('writes plain figures, yyyy-mm-dd dates, a UTF-8 BOM and CRLF line ends', async () => {
    const bytes = await serializeFleet(fleetOf(), 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = decodeCsvBytes(bytes).split('\r\n');
    expect(lines[0]).toBe('Lot ID,Class,Model,Quantity,Unit Cost,In Service,Acquired,Salvage %,Book Life (months),Method,Convention,Tax Class,Bonus %,Section 179,Hashrate (TH/s),Power (W),GPUs per Unit,Rent ($/GPU-hr)');
    expect(lines[1]).toBe('A-1,ASIC,Antminer S21,100,3500.12,2025-01-15,,0.5%,36,SL,full-month,MACRS-5,,,,,,');
    expect(lines[2]).toBe('');
  });

  it('guards text that Excel would run as a formula with a leading apostrophe', async () => {
    const bytes = await serializeFleet(fleetOf({ lots: [{ id: '=cmd|"/C calc"!A0', ...S21 }, { id: '-5', ...S21 }] }), 'csv');
    const lines = decodeCsvBytes(bytes).split('\r\n');
    expect(lines[1].startsWith(`"'=cmd|""/C calc""!A0",`)).toBe(true);
    expect(lines[2].startsWith('-5,')).toBe(true);
  });

  it('saved over a CSV, keeps its delimiter, header names, column order and unknown columns', async () => {
    const original = new TextEncoder().encode('Asset ID;Location;Class;Qty;Unit Cost;Placed in Service;Life (yrs)\r\nA-1;Rack 7;ASIC;100;3500,12;2025-01-15;3\r\nB-2;Rack 9;ASIC;5;100;2025-02-01;4\r\n');
    const a = readCsv(original);
    const fleet: Fleet = { ...a.fleet, lots: [{ ...a.fleet.lots[1], quantity: 6 }, { ...a.fleet.lots[0], id: 'A-1' }, { ...S21, id: 'C-3', salvagePct: 0, lifeMonths: 30 }] };
    const text = decodeCsvBytes(await serializeFleet(fleet, 'csv', original));
    // Lives in years while every life is whole years would be kept; C-3's 30 months are not, so the
    // column becomes Book Life (months) in the same place. Model, new in the data, goes last.
    expect(text.split('\r\n')).toEqual([
      'Asset ID;Location;Class;Qty;Unit Cost;Placed in Service;Book Life (months);Model',
      'B-2;Rack 9;ASIC;6;100.00;2025-02-01;48;',
      'A-1;Rack 7;ASIC;100;3500.12;2025-01-15;36;',
      'C-3;;ASIC;100;3500.12;2025-01-15;30;Antminer S21',
      '',
    ]);
  });
});
