import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fleetbook, FIXTURES, PROBLEM_LINE } from './run';

const VALUE_USAGE = 'usage: fleetbook value FILE [--scenario NAME] [--format csv|json] [--map "Header=Field" ...] [--date-locale US|EU]\n';

let tmp: string;
let flat: string;

/**
 * A flat market (the drivers of test/unit/engine/economic/rollup.test.ts, hashprice 50 $/PH/day
 * with no drift, no halving, power 0.10 $/kWh, no discounting, a physical life of 3 months):
 * per ASIC unit of 100 TH/s and 1,000 W the economic value at the ends of Jan-Mar 2026 is
 * 163.40, 90.60 and 10.00 (the unit test shows the induction), so for the lot of 3: 490.20, 271.80, 30.00.
 * Book: 3 x 20.00 = 60.00 straight line over 36 months from January 2026, cumulative rounding:
 * NBV 60 - 60 x k / 36 = 58.33, 56.67, 55.00; gap = NBV - value = -431.87, -215.13, 25.00.
 * Scenario "Dear power": 0.20 $/kWh. One unit sold on 2026-02-10 in the second file.
 */
const DRIVERS: [string, number | string][] = [
  ['marketstart', '2026-01-01'], ['hashpricephday', 50], ['hashpricedriftyr', 0], ['halvingdates', 'none'], ['feeshare', 0], ['uptime', 100],
  ['poolfee', 0], ['asicpowerpricekwh', 0.1], ['hashboarddegradationyr', 0], ['asicdiscountrate', 0], ['asicphysicallifemonths', 3],
  ['asicresalemodel', 'exponential'], ['resaledecayyr', 0], ['liquidationfactor', 50],
];

async function workbook(path: string, withDisposal = false): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const fleet = wb.addWorksheet('Fleet');
  fleet.addRow(['Lot ID', 'Class', 'Model', 'Quantity', 'Unit Cost', 'In Service', 'Book Life (months)', 'Hashrate (TH/s)', 'Power (W)']);
  fleet.addRow(['A', 'ASIC', 'Test miner', 3, 20, '2026-01-01', 36, 100, 1000]);
  fleet.addRow(['X', 'Other', 'Rack', 1, 500, '2026-01-01', 12]);
  const a = wb.addWorksheet('Assumptions');
  a.addRow(['Key', 'Value']);
  a.addRow(['As Of', '2026-01-31']);
  for (const row of DRIVERS) a.addRow(row);
  const s = wb.addWorksheet('Scenarios');
  s.addRow(['Scenario', 'Key', 'Value']);
  s.addRow(['Dear power', 'asicpowerpricekwh', 0.2]);
  if (withDisposal) {
    const e = wb.addWorksheet('Events');
    e.addRow(['Date', 'Lot ID', 'Type', 'Units', 'Proceeds']);
    e.addRow(['2026-02-10', 'A', 'disposal', 1, 15]);
  }
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
}

beforeAll(async () => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'fleetbook-value-'));
  flat = join(tmp, 'flat.xlsx');
  await workbook(flat);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('fleetbook value', () => {
  it('prints book NBV, economic value and gap per lot and month, byte for byte', () => {
    const r = fleetbook('value', flat);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'lot_id,period,book_nbv,economic_value,gap,economic_life_months\n' +
        'A,2026-01,58.33,490.20,-431.87,3\n' +
        'A,2026-02,56.67,271.80,-215.13,3\n' +
        'A,2026-03,55.00,30.00,25.00,3\n',
    );
    // The lot of class Other has no market model: no rows, and a warning that says so.
    expect(r.stderr).toBe('Fleet: warning: lot X is not valued: no market model for class Other\n');
  });

  it('gives the same figures as JSON, amounts as exact strings', () => {
    const r = fleetbook('value', flat, '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({ lot_id: 'A', period: '2026-02', book_nbv: '56.67', economic_value: '271.80', gap: '-215.13', economic_life_months: '3' });
  });

  it('applies a scenario: power at 0.20 $/kWh', () => {
    // Per unit and day: revenue 5.00, power 1 kW x 24 h x 0.20 = 4.80, margin 0.20: Jan 6.20, Feb 5.60,
    // Mar 6.20. W(3) = salvage 10.00; W(2) = 6.20 + 10.00 = 16.20; W(1) = 5.60 + 16.20 = 21.80.
    // End-of-month values of the lot of 3: W(1), W(2), W(3) x 3 = 65.40, 48.60, 30.00.
    const r = fleetbook('value', flat, '--scenario', 'dear power');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3])).toEqual(['65.40', '48.60', '30.00']);
  });

  it('follows the units still held after a disposal', async () => {
    const sold = join(tmp, 'sold.xlsx');
    await workbook(sold, true);
    const r = fleetbook('value', sold);
    expect(r.code).toBe(0);
    // Two units of three from February: 271.80 x 2/3 = 181.20 and 30.00 x 2/3 = 20.00.
    expect(r.stdout.split('\n').slice(1, 4).map((l) => l.split(',')[3])).toEqual(['490.20', '181.20', '20.00']);
  });

  it('an unknown scenario is a problem of the input: exit 1, its place, no output', () => {
    const r = fleetbook('value', flat, '--scenario', 'Nope');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Scenarios: no scenario named "Nope" (the workbook has: Dear power)\n' });
  });

  it('a file with problems exits 1 with `Sheet!Cell: message` lines and prints nothing', () => {
    const r = fleetbook('value', join(FIXTURES, 'bad-types.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Fleet!D2: Unit Cost "12,5O0" is not a number\n');
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(PROBLEM_LINE);
  });

  it('a file that is not there exits 1 with its name', () => {
    expect(fleetbook('value', join(tmp, 'missing.xlsx'))).toEqual({ code: 1, stdout: '', stderr: `${join(tmp, 'missing.xlsx')}: no such file\n` });
  });

  it.each([
    [['value'], 'FILE is missing'],
    [['value', 'f.xlsx', '--format', 'xml'], '--format must be csv or json, not "xml"'],
    [['value', 'f.xlsx', '--scenario', ' '], '--scenario needs a name'],
    [['value', 'f.xlsx', '--period', 'year'], 'unknown option --period'],
  ])('%j is wrong usage: exit 2', (args, message) => {
    expect(fleetbook(...args)).toEqual({ code: 2, stdout: '', stderr: `fleetbook: ${message}\n${VALUE_USAGE}` });
  });
});
