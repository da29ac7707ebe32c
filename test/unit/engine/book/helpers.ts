import type { FiscalCalendar } from '../../../../shared/domain/fiscal';
import type { Lot } from '../../../../shared/domain/fleet';
import type { LotSchedule } from '../../../../shared/engine/book/types';

export const CALENDAR_YEAR: FiscalCalendar = { startMonth: 1 };
export const JULY_YEAR: FiscalCalendar = { startMonth: 7 };

/** A lot with plain defaults: one unit, SL full-month, no salvage. */
export function makeLot(overrides: Partial<Lot> = {}): Lot {
  return {
    id: 'L1',
    assetClass: 'ASIC',
    model: 'S21',
    quantity: 1,
    unitCost: 360_000,
    inService: '2025-01-15',
    salvagePct: 0,
    lifeMonths: 36,
    method: 'SL',
    convention: 'full-month',
    taxClass: 'none',
    ...overrides,
  };
}

export const list = (a: ArrayLike<number>): number[] => Array.from(a);
export const sum = (a: ArrayLike<number>): number => list(a).reduce((s, x) => s + x, 0);

/** The first `n` and the last `m` values of a column. */
export function ends(a: ArrayLike<number>, n: number, m = n): [number[], number[]] {
  const all = list(a);
  return [all.slice(0, n), all.slice(all.length - m)];
}

/** Every month of a schedule ties: cost and accumulated roll forward from the month before. */
export function monthlyTies(s: LotSchedule): boolean {
  let cost = 0;
  let accum = 0;
  for (let i = 0; i < s.length; i++) {
    cost += s.additions[i] - s.disposedCost[i];
    accum += s.depreciation[i] + s.impairment[i] - s.disposedAccum[i];
    if (cost !== s.closingCost[i] || accum !== s.closingAccum[i]) return false;
  }
  return true;
}
