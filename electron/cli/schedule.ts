/** `fleetbook schedule`: the book or tax schedule per lot and period, as CSV or JSON. */
import type { FiscalCalendar } from '../../shared/domain/fiscal';
import type { Fleet } from '../../shared/domain/fleet';
import { aggregatePeriods, computeBookSchedules } from '../../shared/engine/book';
import type { LotSchedule, PeriodKind } from '../../shared/engine/book/types';
import { computeTaxSchedules } from '../../shared/engine/tax';
import { CSV_HEADER, csvLine, JSON_CLOSE_AFTER_ROWS, JSON_EMPTY, JSON_OPEN, jsonElement, scheduleRecord } from './scheduleOutput';
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
  let first = true;
  if (format === 'csv') await sink.write(CSV_HEADER);
  for (const schedule of schedules) {
    for (const row of aggregatePeriods(schedule, period, calendar)) {
      const record = scheduleRecord(schedule.lotId, row);
      if (format === 'csv') await sink.write(csvLine(record));
      else {
        await sink.write(first ? JSON_OPEN + jsonElement(record, true) : jsonElement(record, false));
        first = false;
      }
    }
  }
  if (format === 'json') await sink.write(first ? JSON_EMPTY : JSON_CLOSE_AFTER_ROWS);
}
