import { describe, expect, it } from 'vitest';
import { computeTaxSchedules, macrsColumn } from '../../../../shared/engine/tax';
import { byTaxYear, fleet, lot, MQ_TABLE, PUB946, type TableName } from './helpers';
import type { TaxClass } from '../../../../shared/domain/fleet';

/**
 * A lot with a basis of 100.00 (10,000 cents), no bonus and no Section 179: its tax depreciation
 * in recovery year y, in cents, is the Pub 946 percentage x 100.
 */
const CLASSES: [TaxClass, 3 | 5 | 7][] = [
  ['MACRS-3', 3],
  ['MACRS-5', 5],
  ['MACRS-7', 7],
];

// In-service dates in each fiscal quarter, for a calendar fiscal year and for one starting in July.
const QUARTER_DATES: Record<number, Record<number, string>> = {
  1: { 1: '2024-02-10', 2: '2024-05-20', 3: '2024-08-01', 4: '2024-11-30' },
  7: { 1: '2024-08-10', 2: '2024-11-20', 3: '2025-02-01', 4: '2025-05-31' },
};

function yearsOf(schedule: ReturnType<typeof computeTaxSchedules>['schedules'][number], fyStart: number): number[] {
  return [...byTaxYear(schedule, fyStart).values()];
}

describe.each([1, 7])('Pub 946 tables, fiscal year starting in month %i', (fyStart) => {
  describe('Table A-1, half-year (one lot placed in service in quarters 1-3: no mid-quarter)', () => {
    for (const [taxClass, n] of CLASSES) {
      for (const q of [1, 2, 3]) {
        it(`${n}-year, placed in service in quarter ${q}`, () => {
          const r = computeTaxSchedules(fleet([lot({ taxClass, inService: QUARTER_DATES[fyStart][q] })], { fyStart }));
          expect(r.lots[0].table).toBe('A-1');
          const expected = PUB946['A-1'][n].map((p) => Math.round(p * 100));
          expect(yearsOf(r.schedules[0], fyStart)).toEqual(expected);
        });
      }
    }
  });

  describe('Tables A-2 to A-5, mid-quarter (a 1,000.00 lot in quarter 4 makes the year mid-quarter)', () => {
    for (const [taxClass, n] of CLASSES) {
      for (const q of [1, 2, 3, 4]) {
        it(`${n}-year, quarter ${q} (${MQ_TABLE[q]})`, () => {
          const trigger = lot({ taxClass: 'MACRS-5', unitCost: 100000, inService: QUARTER_DATES[fyStart][4] });
          const r = computeTaxSchedules(fleet([lot({ taxClass, inService: QUARTER_DATES[fyStart][q] }), trigger], { fyStart }));
          expect(r.midQuarterTests).toHaveLength(1);
          expect(r.midQuarterTests[0].midQuarter).toBe(true);
          expect(r.lots[0].table).toBe(MQ_TABLE[q]);
          const expected = PUB946[MQ_TABLE[q]][n].map((p) => Math.round(p * 100));
          expect(yearsOf(r.schedules[0], fyStart)).toEqual(expected);
        });
      }
    }
  });
});

describe('the embedded tables (macrs-pub946.json) are the published ones, each column totalling 100.00 %', () => {
  const conv = (name: TableName) => (name === 'A-1' ? 'half-year' : 'mid-quarter');
  const quarter = (name: TableName) => Number(name.slice(2)) - 1; // quarter 1
  for (const name of Object.keys(PUB946) as TableName[]) {
    for (const n of [3, 5, 7] as const) {
      it(`${name} ${n}-year`, () => {
        const col = macrsColumn(`MACRS-${n}`, conv(name), quarter(name));
        expect(col.table).toBe(name);
        expect([...col.pct]).toEqual([...PUB946[name][n]]);
        expect(col.cumBp[col.cumBp.length - 1]).toBe(10000);
      });
    }
  }
});

describe('spreading a tax year over its months (cumulative rounding)', () => {
  it('5-year half-year from January: 20.00 of 100.00 over 12 months', () => {
    const s = computeTaxSchedules(fleet([lot({ inService: '2024-01-05' })])).schedules[0];
    // round(2000 x k / 12): 166.67 -> 167, 333.33 -> 333, 500 -> 500: months 167, 166, 167.
    expect(Array.from(s.depreciation.subarray(0, 3))).toEqual([167, 166, 167]);
    // Year 2 (32 % = 3200 cents) from January 2025: 266.67 -> 267, 533.33 -> 533: 267, 266.
    expect(Array.from(s.depreciation.subarray(12, 14))).toEqual([267, 266]);
    // 12 + 5 x 12 months: the schedule ends with its sixth tax year.
    expect(s.length).toBe(72);
  });

  it('placed in service in October (half-year kept by a larger lot in Q1): year 1 over October-December', () => {
    const f = fleet([lot({ inService: '2024-10-01' }), lot({ inService: '2024-01-01', unitCost: 100000 })]);
    const r = computeTaxSchedules(f);
    expect(r.midQuarterTests[0].midQuarter).toBe(false); // 100 of 1,100 in Q4
    const s = r.schedules[0];
    // 2000 / 3 = 666.67: cumulative 667, 1333, 2000 -> 667, 666, 667; then 3200 / 12 -> 267.
    expect(Array.from(s.depreciation.subarray(0, 4))).toEqual([667, 666, 667, 267]);
    expect(s.length).toBe(3 + 5 * 12);
  });

  it('Section 179 and bonus land in the in-service month', () => {
    // cost 1,000.00; Section 179 200.00; bonus 60 % (2024) of 800.00 = 480.00; MACRS basis 320.00.
    // Year 1 MACRS: 20 % of 320.00 = 64.00 over March-December (10 months) = 6.40 a month.
    // Month 0: 200.00 + 480.00 + 6.40 = 68640 cents; month 1: 640.
    const r = computeTaxSchedules(fleet([lot({ unitCost: 100000, section179: 20000, bonusPct: undefined, inService: '2024-03-01' })]));
    expect(r.lots[0]).toMatchObject({ bonusPct: 60, bonus: 48000, macrsBasis: 32000, section179: 20000 });
    expect(r.schedules[0].depreciation[0]).toBe(68640);
    expect(r.schedules[0].depreciation[1]).toBe(640);
  });
});
