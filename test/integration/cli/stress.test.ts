import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, fleetbook } from './run';

const STRESS_USAGE = 'usage: fleetbook stress FILE [--scenario NAME] [--paths N] [--seed S] [--format csv|json] [--map "Header=Field" ...] [--date-locale US|EU]\n';

let tmp: string;
let book: string;

/**
 * Two lots, fiscal year = calendar year, As Of 2026-06-30:
 *   10 x Antminer S21 at 3,500.00 from 2026-01-15, 36 months SL full-month;
 *   G-1: 2 x HGX H100 at 250,000.00 from 2026-03-01, 72 months.
 * Scenarios: Bear (Hashprice 30 $/PH/day, Uptime 90%), Short lives (ASIC book life 24 months).
 */
async function workbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const fleet = wb.addWorksheet('Fleet');
  fleet.addRow(['Lot ID', 'Class', 'Model', 'Quantity', 'Unit Cost', 'In Service', 'Book Life (months)']);
  fleet.addRow(['A-1', 'ASIC', 'Antminer S21', 10, 3500, '2026-01-15', 36]);
  fleet.addRow(['G-1', 'GPU', 'HGX H100', 2, 250000, '2026-03-01', 72]);
  const a = wb.addWorksheet('Assumptions');
  a.addRow(['Key', 'Value']);
  a.addRow(['As Of', '2026-06-30']);
  const s = wb.addWorksheet('Scenarios');
  s.addRow(['Scenario', 'Key', 'Value']);
  s.addRow(['Bear', 'Hashprice ($/PH/day)', 30]);
  s.addRow(['Bear', 'Uptime %', 90]);
  s.addRow(['Short lives', 'Book Life (months): ASIC', 24]);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'fleetbook-stress-'));
  book = join(tmp, 'fleet.xlsx');
  await workbook(book);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** CSV sections: blank-line separated, each with its own header, every row led by the section name. */
function csvSections(text: string): Map<string, { header: string[]; rows: string[][] }> {
  const out = new Map<string, { header: string[]; rows: string[][] }>();
  for (const block of text.trimEnd().split('\n\n')) {
    const [header, ...rows] = block.split('\n').map((l) => l.split(','));
    expect(header[0]).toBe('section');
    const name = rows[0]?.[0] ?? '';
    for (const r of rows) expect(r[0]).toBe(name);
    out.set(name || `(empty after ${[...out.keys()].at(-1)})`, { header: header.slice(1), rows: rows.map((r) => r.slice(1)) });
  }
  return out;
}

