/**
 * `fleetbook schedule` output (DESIGN.md section 9): one row per lot and period, amounts with two
 * decimals, '.' as the decimal point, no thousands separator.
 *
 * opening_nbv is the carrying amount at the start of the period including the period's additions
 * (the lot's cost in its first period), so every row ties on its own:
 *   closing_nbv = opening_nbv - depreciation - impairment - disposals.
 * JSON carries the same fields with amounts as strings ("1000.00"): exact, and the same text as the CSV.
 */
import { formatCentsPlain } from '../../shared/domain/money';
import type { PeriodRow } from '../../shared/engine/book/types';

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

/** RFC 4180 quoting, only where a field needs it. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = `${SCHEDULE_COLUMNS.join(',')}\n`;

export function csvLine(record: ScheduleRecord): string {
  return `${SCHEDULE_COLUMNS.map((c) => csvField(record[c])).join(',')}\n`;
}

/** One JSON object per line inside the array, so large outputs stream and stay diffable. */
export function jsonElement(record: ScheduleRecord, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(record)}`;
}

export const JSON_OPEN = '[\n';
export const JSON_CLOSE_AFTER_ROWS = '\n]\n';
export const JSON_EMPTY = '[]\n';
