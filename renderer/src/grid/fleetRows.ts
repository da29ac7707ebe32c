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
  private prev = new Map<string, FleetGridRow>();

  build(lots: readonly Lot[], rowIds: readonly string[], drafts: Drafts, problems: CellProblems): FleetGridRow[] {
    const next = new Map<string, FleetGridRow>();
    const out: FleetGridRow[] = new Array(lots.length);
    for (let i = 0; i < lots.length; i++) {
      const rowId = rowIds[i];
      const lot = lots[i];
      const draft = drafts[rowId];
      const p = problems.byRow.get(rowId);
      const old = this.prev.get(rowId);
      const row =
        old && old.lot === lot && old.draft === draft && sameProblems(old.problems, p)
          ? old
          : { rowId, lot, ...(draft ? { draft } : {}), ...(p ? { problems: p } : {}) };
      next.set(rowId, row);
      out[i] = row;
    }
    this.prev = next;
    return out;
  }
}
