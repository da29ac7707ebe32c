/**
 * A problem found in user input, with its place: a sheet and cell (`Fleet!E14`) for workbooks,
 * an argument name for the command line. Rendered as `Sheet!Cell: message`.
 */
export interface Problem {
  /** Sheet name (`Fleet`, `Assumptions`, ...) or, outside a workbook, the input's name. */
  sheet: string;
  /** A1-style cell reference, when the problem has a single cell. */
  cell?: string;
  message: string;
  /** Warnings are reported but do not stop a file from loading. */
  severity?: 'error' | 'warning';
}

export function formatProblem(p: Problem): string {
  return p.cell ? `${p.sheet}!${p.cell}: ${p.message}` : `${p.sheet}: ${p.message}`;
}

/** Excel column letters for a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 reference for a 0-based column and a 1-based row. */
export function cellRef(colIndex: number, row: number): string {
  return `${columnLetter(colIndex)}${row}`;
}
