import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../shared/domain/dates';
import type { FleetEvent } from '../../../../shared/domain/fleet';
import { aggregatePeriods, rollupPeriods } from '../../../../shared/engine/book/periods';
import { computeBookSchedules, computeLotSchedule } from '../../../../shared/engine/book/schedule';
import type { PeriodRow } from '../../../../shared/engine/book/types';
import { DEFAULT_ASSUMPTIONS } from '../../../../shared/domain/fleet';
import { CALENDAR_YEAR, JULY_YEAR, makeLot } from './helpers';

const pick = (rows: PeriodRow[], ...keys: (keyof PeriodRow)[]) => rows.map((r) => keys.map((k) => r[k]));

describe('aggregatePeriods', () => {
  it('labels fiscal quarters and years by the year they end in (July start)', () => {
    // Half-year lot in service 2025-08-31, cost 240,000, L = 24 (see methods.test.ts): FY2026 60,000,
    // FY2027 120,000, FY2028 60,000 (Jul .. Dec 2027).
    const s = computeLotSchedule(makeLot({ unitCost: 240_000, lifeMonths: 24, convention: 'half-year', inService: '2025-08-31' }), [], JULY_YEAR);
    const years = aggregatePeriods(s, 'year', JULY_YEAR);
    expect(pick(years, 'period', 'openingCost', 'additions', 'depreciation', 'closingNbv')).toEqual([
      ['FY2026', 0, 240_000, 60_000, 180_000],
      ['FY2027', 240_000, 0, 120_000, 60_000],
      ['FY2028', 240_000, 0, 60_000, 0],
    ]);
    expect(years[0].firstMonth).toBe(monthIndexOf('2025-07-01'));
    expect(years[0].lastMonth).toBe(monthIndexOf('2026-06-01'));
    const quarters = aggregatePeriods(s, 'quarter', JULY_YEAR);
    // Aug, Sep 2025 in FY2026-Q1: 5,455 + 5,454 = 10,909. Last quarter with activity: FY2028-Q2 (Oct .. Dec 2027).
    expect(quarters[0].period).toBe('FY2026-Q1');
    expect(quarters[0].depreciation).toBe(10_909);
    expect(quarters.at(-1)?.period).toBe('FY2028-Q2');
    expect(quarters).toHaveLength(10);
    const months = aggregatePeriods(s, 'month', JULY_YEAR);
    expect(months[0].period).toBe('2025-08');
    expect(months.at(-1)?.period).toBe('2027-12');
  });

  it('stops at the last period with activity (a declining balance done before its last months)', () => {
    // DDB, cost 1,000,000, salvage 10%, L = 30: y1 800,000, y2 100,000, y3 0 -> months 25 .. 30 empty.
    const s = computeLotSchedule(makeLot({ unitCost: 1_000_000, salvagePct: 10, lifeMonths: 30, method: 'DDB' }), [], CALENDAR_YEAR);
    expect(s.length).toBe(30);
    expect(aggregatePeriods(s, 'month', CALENDAR_YEAR)).toHaveLength(24);
    expect(pick(aggregatePeriods(s, 'year', CALENDAR_YEAR), 'period', 'depreciation', 'closingNbv')).toEqual([
      ['FY2025', 800_000, 200_000],
      ['FY2026', 100_000, 100_000],
    ]);
  });

  it('carries disposals, proceeds and gain or loss; the rollforward ties', () => {
    // 3 units x 120,000, L = 36 (10,000 a month). One unit sold 2025-07-01: accumulated 60,000 x 1/3 = 20,000 out,
    // NBV out 100,000, proceeds 90,000 -> loss 10,000. The 2 left keep 2/3 x 300,000 = 200,000 over 30 months:
    // Q3 2025 = 200,000 x 3 / 30 = 20,000.
    const events: FleetEvent[] = [{ lotId: 'L1', type: 'disposal', date: '2025-07-01', units: 1, proceeds: 90_000 }];
    const s = computeLotSchedule(makeLot({ quantity: 3, unitCost: 120_000 }), events, CALENDAR_YEAR);
    const q = aggregatePeriods(s, 'quarter', CALENDAR_YEAR);
    expect(q[2]).toMatchObject({
      period: 'FY2025-Q3',
      openingCost: 360_000,
      disposedCost: 120_000,
      closingCost: 240_000,
      openingAccum: 60_000,
      depreciation: 20_000,
      disposedAccum: 20_000,
      closingAccum: 60_000,
      disposals: 100_000,
      proceeds: 90_000,
      gainLoss: -10_000,
    });
    for (const r of q) {
      expect(r.openingCost + r.additions - r.disposedCost).toBe(r.closingCost);
      expect(r.openingAccum + r.depreciation + r.impairment - r.disposedAccum).toBe(r.closingAccum);
      expect(r.openingNbv + r.additions - r.depreciation - r.impairment - r.disposals).toBe(r.closingNbv);
    }
  });
});

describe('rollupPeriods', () => {
  it('sums lots over a contiguous run of periods; a finished lot stays on the books', () => {
    // A: 120,000 over 12 months from Jan 2025 (10,000 a month). B: 240,000 over 24 months from Mar 2026.
    const fleet = {
      assumptions: { ...DEFAULT_ASSUMPTIONS },
      lots: [makeLot({ id: 'A', unitCost: 120_000, lifeMonths: 12 }), makeLot({ id: 'B', unitCost: 240_000, lifeMonths: 24, inService: '2026-03-15' })],
      events: [],
      scenarios: [],
    };
    const rows = rollupPeriods(computeBookSchedules(fleet), 'year', CALENDAR_YEAR);
    // FY2025: A only. FY2026: A stays (cost 120,000, fully depreciated), B added, 10 months x 10,000.
    // FY2027: 12 x 10,000; FY2028: Jan, Feb 20,000.
    expect(pick(rows, 'period', 'openingCost', 'additions', 'closingCost', 'depreciation', 'closingAccum', 'closingNbv')).toEqual([
      ['FY2025', 0, 120_000, 120_000, 120_000, 120_000, 0],
      ['FY2026', 120_000, 240_000, 360_000, 100_000, 220_000, 140_000],
      ['FY2027', 360_000, 0, 360_000, 120_000, 340_000, 20_000],
      ['FY2028', 360_000, 0, 360_000, 20_000, 360_000, 0],
    ]);
  });

  it('is empty for no lots', () => {
    expect(rollupPeriods([], 'month', CALENDAR_YEAR)).toEqual([]);
  });
});
