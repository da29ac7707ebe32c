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

/** Repeated Lot IDs, by row id of each later occurrence, with the file reader's message. */
type Duplicates = ReadonlyMap<string, string>;

function findDuplicates(lots: readonly Lot[], rowIds: readonly string[], drafts: Drafts): Duplicates {
  const out = new Map<string, string>();
  const firstRow = new Map<string, number>();
  // Most registers have no drafts: skip 100,000 lookups by row id that would all miss (each one
  // interns its key: two thirds of this scan's time when a 100,000-lot register opens).
  const anyDraft = Object.keys(drafts).length > 0;
  for (let i = 0; i < lots.length; i++) {
    const id = shownId(lots[i], anyDraft ? drafts[rowIds[i]] : undefined);
    if (id === '') continue;
    const first = firstRow.get(id);
    if (first === undefined) firstRow.set(id, i);
    else out.set(rowIds[i], `Lot ID "${id}" is a duplicate of row ${first + 2}`);
  }
  return out;
}

/**
 * The duplicate scan is the one whole-register pass per edit; most edits do not touch a Lot ID,
 * so the last result is kept and reused when no shown ID changed (found by comparing lot
 * references, which is far cheaper than hashing 100,000 IDs again).
 */
let dupMemo: { lots: readonly Lot[]; rowIds: readonly string[]; drafts: Drafts; value: Duplicates } | null = null;

function duplicates(lots: readonly Lot[], rowIds: readonly string[], drafts: Drafts): Duplicates {
  const m = dupMemo;
  if (m && m.rowIds === rowIds && m.lots.length === lots.length && idsUnchanged(m.lots, m.drafts, lots, drafts, rowIds)) {
    if (m.lots !== lots || m.drafts !== drafts) dupMemo = { ...m, lots, drafts };
    return m.value;
  }
  const value = findDuplicates(lots, rowIds, drafts);
  dupMemo = { lots, rowIds, drafts, value };
  return value;
}

function idsUnchanged(oldLots: readonly Lot[], oldDrafts: Drafts, lots: readonly Lot[], drafts: Drafts, rowIds: readonly string[]): boolean {
  if (oldLots !== lots) {
    for (let i = 0; i < lots.length; i++) {
      if (oldLots[i] !== lots[i] && oldLots[i].id !== lots[i].id) return false;
    }
  }
  if (oldDrafts !== drafts) {
    const rows = new Set([...Object.keys(oldDrafts), ...Object.keys(drafts)]);
    if (rows.size > 0) {
      const index = new Map<string, number>();
      rowIds.forEach((r, i) => rows.has(r) && index.set(r, i));
      for (const r of rows) {
        const i = index.get(r);
        if (i === undefined) continue;
        if (shownId(oldLots[i], oldDrafts[r]) !== shownId(lots[i], drafts[r])) return false;
      }
    }
  }
  return true;
}

/**
 * Every cell problem: the drafts' own, and Lot IDs repeated across the register, reported on the
 * later rows as the file reader reports them (`Lot ID "A" is a duplicate of row 2`, row numbers
 * as the saved sheet will have them).
 */
export function computeCellProblems(lots: readonly Lot[], rowIds: readonly string[], drafts: Drafts): CellProblems {
  const byRow = new Map<string, RowProblems>();
  for (const rowId of Object.keys(drafts)) byRow.set(rowId, { ...drafts[rowId].problems });
  for (const [rowId, message] of duplicates(lots, rowIds, drafts)) {
    const r = byRow.get(rowId) ?? {};
    r.id ??= message;
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
