import { describe, expect, it } from 'vitest';
import type { PeriodRow } from '../../../shared/engine/book/types';
import { CSV_HEADER, csvLine, scheduleRecord } from '../../../electron/cli/scheduleOutput';

/** A period with an impairment and a disposal: 10,000.00 opening, 500.00 depreciation, 2,000.00 impairment, 1,250.50 NBV disposed. */
const row: PeriodRow = {
  period: 'FY2026-Q1',
  firstMonth: 2025 * 12 + 6,
  lastMonth: 2025 * 12 + 8,
  openingCost: 1_500_000,
  additions: 0,
  disposedCost: 200_000,
  closingCost: 1_300_000,
  openingAccum: 500_000,
  depreciation: 50_000,
  impairment: 200_000,
  disposedAccum: 74_950,
  closingAccum: 675_050,
  openingNbv: 1_000_000,
  disposals: 125_050,
  closingNbv: 624_950,
  proceeds: 100_000,
  gainLoss: -25_050,
};

describe('schedule output', () => {
  it('has the columns of DESIGN.md section 9, in order', () => {
    expect(CSV_HEADER).toBe('lot_id,period,opening_nbv,depreciation,impairment,disposals,closing_nbv,accumulated_depreciation\n');
  });

  it('writes amounts with two decimals, a point, no thousands separator', () => {
    expect(csvLine(scheduleRecord('L-7', row))).toBe('L-7,FY2026-Q1,10000.00,500.00,2000.00,1250.50,6249.50,6750.50\n');
  });

  it('counts the first period\'s additions in its opening NBV, so each row ties', () => {
    const first: PeriodRow = { ...row, openingCost: 0, openingAccum: 0, openingNbv: 0, additions: 1_200_005, disposedCost: 0, disposedAccum: 0, disposals: 0, impairment: 0, depreciation: 100_000, closingAccum: 100_000, closingCost: 1_200_005, closingNbv: 1_100_005 };
    const r = scheduleRecord('L-1', first);
    expect(r.opening_nbv).toBe('12000.05');
    expect(Number(r.opening_nbv) - Number(r.depreciation) - Number(r.impairment) - Number(r.disposals)).toBeCloseTo(Number(r.closing_nbv), 9);
  });

  it('quotes a Lot ID that holds a comma or a quote (RFC 4180)', () => {
    expect(csvLine(scheduleRecord('Rack "A", row 2', row)).startsWith('"Rack ""A"", row 2",FY2026-Q1,')).toBe(true);
  });
});
