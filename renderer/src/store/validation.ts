import type { Lot } from '../../../shared/domain/fleet';
import type { Problem } from '../../../shared/domain/problem';
import { cellRef } from '../../../shared/domain/problem';
import { LOT_FIELDS, type LotField } from './fields';

/**
 * A row that is not valid as typed: the text of the cells edited since it was last valid (kept
 * exactly, nothing typed is lost) and the file reader's problems. The row's Lot keeps its last
 * valid values until the row reads cleanly again, then everything typed is committed at once.
 */
export interface RowDraft {
  raw: Partial<Record<LotField, string>>;
  /** Problems by cell; a problem can sit on a cell that was not edited (Acquired after In Service). */
  problems: Partial<Record<LotField, string>>;
}

/** Drafts by row id. Valid rows have no entry. */
export type Drafts = Readonly<Record<string, RowDraft>>;

export type RowProblems = Partial<Record<LotField, string>>;

export interface CellProblems {
  /** Problems by row id, then field; rows without problems have no entry. */
  byRow: ReadonlyMap<string, RowProblems>;
  /** Number of cells with a problem. */
  count: number;
}

/** The Lot ID a row shows: the typed text while the row is a draft, else the lot's. */
function shownId(lot: Lot, draft: RowDraft | undefined): string {
  const raw = draft?.raw.id;
  return raw !== undefined ? raw.trim() : lot.id;
}

/**
 * Every cell problem: the drafts' own, and Lot IDs repeated across the register, reported on the
 * later rows as the file reader reports them (`Lot ID "A" is a duplicate of row 2`, row numbers
 * as the saved sheet will have them).
 */
export function computeCellProblems(lots: readonly Lot[], rowIds: readonly string[], drafts: Drafts): CellProblems {
  const byRow = new Map<string, RowProblems>();
  for (const rowId of Object.keys(drafts)) byRow.set(rowId, { ...drafts[rowId].problems });
  const firstRow = new Map<string, number>();
  for (let i = 0; i < lots.length; i++) {
    const rowId = rowIds[i];
    const id = shownId(lots[i], drafts[rowId]);
    if (id === '') continue;
    const first = firstRow.get(id);
    if (first === undefined) {
      firstRow.set(id, i);
      continue;
    }
    const r = byRow.get(rowId) ?? {};
    r.id ??= `Lot ID "${id}" is a duplicate of row ${first + 2}`;
    byRow.set(rowId, r);
  }
  let count = 0;
  for (const r of byRow.values()) count += Object.keys(r).length;
  return { byRow, count };
}

/** The problems as `Fleet!E14: message`, in register order (1-based rows after the header). */
export function cellProblemList(problems: CellProblems, rowIds: readonly string[], sheet = 'Fleet'): Problem[] {
  const list: Problem[] = [];
  if (problems.count === 0) return list;
  for (let i = 0; i < rowIds.length; i++) {
    const r = problems.byRow.get(rowIds[i]);
    if (!r) continue;
    for (let c = 0; c < LOT_FIELDS.length; c++) {
      const msg = r[LOT_FIELDS[c]];
      if (msg) list.push({ sheet, cell: cellRef(c, i + 2), message: msg, severity: 'error' });
    }
  }
  return list;
}
