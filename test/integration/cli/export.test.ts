import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SHEET_KEYS, SHEET_NAMES } from '../../../shared/report';
import { buildCli, fleetbook, FIXTURES, ROOT } from './run';

const EXPORT_USAGE = 'usage: fleetbook export FILE --out REPORT.xlsx [--scenario NAME] [--paths N] [--seed S] [--map "Header=Field" ...] [--date-locale US|EU]\n';
const SAMPLE = join(ROOT, 'examples', 'sample-fleet.xlsx');
const SMALL = join(FIXTURES, 'small-fleet.csv');

let tmp: string;

beforeAll(() => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'fleetbook-export-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function sheetNames(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((w) => w.name);
}

describe('fleetbook export', () => {
  it('writes the report workbook and says what it wrote', async () => {
    const out = join(tmp, 'sample report.xlsx');
    const r = fleetbook('export', SAMPLE, '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Every sheet of the report, in the report's order.
    const all = REPORT_SHEET_KEYS.map((k) => SHEET_NAMES[k]);
    expect(r.stdout).toBe(`${out}: ${all.join(', ')} (${/\((\d+ rows, \d+ formulas)\)\n$/.exec(r.stdout)?.[1]})\n`);
    expect(await sheetNames(out)).toEqual(all);
  });

  it('records the input file and the scenario in the Audit sheet', async () => {
    const out = join(tmp, 'short.xlsx');
    expect(fleetbook('export', SAMPLE, '--out', out, '--scenario', 'Short lives').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const text: string[] = [];
    wb.getWorksheet('Audit')!.eachRow((row) => text.push(row.values!.toString()));
    const audit = text.join('\n');
    expect(audit).toContain('sample-fleet.xlsx');
    expect(audit).toMatch(/[0-9a-f]{64}/);
    expect(audit).toContain('Short lives');
  });

  it('the Monte Carlo written by the export (in its worker thread) is the one `fleetbook stress` prints', async () => {
    const out = join(tmp, 'mc.xlsx');
    expect(fleetbook('export', SAMPLE, '--out', out, '--paths', '200', '--seed', '7').code).toBe(0);
    const stress = JSON.parse(fleetbook('stress', SAMPLE, '--format', 'json', '--paths', '200', '--seed', '7').stdout) as { monte_carlo: { months: Record<string, string>[] } };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: unknown[][] = [];
    wb.getWorksheet('Stress')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === 'Month' && r[1] === 'EV P5');
    expect(header).toBeGreaterThan(0);
    const first = stress.monte_carlo.months[0];
    expect(rows[header + 1].slice(0, 4).map(String)).toEqual([first.month, ...[first.ev_p5, first.ev_p50, first.ev_p95].map((x) => String(Number(x)))]);
  });

  it('an unknown scenario exits 1 with its place and writes nothing', () => {
    const out = join(tmp, 'nope.xlsx');
    const r = fleetbook('export', SAMPLE, '--out', out, '--scenario', 'Nope');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Scenarios: no scenario named "Nope" (the workbook has: Short lives, Bear market)\n');
    expect(existsSync(out)).toBe(false);
  });

  it('a folder it cannot write into exits 1 with the path and the reason', () => {
    if (process.getuid?.() === 0) return; // root writes anywhere: nothing to check
    const locked = join(tmp, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const r = fleetbook('export', SMALL, '--out', join(locked, 'r.xlsx'));
    chmodSync(locked, 0o700);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^.*locked\/r\.xlsx: cannot write the report: .+\n$/);
  });

  it.each([
    [['export', SMALL], '--out REPORT.xlsx is required'],
    [['export', SMALL, '--out', SMALL], `--out would overwrite the input file ${SMALL}`],
    [['export', SMALL, '--out', 'r.xlsx', '--format', 'csv'], 'unknown option --format'],
    [['export', SMALL, '--out', 'r.xlsx', '--paths', '0'], '--paths must be a whole number from 1 to 100000, not "0"'],
  ])('%j is wrong usage: exit 2', (args, message) => {
    expect(fleetbook(...args)).toEqual({ code: 2, stdout: '', stderr: `fleetbook: ${message}\n${EXPORT_USAGE}` });
  });
});
