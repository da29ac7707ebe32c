import type { Lot } from '../../../shared/domain/fleet';
import type { LotField } from '../store/fields';
import type { CellProblems, Drafts, RowDraft, RowProblems } from '../store/validation';

/** A register row as the grid sees it: the stable row id, the committed lot, what is typed over it. */
export interface FleetGridRow {
  rowId: string;
  lot: Lot;
  draft?: RowDraft;
  problems?: RowProblems;
}

export interface FleetTotals {
  lots: number;
  quantity: number;
  /** Sum of quantity x unit cost, integer cents. */
  costCents: number;
}

/** The pinned totals row. */
export interface FleetTotalRow {
  rowId: '__total';
  totals: FleetTotals;
  /** Lots in the register, to say "12 of 40 lots" when a filter hides some. */
  ofLots: number;
}

export type FleetRow = FleetGridRow | FleetTotalRow;

export function isTotalRow(r: FleetRow | undefined): r is FleetTotalRow {
  return r !== undefined && 'totals' in r;
}

/** The cost of a lot in cents: quantity x unit cost, exact. */
export function lotCost(lot: Lot): number {
  return lot.quantity * lot.unitCost;
}

/** Totals of the quantity and cost columns over some lots (the committed values). */
export function fleetTotals(lots: Iterable<Lot>): FleetTotals {
  const t: FleetTotals = { lots: 0, quantity: 0, costCents: 0 };
  for (const lot of lots) {
    t.lots++;
    t.quantity += lot.quantity;
    t.costCents += lotCost(lot);
  }
  return t;
}

function sameProblems(a: RowProblems | undefined, b: RowProblems | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a) as LotField[];
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * Builds the grid's rowData, reusing the row object of every row whose lot, draft and problems
 * did not change: with getRowId the grid then re-renders only the rows that did.
 */
export class FleetRowCache {
  private prevRows: FleetGridRow[] = [];
  private prevIds: readonly string[] | null = null;

  build(lots: readonly Lot[], rowIds: readonly string[], drafts: Drafts, problems: CellProblems): FleetGridRow[] {
    const out: FleetGridRow[] = new Array(lots.length);
    // Same rows in the same order (an edit): compare position by position, no lookups.
    const byPosition = rowIds === this.prevIds;
    const byId = byPosition ? null : new Map(this.prevRows.map((r) => [r.rowId, r]));
    // Most registers have no drafts and no problems: skip 100,000 lookups that would all miss.
    const anyDraft = Object.keys(drafts).length > 0;
    const anyProblem = problems.count > 0;
    for (let i = 0; i < lots.length; i++) {
      const rowId = rowIds[i];
      const lot = lots[i];
      const draft = anyDraft ? drafts[rowId] : undefined;
      const p = anyProblem ? problems.byRow.get(rowId) : undefined;
      const old = byPosition ? this.prevRows[i] : byId!.get(rowId);
      out[i] =
        old && old.lot === lot && old.draft === draft && sameProblems(old.problems, p)
          ? old
          : { rowId, lot, ...(draft ? { draft } : {}), ...(p ? { problems: p } : {}) };
    }
    this.prevRows = out;
    this.prevIds = rowIds;
    return out;
  }
}

export interface RowTransaction {
  add: FleetGridRow[];
  update: FleetGridRow[];
  remove: FleetGridRow[];
}

/**
 * The change from one rowData to the next as a grid transaction (cheaper than handing the grid
 * 100,000 rows to diff), when the rows kept their order and rows were only changed, appended or
 * removed; null when the grid must take the whole array (undoing a deletion puts rows back in
 * the middle).
 */
export function rowTransaction(prev: readonly FleetGridRow[], next: readonly FleetGridRow[]): RowTransaction | null {
  const tx: RowTransaction = { add: [], update: [], remove: [] };
  let i = 0;
  let j = 0;
  while (i < prev.length && j < next.length) {
    if (prev[i].rowId === next[j].rowId) {
      if (prev[i] !== next[j]) tx.update.push(next[j]);
      i++;
      j++;
    } else {
      tx.remove.push(prev[i]);
      i++;
    }
  }
  for (; i < prev.length; i++) tx.remove.push(prev[i]);
  if (j < next.length) {
    // Rows after the matched ones must all be new ones at the end.
    if (tx.remove.length > 0) return null;
    for (; j < next.length; j++) tx.add.push(next[j]);
  }
  return tx;
}
