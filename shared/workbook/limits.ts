import { columnLetter, type Problem } from '../domain/problem';
import type { SheetTable } from './table';

/**
 * How large a sheet Fleetbook opens. A fleet register exported unit by unit reaches 100,000 rows
 * (DESIGN.md section 1); twice that is room to spare, and past it the file is most likely not a
 * fleet at all (or hostile), so it is refused with a sentence rather than read into memory.
 */
export const MAX_SHEET_ROWS = 200_000;
/** A Fleet sheet has some 20 columns; 256 leaves room for a user's own, as Excel 2003's limit did. */
export const MAX_SHEET_COLUMNS = 256;

const fmt = (n: number): string => n.toLocaleString('en-US');

export function tooManyRows(sheet: string, rows: number): Problem {
  return { sheet, message: `the sheet has ${fmt(rows)} rows, more than the ${fmt(MAX_SHEET_ROWS)} Fleetbook opens`, severity: 'error' };
}

/** Sheets past the row or column limit, each as a problem (none when all are within). */
export function checkSheetLimits(tables: readonly SheetTable[]): Problem[] {
  const problems: Problem[] = [];
  for (const t of tables) {
    if (t.rows.length > MAX_SHEET_ROWS) problems.push(tooManyRows(t.name, t.rows.length));
    let widest: { row: number; width: number } | null = null;
    for (const r of t.rows) if (r.cells.length > (widest?.width ?? MAX_SHEET_COLUMNS)) widest = { row: r.row, width: r.cells.length };
    if (widest) {
      problems.push({
        sheet: t.name,
        cell: `${columnLetter(widest.width - 1)}${widest.row}`,
        message: `the sheet has a cell in column ${columnLetter(widest.width - 1)}, past the ${MAX_SHEET_COLUMNS} columns (A to ${columnLetter(MAX_SHEET_COLUMNS - 1)}) Fleetbook opens`,
        severity: 'error',
      });
    }
  }
  return problems;
}
