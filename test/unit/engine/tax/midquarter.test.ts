import { describe, expect, it } from 'vitest';
import { computeTaxSchedules } from '../../../../shared/engine/tax';
import { byTaxYear, fleet, lot } from './helpers';

describe('mid-quarter test, per tax year', () => {
  it('39 % of the basis in the last quarter: half-year for all that year', () => {
    // Calendar fiscal year: 61.00 in February (Q1), 39.00 in November (Q4): 3900 / 10000 = 39 %.
    const r = computeTaxSchedules(fleet([lot({ unitCost: 6100, inService: '2025-02-10' }), lot({ unitCost: 3900, inService: '2025-11-05' })]));
    expect(r.midQuarterTests).toEqual([{ taxYear: 2025, totalBasis: 10000, lastQuarterBasis: 3900, share: 0.39, midQuarter: false }]);
    expect(r.lots.map((l) => l.table)).toEqual(['A-1', 'A-1']);
    // Half-year 5-year, year 1 = 20 %: 61.00 -> 12.20 (1220), 39.00 -> 7.80 (780).
    expect(r.schedules.map((s) => byTaxYear(s, 1).get(2025))).toEqual([1220, 780]);
  });

  it('41 % in the last quarter: mid-quarter for all that year', () => {
    const r = computeTaxSchedules(fleet([lot({ unitCost: 5900, inService: '2025-02-10' }), lot({ unitCost: 4100, inService: '2025-12-31' })]));
    expect(r.midQuarterTests).toEqual([{ taxYear: 2025, totalBasis: 10000, lastQuarterBasis: 4100, share: 0.41, midQuarter: true }]);
    expect(r.lots.map((l) => [l.convention, l.table])).toEqual([
      ['mid-quarter', 'A-2'],
      ['mid-quarter', 'A-5'],
    ]);
    // Year 1: Q1 35 % of 59.00 = 20.65 (2065) over February-December; Q4 5 % of 41.00 = 2.05 (205) in December.
    expect(r.schedules.map((s) => byTaxYear(s, 1).get(2025))).toEqual([2065, 205]);
  });

  it('exactly 40 % is not "more than 40 %"', () => {
    const r = computeTaxSchedules(fleet([lot({ unitCost: 6000, inService: '2025-01-01' }), lot({ unitCost: 4000, inService: '2025-10-01' })]));
    expect(r.midQuarterTests[0]).toMatchObject({ share: 0.4, midQuarter: false });
  });

  it('fiscal year starting in July: the last quarter is April-June, December is Q2', () => {
    // FY2026 = July 2025 .. June 2026. 59.00 in December 2025 (fiscal Q2, though calendar Q4);
    // 41.00 in May 2026 (fiscal Q4): 41 % -> mid-quarter, tables A-3 (Q2) and A-5 (Q4).
    const r = computeTaxSchedules(
      fleet([lot({ unitCost: 5900, inService: '2025-12-15' }), lot({ unitCost: 4100, inService: '2026-05-01' })], { fyStart: 7 }),
    );
    expect(r.midQuarterTests).toEqual([{ taxYear: 2026, totalBasis: 10000, lastQuarterBasis: 4100, share: 0.41, midQuarter: true }]);
    expect(r.lots.map((l) => [l.taxYear, l.quarter, l.table])).toEqual([
      [2026, 2, 'A-3'],
      [2026, 4, 'A-5'],
    ]);
    // Same lots with 39.00 in May: half-year.
    const r2 = computeTaxSchedules(
      fleet([lot({ unitCost: 6100, inService: '2025-12-15' }), lot({ unitCost: 3900, inService: '2026-05-01' })], { fyStart: 7 }),
    );
    expect(r2.midQuarterTests[0]).toMatchObject({ taxYear: 2026, lastQuarterBasis: 3900, midQuarter: false });
    // With a calendar fiscal year the December lot alone would be in the last quarter.
    const r3 = computeTaxSchedules(fleet([lot({ unitCost: 5900, inService: '2025-12-15' }), lot({ unitCost: 4100, inService: '2026-05-01' })]));
    expect(r3.midQuarterTests.map((t) => [t.taxYear, t.share, t.midQuarter])).toEqual([
      [2025, 1, true],
      [2026, 0, false],
    ]);
  });

  it('each tax year is tested on its own', () => {
    const r = computeTaxSchedules(
      fleet([
        lot({ unitCost: 1000, inService: '2024-03-01' }),
        lot({ unitCost: 9000, inService: '2024-11-01' }), // 2024: 90 % in Q4
        lot({ unitCost: 9000, inService: '2025-03-01' }),
        lot({ unitCost: 1000, inService: '2025-11-01' }), // 2025: 10 % in Q4
      ]),
    );
    expect(r.midQuarterTests.map((t) => [t.taxYear, t.midQuarter])).toEqual([
      [2024, true],
      [2025, false],
    ]);
    expect(r.lots.map((l) => l.table)).toEqual(['A-2', 'A-5', 'A-1', 'A-1']);
  });

  it('bonus does not reduce the basis tested (Treas. Reg. 1.168(k)-1(f)(7)); the after-bonus option uses the MACRS basis', () => {
    // 50.00 in Q1 without bonus; 50.00 in Q4 of 2024 with 60 % bonus (MACRS basis 20.00).
    const lots = [lot({ unitCost: 5000, inService: '2024-02-01' }), lot({ unitCost: 5000, inService: '2024-11-01', bonusPct: undefined })];
    const before = computeTaxSchedules(fleet(lots));
    expect(before.lots[1]).toMatchObject({ bonusPct: 60, bonus: 3000, macrsBasis: 2000 });
    expect(before.midQuarterTests[0]).toEqual({ taxYear: 2024, totalBasis: 10000, lastQuarterBasis: 5000, share: 0.5, midQuarter: true });
    const after = computeTaxSchedules(fleet(lots), { midQuarterTestBasis: 'after-bonus' });
    // 2000 / (5000 + 2000) = 28.6 %: half-year.
    expect(after.midQuarterTests[0]).toMatchObject({ totalBasis: 7000, lastQuarterBasis: 2000, midQuarter: false });
  });

  it('Section 179 reduces the basis tested', () => {
    // Q1 60.00; Q4 50.00 with 10.00 expensed: 40.00 of 100.00 = 40 %, not more: half-year.
    const r = computeTaxSchedules(
      fleet([lot({ unitCost: 6000, inService: '2025-01-10' }), lot({ unitCost: 5000, inService: '2025-12-01', section179: 1000 })]),
    );
    expect(r.midQuarterTests[0]).toMatchObject({ totalBasis: 10000, lastQuarterBasis: 4000, midQuarter: false });
    // Without the Section 179 amount: 50 / 110 = 45 % -> mid-quarter.
    const r2 = computeTaxSchedules(fleet([lot({ unitCost: 6000, inService: '2025-01-10' }), lot({ unitCost: 5000, inService: '2025-12-01' })]));
    expect(r2.midQuarterTests[0].midQuarter).toBe(true);
  });

  it('units placed in service and disposed of in the same tax year are left out; tax class none is left out', () => {
    // Q4 lot of 2 x 50.00, one unit sold in December: 50.00 counted. Q1: 80.00 + an untaxed 500.00.
    const q4 = lot({ quantity: 2, unitCost: 5000, inService: '2025-10-01' });
    const r = computeTaxSchedules(
      fleet([lot({ unitCost: 8000, inService: '2025-01-10' }), q4, lot({ unitCost: 50000, inService: '2025-12-01', taxClass: 'none' })], {
        events: [{ type: 'disposal', lotId: q4.id, date: '2025-12-20', units: 1, proceeds: 4000 }],
      }),
    );
    expect(r.midQuarterTests).toEqual([{ taxYear: 2025, totalBasis: 13000, lastQuarterBasis: 5000, share: 5000 / 13000, midQuarter: false }]);
    expect(r.lots[2]).toMatchObject({ convention: null, table: null });
  });
});
