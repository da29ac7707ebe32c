/**
 * The report workbook as data (DESIGN.md section 8, "Report export"): sheets made of rows of cells,
 * where a cell is a plain value or a formula with the result the app computed. The Node writer
 * (electron/host/report) streams these rows into an .xlsx; nothing here knows about files.
 */

/** A live formula (A1 style, English function names, comma separators, no leading '=') and its cached result. */
export interface FormulaCell {
  formula: string;
  result: number | string;
}

/** Numbers are written as numbers (money in dollars, cents / 100), strings as text; null is an empty cell. */
export type CellValue = string | number | boolean | null | FormulaCell;

/**
 * How a cell's number is shown. `money`: two decimals with thousands separators, negatives in
 * parentheses; `date`: an Excel serial shown yyyy-mm-dd; `percent`: a percentage figure (15 = 15 %).
 */
export type NumberFormat = 'general' | 'text' | 'money' | 'integer' | 'decimal' | 'percent' | 'date';

export interface ColumnSpec {
  header: string;
  /** Width in characters. */
  width: number;
  format: NumberFormat;
}

export interface ReportRow {
  cells: CellValue[];
  /** Bold rows: a title, a section's own header, or a total. */
  emphasis?: 'title' | 'header' | 'total';
  /** Per-cell format overrides (sheets whose sections differ from the column's format). */
  formats?: readonly (NumberFormat | undefined)[];
}

export interface SheetModel {
  /** Sheet name as it appears on the tab (at most 31 characters). */
  name: string;
  columns: ColumnSpec[];
  /** Write the column headers as row 1 (table sheets); false for free-form sheets like the Summary. */
  headerRow: boolean;
  /** Frozen panes: rows above and columns left of the split. */
  freeze?: { rows: number; columns: number };
  /** An autofilter over the header row and every data row. */
  autoFilter: boolean;
  /** Rows after the header (exact: the writer uses it for progress and the autofilter range). */
  rowCount: number;
  /**
   * The rows after the header, in order. Iterated once, lazily, so large sheets never sit in memory;
   * a row (its array and formula objects) may be reused for the next one, so read it before asking
   * for the next.
   */
  rows(): Iterable<ReportRow>;
  /**
   * A sheet whose figures are still being computed when the writing starts (the Stress sheet's
   * Monte Carlo, in another thread): the writer awaits this before the sheet, and only then reads
   * rowCount, columns and rows.
   */
  prepare?: () => Promise<void>;
}

/** The sheets a caller can ask for. The Audit sheet is always written. */
export const REPORT_SHEET_KEYS = ['summary', 'lots', 'book', 'tax', 'deferred', 'rollforward', 'economic', 'stress', 'audit'] as const;
export type ReportSheetKey = (typeof REPORT_SHEET_KEYS)[number];

export interface AuditNote {
  topic: string;
  text: string;
}

export interface ReportModel {
  sheets: SheetModel[];
  /** Which of the requested sheets were written (Book Schedule parts count once). */
  included: ReportSheetKey[];
  notes: AuditNote[];
}

export function isFormula(v: CellValue): v is FormulaCell {
  return typeof v === 'object' && v !== null;
}
