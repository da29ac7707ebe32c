import type { Problem } from '../domain/problem';
import { matchHeaders, type ColumnMapping, type ExtraColumn, type FieldDef, type HeaderMatch } from './columns';
import type { ReadContext } from './rowReader';
import { isBlankRow, type CellValue, type SheetRow, type SheetTable } from './table';

/** Columns of a sheet that Fleetbook does not read, with their values aligned with the items read. */
export interface ExtraColumns {
  headers: string[];
  values: CellValue[][];
}

export function extraValues(row: SheetRow, extras: readonly ExtraColumn[]): CellValue[] {
  return extras.map((c) => row.cells[c.index] ?? null);
}

export function emptyExtras(): ExtraColumns {
  return { headers: [], values: [] };
}

/** Data rows: everything under the header row that is not blank. */
export function dataRows(sheet: SheetTable): SheetRow[] {
  return sheet.rows.filter((r) => r.row > 1 && !isBlankRow(r.cells));
}

export function hasHeaderRow(sheet: SheetTable): boolean {
  const first = sheet.rows[0];
  return first !== undefined && first.row === 1 && !isBlankRow(first.cells);
}

/**
 * Matches a sheet's headers and reports its structural problems (no header row, missing required
 * columns, repeated columns). Null when the rows cannot be read at all.
 */
export function openSheet<N extends string>(
  sheet: SheetTable,
  fields: readonly FieldDef<N>[],
  required: readonly (N | readonly N[])[],
  mapping: ColumnMapping | undefined,
  ctx: ReadContext,
  usedMappingKeys: Set<string>,
): HeaderMatch<N> | null {
  if (!hasHeaderRow(sheet)) {
    const message = sheet.rows.length === 0 ? 'the sheet is empty' : 'row 1 must be the header row, and it is empty';
    ctx.problems.push({ sheet: sheet.name, cell: 'A1', message, severity: 'error' });
    return null;
  }
  const match = matchHeaders(sheet, fields, mapping);
  ctx.problems.push(...match.problems);
  match.usedMappingKeys.forEach((k) => usedMappingKeys.add(k));
  const missing: Problem[] = [];
  for (const need of required) {
    const options: readonly N[] = typeof need === 'string' ? [need] : need;
    if (options.some((f) => match.columns.has(f))) continue;
    const alternatives = options.slice(1).map((f) => ` (or "${f}")`).join('');
    missing.push({ sheet: sheet.name, cell: 'A1', message: `missing required column "${options[0]}"${alternatives}`, severity: 'error' });
  }
  ctx.problems.push(...missing);
  // Rows are still read after a repeated column (the first one counts), to report all problems at once.
  return missing.length > 0 ? null : match;
}
