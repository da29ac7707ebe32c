/** A1 references for the report's formulas. Columns are 0-based indexes, rows 1-based. */
import { columnLetter } from '../domain/problem';

/** Excel's hard limit of rows in a sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

const LETTERS: string[] = [];
/** Column letters, cached (formulas are built millions of times). */
export function col(index: number): string {
  return (LETTERS[index] ??= columnLetter(index));
}

/** The sheet part of a reference: `Lots!`, `'Book Schedule'!` (quoted when the name needs it). */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** `C5` */
export function ref(column: number, row: number): string {
  return `${col(column)}${row}`;
}

/** `$C$5` */
export function absRef(column: number, row: number): string {
  return `$${col(column)}$${row}`;
}

/** `C5:C16` */
export function rangeRef(column: number, firstRow: number, lastRow: number): string {
  return `${col(column)}${firstRow}:${col(column)}${lastRow}`;
}

/** `$C$5:$C$16` */
export function absRangeRef(column: number, firstRow: number, lastRow: number): string {
  return `$${col(column)}$${firstRow}:$${col(column)}$${lastRow}`;
}

/** A string literal inside a formula: "FY2026" (quotes doubled). */
export function formulaString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], not starting or
 * ending with an apostrophe.
 */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/**
 * `ROUND(expr,2)`: sums and differences of 2-decimal amounts in binary floating point carry dust
 * (0.3 - 0.1 = 0.19999999999999998); rounding every money formula keeps each cell the exact
 * 2-decimal figure, so no error builds up along a chain and a zero shows as 0.00, not (0.00).
 */
export function round2(expr: string): string {
  return `ROUND(${expr},2)`;
}
