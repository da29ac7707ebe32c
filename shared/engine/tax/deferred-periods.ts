/**
 * Deferred tax by period (month, fiscal quarter, fiscal year) for a lot, a class or the fleet:
 * the balances at the period's last month and the change over the period. Built on
 * deferredTaxByMonth (rounded per lot and month) and sumDeferredTax (sums of the lots' cents).
 */
import type { MonthIndex } from '../../domain/dates';
import type { FiscalCalendar } from '../../domain/fiscal';
import { monthsIn, periodLabel, periodStart } from '../book/periods';
import type { LotSchedule, PeriodKind } from '../book/types';
import { deferredTaxByMonth, sumDeferredTax, type DeferredTaxByMonth } from './deferred';

/** One period, in cents. Balances are at the period's last month. */
export interface DeferredTaxPeriod {
  period: string;
  firstMonth: MonthIndex;
  lastMonth: MonthIndex;
  bookNbv: number;
  taxNbv: number;
  /** bookNbv - taxNbv. */
  temporaryDifference: number;
  /** Deferred tax at the end of the period before (0 before the first lot starts). */
  openingDeferredTax: number;
  /** Positive a liability, negative an asset. */
  deferredTax: number;
  /** deferredTax - openingDeferredTax: the deferred tax expense (positive) or benefit (negative). */
  change: number;
}

/**
 * Monthly deferred tax cut into periods, from the period of its first month to the period of its
 * last (after that nothing changes: every lot's last figures carry forward).
 */
export function deferredTaxPeriods(d: DeferredTaxByMonth, kind: PeriodKind, calendar: FiscalCalendar): DeferredTaxPeriod[] {
  const len = d.deferredTax.length;
  if (len === 0) return [];
  const step = monthsIn(kind);
  const from = periodStart(d.startMonth, kind, calendar);
  const to = d.startMonth + len - 1;
  const rows: DeferredTaxPeriod[] = [];
  let opening = 0;
  for (let start = from; start <= to; start += step) {
    // Nothing before the first month; the last month's figures after it (a period may run past it).
    const i = Math.min(start + step - 1 - d.startMonth, len - 1);
    const book = i < 0 ? 0 : d.bookNbv[i];
    const tax = i < 0 ? 0 : d.taxNbv[i];
    const deferred = i < 0 ? 0 : d.deferredTax[i];
    rows.push({
      period: periodLabel(start, kind, calendar),
      firstMonth: start,
      lastMonth: start + step - 1,
      bookNbv: book,
      taxNbv: tax,
      temporaryDifference: book - tax,
      openingDeferredTax: opening,
      deferredTax: deferred,
      change: deferred - opening,
    });
    opening = deferred;
  }
  return rows;
}

/**
 * Deferred tax by period of a set of lots (their book and tax schedules, pairwise): each lot rounded
 * month by month, then summed, so lots add up to classes and classes to the fleet to the cent.
 */
export function rollupDeferredTax(
  books: readonly LotSchedule[],
  taxes: readonly LotSchedule[],
  taxRatePct: number,
  kind: PeriodKind,
  calendar: FiscalCalendar,
): DeferredTaxPeriod[] {
  if (books.length !== taxes.length) throw new Error('rollupDeferredTax: one tax schedule per book schedule');
  // Summed a chunk of lots at a time: 100,000 lots' monthly columns at once would take hundreds of MB.
  // Partial sums carry their last figures forward as the lots in them do, so the total is the same.
  const partials: DeferredTaxByMonth[] = [];
  for (let from = 0; from < books.length; from += LOTS_PER_PARTIAL) {
    const chunk: DeferredTaxByMonth[] = [];
    for (let i = from; i < Math.min(books.length, from + LOTS_PER_PARTIAL); i++) chunk.push(deferredTaxByMonth(books[i], taxes[i], taxRatePct));
    partials.push(chunk.length === 1 ? chunk[0] : sumDeferredTax(chunk));
  }
  if (partials.length === 0) return [];
  return deferredTaxPeriods(partials.length === 1 ? partials[0] : sumDeferredTax(partials), kind, calendar);
}

const LOTS_PER_PARTIAL = 1024;
