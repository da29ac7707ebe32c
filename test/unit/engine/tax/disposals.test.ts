import { describe, expect, it } from 'vitest';
import { computeTaxSchedules } from '../../../../shared/engine/tax';
import { SCHEDULE_FLAG } from '../../../../shared/engine/book/types';
import { monthIndexOf } from '../../../../shared/domain/dates';
import { byTaxYear, fleet, lot, nbv, sum } from './helpers';

const at = (s: { startMonth: number }, date: string) => monthIndexOf(date) - s.startMonth;

describe('disposals in the tax book', () => {
  it('half-year: half of the year of disposal for the units sold; the rest continue', () => {
    // 10 units x 100.00, 5-year, in service February 2024 (half-year). 4 units sold 2026-05-15 for 150.00.
    // Sold units (40 %): 2024 8000, 2025 0.4 x 32000 = 12800, 2026 half of 0.4 x 19200 = 3840.
    // Their accumulated depreciation 24640, cost 40000, tax NBV 15360, gain 15000 - 15360 = -360.
    // Kept units (60 %): 12000, 19200, 11520, 6912, 6912, 3456 = 60000.
    const l = lot({ quantity: 10, unitCost: 10000, inService: '2024-02-01' });
    const r = computeTaxSchedules(fleet([l], { events: [{ type: 'disposal', lotId: l.id, date: '2026-05-15', units: 4, proceeds: 15000 }] }));
    const s = r.schedules[0];
    const e = at(s, '2026-05-01');
    expect(s.disposedCost[e]).toBe(40000);
    expect(s.disposedAccum[e]).toBe(24640);
    expect(s.proceeds[e]).toBe(15000);
    expect(s.gainLoss[e]).toBe(-360);
    expect([...byTaxYear(s, 1).values()]).toEqual([20000, 32000, 3840 + 11520, 6912, 6912, 3456]);
    // May 2026: sold units 3840 / 5 months (Jan-May) = 768; kept 11520 x 5/12 - 11520 x 4/12 = 4800 - 3840 = 960.
    expect(s.depreciation[e]).toBe(768 + 960);
    expect(s.depreciation[e + 1]).toBe(960);
    // After May 2026: cost 60000, accumulated 12000 + 19200 + 4800 = 36000.
    expect([s.closingCost[e], s.closingAccum[e]]).toEqual([60000, 36000]);
    expect(nbv(s)[s.length - 1]).toBe(0);
  });

  it('mid-quarter: by the quarter of disposal (Q1: 1.5 of 12 months)', () => {
    // 10 x 100.00 in November 2024 alone: mid-quarter, table A-5 (5.00, 38.00, 22.80, ...).
    // All sold 2026-02-10 (Q1 of 2026): 22.80 % x 1.5/12 = 2.85 %; accumulated 43.00 + 2.85 = 45.85 % = 45850.
    const l = lot({ quantity: 10, unitCost: 10000, inService: '2024-11-01' });
    const r = computeTaxSchedules(fleet([l], { events: [{ type: 'disposal', lotId: l.id, date: '2026-02-10', units: 10, proceeds: 50000 }] }));
    const s = r.schedules[0];
    expect(r.lots[0].table).toBe('A-5');
    expect(s.length).toBe(at(s, '2026-02-01') + 1);
    expect([...byTaxYear(s, 1).values()]).toEqual([5000, 38000, 2850]);
    // 2850 over January-February: 1425, 1425.
    expect(Array.from(s.depreciation.slice(-2))).toEqual([1425, 1425]);
    expect(s.disposedAccum[s.length - 1]).toBe(45850);
    expect(s.gainLoss[s.length - 1]).toBe(50000 - (100000 - 45850));
    expect(s.flags[s.length - 1] & SCHEDULE_FLAG.disposedAll).toBeTruthy();
    expect([s.closingCost[s.length - 1], s.closingAccum[s.length - 1]]).toEqual([0, 0]);
  });

  it('mid-quarter, other quarters of disposal: 4.5, 7.5, 10.5 of 12 months', () => {
    const l = lot({ unitCost: 10000, inService: '2024-11-01' });
    const year3 = (date: string) => {
      const r = computeTaxSchedules(fleet([l], { events: [{ type: 'disposal', lotId: l.id, date, units: 1, proceeds: 0 }] }));
      return byTaxYear(r.schedules[0], 1).get(2026);
    };
    // 2280 x 3/8 = 855; x 5/8 = 1425; x 7/8 = 1995.
    expect([year3('2026-05-01'), year3('2026-08-31'), year3('2026-12-01')]).toEqual([855, 1425, 1995]);
  });

  it('half-year, disposal in the last recovery year: that year already is a half year, taken whole', () => {
    // 5-year from January 2024; sold March 2029 (year 6, 5.76 %): 576 over January-March = 192 a month.
    const l = lot({ unitCost: 10000, inService: '2024-01-01' });
    const r = computeTaxSchedules(fleet([l], { events: [{ type: 'disposal', lotId: l.id, date: '2029-03-15', units: 1, proceeds: 700 }] }));
    const s = r.schedules[0];
    expect(Array.from(s.depreciation.slice(-3))).toEqual([192, 192, 192]);
    expect(s.disposedAccum[s.length - 1]).toBe(10000);
    expect(s.gainLoss[s.length - 1]).toBe(700);
  });

  it('mid-quarter, last recovery year, disposed in a quarter before the one placed in service', () => {
    // Q3 lot made mid-quarter by a larger Q4 lot; 5-year table A-4, year 6 = 7.06 % covers 7.5 months
    // (to mid-Q3). Sold in Q1 of year 6: 1.5 / 7.5 of it = 706 / 5 = 141.2 -> 141; total 9294 + 141 = 9435.
    const l = lot({ unitCost: 10000, inService: '2024-08-01' });
    const r = computeTaxSchedules(
      fleet([l, lot({ unitCost: 50000, inService: '2024-12-01' })], { events: [{ type: 'disposal', lotId: l.id, date: '2029-02-01', units: 1, proceeds: 0 }] }),
    );
    expect(r.lots[0].table).toBe('A-4');
    const s = r.schedules[0];
    expect(byTaxYear(s, 1).get(2029)).toBe(141);
    expect(s.disposedAccum[s.length - 1]).toBe(9435);
    expect(s.gainLoss[s.length - 1]).toBe(-(10000 - 9435));
  });

  it('placed in service and disposed of in the same tax year: no depreciation for those units', () => {
    // 5 x 20.00 from March 2025 (half-year); 2 sold October 2025. Kept 3 units: 60.00, year 1 = 12.00.
    const l = lot({ quantity: 5, unitCost: 2000, inService: '2025-03-01', bonusPct: 50 });
    const r = computeTaxSchedules(fleet([l], { events: [{ type: 'disposal', lotId: l.id, date: '2025-10-20', units: 2, proceeds: 3000 }] }));
    const s = r.schedules[0];
    const e = at(s, '2025-10-01');
    expect(s.disposedAccum[e]).toBe(0);
    expect(s.gainLoss[e]).toBe(3000 - 4000);
    // Kept: bonus 50 % of 6000 = 3000 in March; MACRS 20 % of 3000 = 600 over March-December.
    expect(s.depreciation[0]).toBe(3000 + 60);
    expect(byTaxYear(s, 1).get(2025)).toBe(3600);
    expect(sum(s.depreciation)).toBe(6000);
  });

  it('units beyond those held are ignored; a disposal after full recovery takes cost and accumulated out', () => {
    const l = lot({ quantity: 2, unitCost: 10000, inService: '2020-01-01', taxClass: 'MACRS-3' });
    const r = computeTaxSchedules(
      fleet([l], {
        events: [
          { type: 'disposal', lotId: l.id, date: '2030-01-01', units: 5, proceeds: 100 },
          { type: 'disposal', lotId: l.id, date: '2031-01-01', units: 1, proceeds: 100 },
        ],
      }),
    );
    const s = r.schedules[0];
    expect(s.length).toBe(at(s, '2030-01-01') + 1);
    expect(s.disposedCost[s.length - 1]).toBe(20000);
    expect(s.disposedAccum[s.length - 1]).toBe(20000);
    expect(s.gainLoss[s.length - 1]).toBe(100);
  });

  it("tax class 'none': no tax depreciation; disposals leave at cost", () => {
    const l = lot({ quantity: 4, unitCost: 2500, inService: '2025-01-01', taxClass: 'none' });
    const r = computeTaxSchedules(fleet([l], { events: [{ type: 'disposal', lotId: l.id, date: '2025-06-01', units: 1, proceeds: 3000 }] }));
    const s = r.schedules[0];
    expect(sum(s.depreciation)).toBe(0);
    expect(s.additions[0]).toBe(10000);
    expect(s.gainLoss[5]).toBe(500);
    expect(nbv(s)[5]).toBe(7500);
    expect(r.midQuarterTests).toEqual([]);
  });
});
