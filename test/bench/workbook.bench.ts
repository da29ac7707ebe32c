import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './harness';
import { parseCsv } from '../../shared/workbook/csv';
import { readFleetFromTables } from '../../shared/workbook/readFleet';
import { readXlsxTables } from '../../shared/workbook/xlsx';

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

function expectLots(n: number): void {
  if (n !== ROWS) throw new Error(`read ${n} lots, expected ${ROWS}`);
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
