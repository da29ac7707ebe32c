import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './harness';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../shared/domain/fleet';
import { parseCsv } from '../../shared/workbook/csv';
import { readFleetFromTables } from '../../shared/workbook/readFleet';
import { readXlsxTables } from '../../shared/workbook/xlsx';
import { serializeFleet } from '../../shared/workbook/xlsx/writeWorkbook';
import { parseWorkbook } from '../../electron/host/workbook-parse';

/** DESIGN.md section 11: import of a 100,000-row Fleet sheet under 5 s and 500 MB peak memory. */
const ROWS = 100_000;
const HEADER = ['Lot ID', 'Class', 'Model', 'Quantity', 'Unit Cost', 'In Service', 'Salvage %', 'Book Life (months)', 'Method', 'Convention', 'Tax Class', 'Hashrate (TH/s)', 'Power (W)'];

function rowValues(i: number): (string | number)[] {
  const month = (i % 72) + 1;
  const date = `${2020 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-15`;
  return [`LOT-${i}`, i % 3 === 0 ? 'GPU' : 'ASIC', `Model ${i % 40}`, 1 + (i % 500), 1000 + (i % 9000) + 0.25, date, i % 20, 36 + (i % 4) * 12, 'SL', 'full-month', 'MACRS-5', 200, 3500];
}

function fleetCsv(): string {
  const lines = [HEADER.join(',')];
  for (let i = 0; i < ROWS; i++) lines.push(rowValues(i).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The xlsx is written by exceljs's streaming writer in a child process, so its memory does not
 * count in this process's peak.
 */
function fleetXlsx(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'fleetbook-bench-'));
  const file = join(dir, 'fleet.xlsx');
  const script = `
    import ExcelJS from 'exceljs';
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ${JSON.stringify(file)}, useStyles: true });
    const ws = wb.addWorksheet('Fleet');
    ws.getColumn(6).numFmt = 'yyyy-mm-dd';
    ws.addRow(${JSON.stringify(HEADER)}).commit();
    const rowValues = ${rowValues.toString()};
    for (let i = 0; i < ${ROWS}; i++) {
      const v = rowValues(i);
      const [y, m, d] = v[5].split('-').map(Number);
      v[5] = new Date(Date.UTC(y, m - 1, d));
      ws.addRow(v).commit();
    }
    ws.commit();
    await wb.commit();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const bytes = new Uint8Array(readFileSync(file));
  rmSync(dir, { recursive: true, force: true });
  return bytes;
}

function expectLots(n: number, rows = ROWS): void {
  if (n !== rows) throw new Error(`read ${n} lots, expected ${rows}`);
}

/** The same lots as the sheets above, as a Fleet to save. */
function fleetOf(lots: number): Fleet {
  const out: Lot[] = [];
  for (let i = 0; i < lots; i++) {
    const v = rowValues(i);
    out.push({
      id: String(v[0]),
      assetClass: v[1] as Lot['assetClass'],
      model: String(v[2]),
      quantity: Number(v[3]),
      unitCost: Math.round(Number(v[4]) * 100),
      inService: String(v[5]),
      salvagePct: Number(v[6]),
      lifeMonths: Number(v[7]),
      method: 'SL',
      convention: 'full-month',
      taxClass: 'MACRS-5',
      hashrateThs: 200,
      powerW: 3500,
    });
  }
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, company: 'Bench Mining', drivers: {} }, lots: out, events: [], scenarios: [] };
}

function expectBytes(bytes: Uint8Array): void {
  if (bytes.length < 1000) throw new Error(`wrote only ${bytes.length} bytes`);
}

export const benchmarks: Benchmark[] = [
  {
    name: 'workbook: read and validate a 100,000-row Fleet xlsx',
    targetMs: 5000,
    runs: 3,
    setup: fleetXlsx,
    run: async (bytes: Uint8Array) => {
      const tables = await readXlsxTables(bytes, 'fleet.xlsx');
      if (!tables.ok) throw new Error(tables.error[0].message);
      const r = readFleetFromTables(tables.value, { sourceName: 'fleet.xlsx' });
      if (!r.ok) throw new Error(r.error[0].message);
      expectLots(r.value.fleet.lots.length);
    },
  },
  {
    // What the parse worker does: the content scan (and row count), the read, the validation.
    name: 'workbook: open a 100,000-row Fleet xlsx as the codec does (scan + read + validate)',
    targetMs: 5000,
    runs: 3,
    setup: fleetXlsx,
    run: async (bytes: Uint8Array) => {
      const r = await parseWorkbook(bytes, 'fleet.xlsx');
      if (!r.ok) throw new Error(r.error.message);
      expectLots(r.value.fleet.lots.length);
    },
  },
  {
    name: 'workbook: save a 10,000-lot fleet as xlsx',
    runs: 7,
    setup: () => fleetOf(10_000),
    run: async (fleet: Fleet) => expectBytes(await serializeFleet(fleet, 'xlsx')),
  },
  {
    // Saving over a file re-reads it to keep its unknown columns and sheets.
    name: 'workbook: save a 10,000-lot fleet over its original xlsx',
    runs: 7,
    setup: async () => {
      const fleet = fleetOf(10_000);
      return { fleet, original: await serializeFleet(fleet, 'xlsx') };
    },
    run: async ({ fleet, original }: { fleet: Fleet; original: Uint8Array }) => expectBytes(await serializeFleet(fleet, 'xlsx', original)),
  },
  {
    name: 'workbook: save a 100,000-lot fleet as xlsx',
    runs: 3,
    setup: () => fleetOf(ROWS),
    run: async (fleet: Fleet) => expectBytes(await serializeFleet(fleet, 'xlsx')),
  },
  {
    name: 'workbook: save a 10,000-lot fleet as CSV',
    runs: 7,
    setup: () => fleetOf(10_000),
    run: async (fleet: Fleet) => expectBytes(await serializeFleet(fleet, 'csv')),
  },
  {
    name: 'workbook: parse and validate a 100,000-row Fleet CSV',
    targetMs: 5000,
    runs: 5,
    setup: fleetCsv,
    run: (text: string) => {
      const r = readFleetFromTables([parseCsv(text)], { sourceName: 'fleet.csv' });
      if (!r.ok) throw new Error(r.error[0].message);
      expectLots(r.value.fleet.lots.length);
    },
  },
];
