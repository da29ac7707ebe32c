/** Fixtures for the report tests: a hand-checkable fleet, temp folders, reading a report back, LibreOffice. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import { afterEach } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet } from '../../../shared/domain/fleet';

const made: string[] = [];

export async function tempDir(prefix = 'fleetbook-report-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/**
 * Hand-checked lots (fiscal year from July):
 *   L-001: 1 x 12,000.00, SL full-month over 12 months from January 2025: 1,000.00 a month.
 *   L-002: 3 x 1,000.00 over 3 months from November 2025: 1,000.00 a month into January 2026.
 *   L-003: 1,000.00 over 3 months from February 2025: 333.33, 333.34, 333.33 (cumulative rounding).
 * And lots the formulas must leave to the engine: DDB with salvage, SL with an impairment and a
 * disposal, SL mid-month with a fractional salvage %.
 */
export function sampleFleet(): Fleet {
  return {
    assumptions: { ...DEFAULT_ASSUMPTIONS, company: 'Acme Mining', asOf: '2026-01-31', fiscalYearStartMonth: 7 },
    lots: [
      { id: 'L-001', assetClass: 'ASIC', model: 'S21', quantity: 1, unitCost: 1_200_000, inService: '2025-01-15', salvagePct: 0, lifeMonths: 12, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' },
      { id: 'L-002', assetClass: 'GPU', model: 'H100', quantity: 3, unitCost: 100_000, inService: '2025-11-03', salvagePct: 0, lifeMonths: 3, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' },
      { id: 'L-003', assetClass: 'Other', model: 'rack', quantity: 1, unitCost: 100_000, inService: '2025-02-01', salvagePct: 0, lifeMonths: 3, method: 'SL', convention: 'full-month', taxClass: 'none' },
      { id: 'L-004', assetClass: 'ASIC', model: 'S19 XP', quantity: 7, unitCost: 333_333, inService: '2024-08-20', salvagePct: 10, lifeMonths: 48, method: 'DDB', convention: 'full-month', taxClass: 'MACRS-5' },
      { id: 'L-005', assetClass: 'ASIC', model: 'T21', quantity: 10, unitCost: 450_001, inService: '2024-03-10', salvagePct: 5, lifeMonths: 36, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' },
      { id: "L-006 'A100'", assetClass: 'GPU', model: 'A100', quantity: 2, unitCost: 1_500_000, inService: '2024-05-05', salvagePct: 2.5, lifeMonths: 60, method: 'SL', convention: 'mid-month', taxClass: 'MACRS-7' },
    ],
    events: [
      { lotId: 'L-005', type: 'impairment', date: '2025-06-30', fairValue: 1_000_000 },
      { lotId: 'L-005', type: 'disposal', date: '2025-09-15', units: 3, proceeds: 200_000 },
    ],
    scenarios: [
      { scenario: 'Short lives', key: 'Book Life (months)', value: 24 },
      { scenario: 'Short lives', key: 'Tax Rate %', value: 25 },
    ],
  };
}

export const SOURCE_BYTES = new TextEncoder().encode('Lot ID,Class\nL-001,ASIC\n');

export interface ReadCell {
  sheet: string;
  address: string;
  formula: string | null;
  value: unknown;
}

/** The report read back by exceljs (an independent reader of what the writer produced). */
export async function readReport(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every formula cell of a workbook with its cached result. */
export function formulaCells(wb: ExcelJS.Workbook): { sheet: string; address: string; row: number; col: number; formula: string; result: unknown }[] {
  const out: { sheet: string; address: string; row: number; col: number; formula: string; result: unknown }[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        if (cell.type === ExcelJS.ValueType.Formula) out.push({ sheet: ws.name, address: cell.address, row: r, col: c, formula: cell.formula, result: cell.result });
      });
    });
  });
  return out;
}

/** A sheet as rows of plain values (formula cells as their results), 1-based like the sheet. */
export function sheetValues(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      // cell.value of a formula drops a result of 0; cell.result keeps it.
      values[c - 1] = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
    });
    rows[r - 1] = values;
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// LibreOffice (reference/verification.md): a private profile that forces recalculation on load,
// then one CSV per sheet with raw (not formatted) values.

export const SKIP_LIBREOFFICE = process.env.FLEETBOOK_SKIP_LIBREOFFICE === '1';

export function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export const SOFFICE_MISSING =
  'LibreOffice is not installed (no soffice on PATH): the exported report cannot be recalculated by a spreadsheet. ' +
  'Install it (apt-get install -y --no-install-recommends libreoffice-calc), or set FLEETBOOK_SKIP_LIBREOFFICE=1 to skip this check.';

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Recalculate `xlsx` with LibreOffice and return each sheet's CSV rows by sheet name: raw values,
 * or with `formatted` the text as the cells' number formats show it.
 */
export async function recalcWithLibreOffice(soffice: string, xlsx: string, options: { formatted?: boolean } = {}): Promise<Map<string, string[][]>> {
  const work = await tempDir('fleetbook-lo-');
  const profile = join(work, 'profile');
  await mkdir(join(profile, 'user'), { recursive: true });
  await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_PROFILE);
  const out = join(work, 'csv');
  await mkdir(out);
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${options.formatted ? 'true' : 'false'},false,false,-1`, '--outdir', out, xlsx],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  const stem = basename(xlsx).replace(/\.xlsx$/, '');
  const sheets = new Map<string, string[][]>();
  for (const f of await readdir(out)) {
    if (!f.startsWith(`${stem}-`) || !f.endsWith('.csv')) continue;
    sheets.set(f.slice(stem.length + 1, -4), parseCsv(await readFile(join(out, f), 'utf8')));
  }
  if (sheets.size === 0) throw new Error(`soffice wrote no CSV: ${r.stdout} ${r.stderr}`);
  return sheets;
}

/** RFC 4180, enough for LibreOffice's output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Cents of a 2-decimal amount, rounding float dust away. */
export function toCents(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100);
}

/** The text of one entry of a zip (central directory lookup, stored or deflated): to read raw xlsx parts. */
export async function zipEntryText(path: string, name: string): Promise<string> {
  const zip = await readFile(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    const entry = zip.toString('utf8', p + 46, p + 46 + nameLength);
    if (entry === name) {
      const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
      const data = zip.subarray(start, start + compressed);
      return (method === 0 ? data : inflateRawSync(data)).toString('utf8');
    }
    p += 46 + nameLength + extra + comment;
  }
  throw new Error(`no ${name} in ${path}`);
}
