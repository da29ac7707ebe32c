/**
 * The report export's pure part (DESIGN.md section 8): the engines' figures laid out as sheets of
 * values and formulas. The Node writer is electron/host/report/export-report.ts.
 */
export { buildReportModel } from './model';
export { computeReportData, lotFacts, lastActiveIndex } from './data';
export type { ReportData, ComputeReportOptions, LotFacts, StressRunner } from './data';
export { SHEET_NAMES, LOTS, BOOK, SUMMARY_TAX_RATE } from './context';
export type { ReportMeta, ReportOptions } from './context';
export { ROLL } from './sheets/rollforward';
export { TAX } from './sheets/tax-schedule';
export { DEFERRED } from './sheets/deferred-tax';
export { ECON } from './sheets/book-vs-economic';
export { planParts } from './plan';
export { col, EXCEL_MAX_ROWS, isValidSheetName, sheetPrefix } from './a1';
export { dollars, isHalfTie, straightLineCumulative, percentFormulaExact } from './exact';
export { excelSerial } from './sheets/lots';
export { REPORT_SHEET_KEYS, isFormula } from './types';
export type { CellValue, ColumnSpec, FormulaCell, NumberFormat, ReportModel, ReportRow, ReportSheetKey, SheetModel, AuditNote } from './types';