describe('fleetbook stress', () => {
  it('CSV: the sections in order, each with its header; defaults 1000 paths and seed 1', () => {
    const r = fleetbook('stress', book);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = csvSections(r.stdout);
    expect([...s.keys()]).toEqual(['run', 'scenarios', 'scenario_depreciation', 'tornado', 'monte_carlo', 'monte_carlo_lots', 'economic_life', 'life_what_if']);
    const run = Object.fromEntries(s.get('run')!.header.map((h, i) => [h, s.get('run')!.rows[0][i]]));
    expect(run).toMatchObject({ scenario: 'Base', as_of: '2026-06', paths: '1000', seed: '1', btc_price_volatility_pct: '50', hashrate_volatility_pct: '20', lots: '2', valued_lots: '2' });
    expect(s.get('scenarios')!.rows.map((row) => row[0])).toEqual(['Base', 'Bear', 'Short lives']);
    expect(s.get('tornado')!.header).toEqual(['output', 'fiscal_year', 'rank', 'driver', 'low_input', 'high_input', 'base', 'at_low', 'at_high', 'swing']);
    expect(new Set(s.get('tornado')!.rows.map((row) => row[0]))).toEqual(new Set(['economic_value', 'gap', 'impairment', 'depreciation']));
    expect(s.get('monte_carlo')!.rows[0][0]).toBe('2026-06');
    expect(s.get('monte_carlo_lots')!.rows.map((row) => row[0])).toEqual(['A-1', 'G-1']);
  });

  it('life what-if, hand-checked for FY2026 at 48 months', () => {
    // Base: A-1 35,000.00 / 36 x 12 = 11,666.67; G-1 500,000.00 / 72 x 10 (Mar-Dec) = 69,444.44; total 81,111.11.
    // 48 months: A-1 35,000.00 / 48 x 12 = 8,750.00; G-1 500,000.00 / 48 x 10 = 104,166.67; total 112,916.67.
    // Effect = 81,111.11 - 112,916.67 = -31,805.56.
    const rows = csvSections(fleetbook('stress', book, '--paths', '20').stdout).get('life_what_if')!.rows;
    expect(rows.find((row) => row[0] === '48' && row[1] === 'FY2026')).toEqual(['48', 'FY2026', '81111.11', '112916.67', '-31805.56']);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['36', '48', '60', '66', '72']));
  });

  it('JSON: one object with the sections; the same seed gives the same output twice, another seed other bands', () => {
    const a = fleetbook('stress', book, '--format', 'json', '--paths', '300', '--seed', '42');
    const b = fleetbook('stress', book, '--format', 'json', '--paths', '300', '--seed', '42');
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const j = JSON.parse(a.stdout);
    expect(Object.keys(j)).toEqual(['run', 'scenarios', 'tornado', 'monte_carlo', 'life_what_if']);
    expect(j.run).toMatchObject({ scenario: 'Base', paths: 300, seed: 42 });
    expect(j.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['Base', 'Bear', 'Short lives']);
    expect(j.monte_carlo.months[0]).toMatchObject({ month: '2026-06' });
    for (const m of j.monte_carlo.months) {
      expect(Number(m.ev_p5)).toBeLessThanOrEqual(Number(m.ev_p50));
      expect(Number(m.ev_p50)).toBeLessThanOrEqual(Number(m.ev_p95));
    }
    const c = JSON.parse(fleetbook('stress', book, '--format', 'json', '--paths', '300', '--seed', '43').stdout);
    expect(c.monte_carlo.months).not.toEqual(j.monte_carlo.months);
    expect(c.scenarios).toEqual(j.scenarios);
  });

  it('--scenario runs the tornado, the Monte Carlo and the life what-if on that scenario', () => {
    const j = JSON.parse(fleetbook('stress', book, '--format', 'json', '--paths', '20', '--scenario', 'bear').stdout);
    expect(j.run.scenario).toBe('Bear');
    const bear = j.scenarios.find((s: { scenario: string }) => s.scenario === 'Bear');
    expect(j.tornado.find((t: { output: string }) => t.output === 'economic_value').base).toBe(bear.economic_value);
    expect(bear.economic_value).not.toBe(j.scenarios[0].economic_value);
  });

  it('an unknown scenario exits 1 naming the scenarios the workbook has', () => {
    expect(fleetbook('stress', book, '--scenario', 'Crash')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Scenarios: no scenario named "Crash" (the workbook has: Bear, Short lives)\n',
    });
  });

  it('a CSV of the Fleet columns (no scenarios) works too', () => {
    const r = fleetbook('stress', join(FIXTURES, 'small-fleet.csv'), '--paths', '10');
    expect(r.code).toBe(0);
    expect(csvSections(r.stdout).get('scenarios')!.rows.map((row) => row[0])).toEqual(['Base']);
  });

  it.each([
    [['--paths', '0'], 'fleetbook: --paths must be a whole number from 1 to 100000, not "0"\n'],
    [['--paths', '1e3'], 'fleetbook: --paths must be a whole number from 1 to 100000, not "1e3"\n'],
    [['--seed', '-1'], 'fleetbook: --seed must be a whole number from 0 to 9007199254740991, not "-1"\n'],
    [['--scenario', ''], 'fleetbook: --scenario needs a name\n'],
    [['--format', 'xml'], 'fleetbook: --format must be csv or json, not "xml"\n'],
  ])('wrong usage %j exits 2', (args, message) => {
    expect(fleetbook('stress', book, ...args)).toEqual({ code: 2, stdout: '', stderr: message + STRESS_USAGE });
  });
});
