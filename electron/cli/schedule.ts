/** `fleetbook schedule`: the book or tax schedule per lot and period, as CSV or JSON. */
import type { FiscalCalendar } from '../../shared/domain/fiscal';
import type { Fleet } from '../../shared/domain/fleet';
import { aggregatePeriods, computeBookSchedules } from '../../shared/engine/book';
import type { LotSchedule, PeriodKind } from '../../shared/engine/book/types';
import { computeTaxSchedules } from '../../shared/engine/tax';
import { recordWriter } from './records';
import { SCHEDULE_COLUMNS, scheduleRecord } from './scheduleOutput';
import type { Sink } from './sink';

function schedulesOf(fleet: Fleet, book: 'book' | 'tax'): LotSchedule[] {
  // The tax book has the same shape (MACRS + bonus + Section 179 in the depreciation column), so
  // the same periods and columns serve both; lots with Tax Class none have no tax schedule rows.
  return book === 'book' ? computeBookSchedules(fleet) : computeTaxSchedules(fleet).schedules;
}

/** Writes the schedule of every lot, lots in file order, then periods. */
export async function writeSchedule(fleet: Fleet, book: 'book' | 'tax', period: PeriodKind, format: 'csv' | 'json', sink: Sink): Promise<void> {
  const calendar: FiscalCalendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  const schedules = schedulesOf(fleet, book);
  const out = recordWriter(SCHEDULE_COLUMNS, format, sink);
  for (const schedule of schedules) {
    for (const row of aggregatePeriods(schedule, period, calendar)) await out.write(scheduleRecord(schedule.lotId, row));
  }
  await out.end();
}
