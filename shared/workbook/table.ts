import type { Problem } from '../domain/problem';

/**
 * The neutral table model: what a CSV, an xlsx sheet or a paste from Excel looks like before
 * validation. Values stay raw (no coercion); the validator decides what each column means.
 */

/** A cell Excel formats as a date: its serial number in the sheet's date system (see SheetTable.date1904). */
export interface DateCell {
  kind: 'date';
  serial: number;
}

/** A numeric cell Excel formats as a percentage: it shows 15% and holds 0.15. */
export interface PercentCell {
  kind: 'percent';
  fraction: number;
}

/** A cell holding an Excel error value (#N/A, #DIV/0!...). */
export interface ErrorCell {
  kind: 'error';
  code: string;
}

export type CellValue = string | number | boolean | null | DateCell | PercentCell | ErrorCell;

export interface SheetRow {
  /** 1-based row number as the user sees it in Excel (the record number for a CSV). */
  row: number;
  /** cells[0] is column A. Missing trailing cells are blank. */
  cells: CellValue[];
}

export interface SheetTable {
  name: string;
  /** Non-empty rows in row order; row 1 is the header row. */
  rows: SheetRow[];
  /** The workbook uses the 1904 date system (old Mac Excel): serials count from 1904-01-01. */
  date1904?: boolean;
  /** What the reader itself noticed (an unterminated quote, a formula without a saved result...). */
  readProblems?: Problem[];
}

export function isBlankCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => isBlankCell(c));
}
