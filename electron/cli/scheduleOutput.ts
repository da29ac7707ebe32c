/**
 * `fleetbook schedule` output (DESIGN.md section 9): one row per lot and period, amounts with two
 * decimals, '.' as the decimal point, no thousands separator.
 *
 * opening_nbv is the carrying amount at the start of the period including the period's additions
 * (the lot's cost in its first period), so every row ties on its own:
 *   closing_nbv = opening_nbv - depreciation - impairment - disposals.
 */
import { formatCentsPlain } from '../../shared/domain/money';
import type { PeriodRow } from '../../shared/engine/book/types';
import { csvHeader, csvRecord } from './records';

export const SCHEDULE_COLUMNS = [
  'lot_id',
  'period',
  'opening_nbv',
  'depreciation',
  'impairment',
  'disposals',
  'closing_nbv',
  'accumulated_depreciation',
] as const;

export type ScheduleRecord = Record<(typeof SCHEDULE_COLUMNS)[number], string>;

export function scheduleRecord(lotId: string, row: PeriodRow): ScheduleRecord {
  return {
    lot_id: lotId,
    period: row.period,
    opening_nbv: formatCentsPlain(row.openingNbv + row.additions),
    depreciation: formatCentsPlain(row.depreciation),
    impairment: formatCentsPlain(row.impairment),
    disposals: formatCentsPlain(row.disposals),
    closing_nbv: formatCentsPlain(row.closingNbv),
    accumulated_depreciation: formatCentsPlain(row.closingAccum),
  };
}

export const CSV_HEADER = csvHeader(SCHEDULE_COLUMNS);

export function csvLine(record: ScheduleRecord): string {
  return csvRecord(SCHEDULE_COLUMNS, record);
}
