/**
 * `fleetbook schedule`: the book or tax schedule per lot and period, as CSV or JSON; or, with
 * `--book deferred`, the deferred tax per lot and period (DESIGN.md section 5):
 *   lot_id,period,book_nbv,tax_nbv,temporary_difference,deferred_tax,deferred_tax_change
 * balances at the period's end; deferred_tax = round(temporary_difference x Tax Rate % / 100) per
 * lot (positive a liability, negative an asset); the change is the deferred tax expense (benefit).
 */
import type { FiscalCalendar } from '../../shared/domain/fiscal';
import type { Fleet } from '../../shared/domain/fleet';
import { aggregatePeriods, computeBookSchedules } from '../../shared/engine/book';
import type { LotSchedule, PeriodKind } from '../../shared/engine/book/types';
import { formatCentsPlain } from '../../shared/domain/money';
import { computeTaxSchedules, deferredTaxByMonth, deferredTaxPeriods } from '../../shared/engine/tax';
import { recordWriter } from './records';
import { SCHEDULE_COLUMNS, scheduleRecord } from './scheduleOutput';
import type { Sink } from './sink';

function schedulesOf(fleet: Fleet, book: 'book' | 'tax'): LotSchedule[] {
  // The tax book has the same shape (MACRS + bonus + Section 179 in the depreciation column), so
  // the same periods and columns serve both; lots with Tax Class none have no tax schedule rows.
  return book === 'book' ? computeBookSchedules(fleet) : computeTaxSchedules(fleet).schedules;
}

export const DEFERRED_COLUMNS = ['lot_id', 'period', 'book_nbv', 'tax_nbv', 'temporary_difference', 'deferred_tax', 'deferred_tax_change'] as const;

async function writeDeferred(fleet: Fleet, period: PeriodKind, calendar: FiscalCalendar, format: 'csv' | 'json', sink: Sink): Promise<void> {
  const books = computeBookSchedules(fleet);
  const taxes = computeTaxSchedules(fleet).schedules;
  const out = recordWriter(DEFERRED_COLUMNS, format, sink);
  for (let i = 0; i < books.length; i++) {
    const byMonth = deferredTaxByMonth(books[i], taxes[i], fleet.assumptions.taxRatePct);
    for (const p of deferredTaxPeriods(byMonth, period, calendar)) {
      await out.write({
        lot_id: books[i].lotId,
        period: p.period,
        book_nbv: formatCentsPlain(p.bookNbv),
        tax_nbv: formatCentsPlain(p.taxNbv),
        temporary_difference: formatCentsPlain(p.temporaryDifference),
        deferred_tax: formatCentsPlain(p.deferredTax),
        deferred_tax_change: formatCentsPlain(p.change),
      });
    }
  }
  await out.end();
}

/** Writes the schedule of every lot, lots in file order, then periods. */
export async function writeSchedule(fleet: Fleet, book: 'book' | 'tax' | 'deferred', period: PeriodKind, format: 'csv' | 'json', sink: Sink): Promise<void> {
  const calendar: FiscalCalendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  if (book === 'deferred') return writeDeferred(fleet, period, calendar, format, sink);
  const schedules = schedulesOf(fleet, book);
  const out = recordWriter(SCHEDULE_COLUMNS, format, sink);
  for (const schedule of schedules) {
    for (const row of aggregatePeriods(schedule, period, calendar)) await out.write(scheduleRecord(schedule.lotId, row));
  }
  await out.end();
}
