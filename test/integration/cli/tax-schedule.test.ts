import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildCli, FIXTURES, fleetbook } from './run';

beforeAll(() => buildCli());

// T1: 10,000.00, MACRS 5-year, half-year convention, bonus overridden to 0%, calendar fiscal year.
// Pub 946 table A-1 (5-year, half-year): 20.00%, 32.00%, 19.20%, 11.52%, 11.52%, 5.76% of the basis:
//   FY2025 2,000.00; FY2026 3,200.00; FY2027 1,920.00; FY2028 1,152.00; FY2029 1,152.00; FY2030 576.00
// (sum 10,000.00). T2 has Tax Class none: no tax depreciation; its one row shows the cost that
// stays undepreciated in the tax book (2 x 5,000.00).
it('fleetbook schedule --book tax --period year prints the MACRS schedule of Pub 946', () => {
  const r = fleetbook('schedule', join(FIXTURES, 'tax-fleet.csv'), '--book', 'tax', '--period', 'year');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(
    [
      'lot_id,period,opening_nbv,depreciation,impairment,disposals,closing_nbv,accumulated_depreciation',
      'T1,FY2025,10000.00,2000.00,0.00,0.00,8000.00,2000.00',
      'T1,FY2026,8000.00,3200.00,0.00,0.00,4800.00,5200.00',
      'T1,FY2027,4800.00,1920.00,0.00,0.00,2880.00,7120.00',
      'T1,FY2028,2880.00,1152.00,0.00,0.00,1728.00,8272.00',
      'T1,FY2029,1728.00,1152.00,0.00,0.00,576.00,9424.00',
      'T1,FY2030,576.00,576.00,0.00,0.00,0.00,10000.00',
      'T2,FY2024,10000.00,0.00,0.00,0.00,10000.00,0.00',
      '',
    ].join('\n'),
  );
});

// The first tax year's 2,000.00 is spread over the months in service in it (March..December: 10
// months), 200.00 a month.
it('spreads a tax year over its months in service for the monthly view', () => {
  const r = fleetbook('schedule', join(FIXTURES, 'tax-fleet.csv'), '--book', 'tax');
  expect(r.code).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines[1]).toBe('T1,2025-03,10000.00,200.00,0.00,0.00,9800.00,200.00');
  expect(lines[10]).toBe('T1,2025-12,8200.00,200.00,0.00,0.00,8000.00,2000.00');
  expect(lines[11]).toBe('T1,2026-01,8000.00,266.67,0.00,0.00,7733.33,2266.67');
});
