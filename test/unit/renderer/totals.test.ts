import { describe, expect, it } from 'vitest';
import type { Lot } from '../../../shared/domain/fleet';
import type { PeriodRow } from '../../../shared/engine/book/types';
import { FleetRowCache, fleetTotals } from '../../../renderer/src/grid/fleetRows';
import { computeCellProblems } from '../../../renderer/src/store/validation';
import { checkRollforward, scheduleTotals } from '../../../renderer/src/views/schedule/rollforward';

const lot = (id: string, quantity: number, unitCost: number): Lot => ({
  id,
  assetClass: 'GPU',
  model: 'H100',
  quantity,
  unitCost,
  inService: '2025-01-01',
  salvagePct: 0,
  lifeMonths: 48,
  method: 'SL',
  convention: 'full-month',
  taxClass: 'MACRS-5',
});

describe('fleet totals (pinned row)', () => {
  it('sums quantity and quantity x unit cost in exact cents', () => {
    // 3 x $0.10 + 7 x $1,234.57 + 1 x $99,999,999.99 = $0.30 + $8,641.99 + $99,999,999.99
    const t = fleetTotals([lot('a', 3, 10), lot('b', 7, 123_457), lot('c', 1, 9_999_999_999)]);
    expect(t).toEqual({ lots: 3, quantity: 11, costCents: 30 + 864_199 + 9_999_999_999 });
  });

  it('is zero for no lots', () => {
    expect(fleetTotals([])).toEqual({ lots: 0, quantity: 0, costCents: 0 });
  });
});

describe('grid rows', () => {
  it('keeps the row objects of unchanged lots, so the grid redraws only what changed', () => {
    const cache = new FleetRowCache();
    const lots = [lot('a', 1, 100), lot('b', 2, 200)];
    const ids = ['r1', 'r2'];
    const first = cache.build(lots, ids, {}, computeCellProblems(lots, ids, {}));
    const lots2 = [lots[0], { ...lots[1], quantity: 5 }];
    const second = cache.build(lots2, ids, {}, computeCellProblems(lots2, ids, {}));
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].lot.quantity).toBe(5);
  });
});

function row(period: string, o: Partial<PeriodRow>): PeriodRow {
  const r: PeriodRow = {
    period,
    firstMonth: 0,
    lastMonth: 0,
    openingCost: 0,
    additions: 0,
    disposedCost: 0,
    closingCost: 0,
    openingAccum: 0,
    depreciation: 0,
    impairment: 0,
    disposedAccum: 0,
    closingAccum: 0,
    openingNbv: 0,
    disposals: 0,
    closingNbv: 0,
    proceeds: 0,
    gainLoss: 0,
    ...o,
  };
  return r;
}

describe('schedule totals and rollforward ties', () => {
  // $1,200 bought in FY2025, $500 of depreciation, then $300 and a $100 impairment; $200 of cost
  // disposed with $150 of accumulated depreciation (so $50 of NBV leaves).
  const rows = [
    row('FY2025', { additions: 120_000, closingCost: 120_000, depreciation: 50_000, closingAccum: 50_000, closingNbv: 70_000 }),
    row('FY2026', {
      openingCost: 120_000,
      openingAccum: 50_000,
      openingNbv: 70_000,
      depreciation: 30_000,
      impairment: 10_000,
      disposedCost: 20_000,
      disposedAccum: 15_000,
      disposals: 5_000,
      closingCost: 100_000,
      closingAccum: 75_000,
      closingNbv: 25_000,
    }),
  ];

  it('ties every period of a consistent schedule', () => {
    expect(checkRollforward(rows).map((c) => c.ok)).toEqual([true, true]);
  });

  it('says what does not tie', () => {
    const bad = [rows[0], { ...rows[1], closingAccum: 75_001, openingCost: 119_999 }];
    const [, c] = checkRollforward(bad);
    expect(c.ok).toBe(false);
    expect(c.issues).toEqual([
      'cost rollforward off by -0.01',
      'accumulated depreciation rollforward off by -0.01',
      'opening NBV vs cost less accumulated off by 0.01',
      'closing NBV vs cost less accumulated off by 0.01',
      'opening cost vs previous closing off by -0.01',
    ]);
  });

  it('totals flows over the span and takes balances from its ends', () => {
    const t = scheduleTotals(rows)!;
    expect(t).toMatchObject({
      period: 'Total',
      openingNbv: 0,
      additions: 120_000,
      depreciation: 80_000,
      impairment: 10_000,
      disposals: 5_000,
      closingNbv: 25_000,
      closingAccum: 75_000,
    });
    expect(t.openingNbv + t.additions - t.depreciation - t.impairment - t.disposals).toBe(t.closingNbv);
    expect(scheduleTotals([])).toBeNull();
  });
});
