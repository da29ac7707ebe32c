import type { MonthIndex } from '../../domain/dates';

/**
 * The book schedule of one lot, month by month, in integer cents held in typed arrays
 * (memory proportional to lots x months, no object per cell).
 *
 * Index i of every array is month `startMonth + i`; month 0 is the lot's in-service month.
 * The addition (cost of the lot) lands in month 0. For every month:
 *   closingCost  = openingCost + additions - disposedCost
 *   closingAccum = openingAccum + depreciation + impairment - disposedAccum
 *   NBV = cost - accumulated
 *
 * The columns are read-only. Columns a lot never uses (no disposals, impairments or flags) are one
 * shared zero array per length, and the others are views into shared buffers (book/arena.ts): never
 * write into them, never transfer their `.buffer` to another thread; copy a column (`slice()`) to
 * keep or post it on its own.
 */
export interface LotSchedule {
  lotId: string;
  startMonth: MonthIndex;
  length: number;
  additions: Float64Array;
  disposedCost: Float64Array;
  closingCost: Float64Array;
  depreciation: Float64Array;
  /** Impairment losses, including the write-down to fair value less costs to sell at held-for-sale. */
  impairment: Float64Array;
  disposedAccum: Float64Array;
  closingAccum: Float64Array;
  /** Disposal proceeds and gain (+) or loss (-) on disposal in the month. */
  proceeds: Float64Array;
  gainLoss: Float64Array;
  /** Bit flags per month: see SCHEDULE_FLAG. */
  flags: Uint8Array;
}

export const SCHEDULE_FLAG = {
  idle: 1,
  heldForSale: 2,
  disposedAll: 4,
} as const;

export type PeriodKind = 'month' | 'quarter' | 'year';

/**
 * One period of a schedule (a lot, a class or the fleet), sums of the monthly cents.
 * `disposals` is the NBV that left with disposed units (cost - accumulated disposed), so that
 * closingNbv = openingNbv + additions - depreciation - impairment - disposals.
 */
export interface PeriodRow {
  period: string;
  firstMonth: MonthIndex;
  lastMonth: MonthIndex;
  openingCost: number;
  additions: number;
  disposedCost: number;
  closingCost: number;
  openingAccum: number;
  depreciation: number;
  impairment: number;
  disposedAccum: number;
  closingAccum: number;
  openingNbv: number;
  disposals: number;
  closingNbv: number;
  proceeds: number;
  gainLoss: number;
}
