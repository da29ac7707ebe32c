import { describe, expect, it } from 'vitest';
import { rollupPeriods } from '../../../../shared/engine/book';
import { computeTaxSchedules } from '../../../../shared/engine/tax';
import { fleet, lot } from './helpers';

describe("the book's period rollup serves the tax book", () => {
  it('fiscal years from July: Pub 946 A-1 5-year on 100.00 plus a 3-year lot with a disposal; the rollforward ties', () => {
    // Lot 1: 100.00 in September 2024 (FY2025 Q1), half-year: 20.00, 32.00, 19.20, 11.52, 11.52, 5.76.
    // Lot 2: 2 x 50.00, 3-year, August 2024, one unit sold March 2026 (FY2026, year 2): half of
    // 0.5 x 44.45 % of 100.00 = 11.1125 on top of 0.5 x 33.33 = 16.665 -> cumulative round(27.7775) = 27.78.
    const l2 = lot({ taxClass: 'MACRS-3', quantity: 2, unitCost: 5000, inService: '2024-08-01' });
    const r = computeTaxSchedules(
      fleet([lot({ inService: '2024-09-15' }), l2], { fyStart: 7, events: [{ type: 'disposal', lotId: l2.id, date: '2026-03-10', units: 1, proceeds: 2000 }] }),
    );
    const one = rollupPeriods([r.schedules[0]], 'year', { startMonth: 7 });
    expect(one.map((p) => [p.period, p.depreciation])).toEqual([
      ['FY2025', 2000],
      ['FY2026', 3200],
      ['FY2027', 1920],
      ['FY2028', 1152],
      ['FY2029', 1152],
      ['FY2030', 576],
    ]);
    const rows = rollupPeriods(r.schedules, 'year', { startMonth: 7 });
    expect(rows[1].disposedCost).toBe(5000);
    // Sold unit: round(0.5 x 10000 x (3333 + 4445 / 2) / 10000) = round(2777.75) = 2778.
    expect(rows[1].disposedAccum).toBe(2778);
    expect(rows[1].gainLoss).toBe(2000 - (5000 - 2778));
    for (const p of rows) {
      expect(p.closingCost).toBe(p.openingCost + p.additions - p.disposedCost);
      expect(p.closingAccum).toBe(p.openingAccum + p.depreciation + p.impairment - p.disposedAccum);
      expect(p.closingNbv).toBe(p.openingNbv + p.additions - p.depreciation - p.impairment - p.disposals);
    }
    expect(rows[rows.length - 1].closingNbv).toBe(0);
  });
});
