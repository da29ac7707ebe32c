/** What the lot tables share: the width of their Lot ID column and their layout over sheet parts. */
import type { ReportContext } from '../context';
import type { PartPlan } from '../plan';
import type { ColumnSpec, ReportRow, SheetModel } from '../types';

/** The columns with the Lot ID column as wide as the longest of the first 10,000 ids (14 to 40 characters). */
export function withLotIdWidth(ctx: ReportContext, columns: readonly ColumnSpec[], idColumn: number): ColumnSpec[] {
  const width = Math.min(40, Math.max(14, ...ctx.facts.slice(0, 10_000).map((f) => f.lot.id.length + 2)));
  return columns.map((c, i) => (i === idColumn ? { ...c, width } : c));
}

/** A lot table over the sheets of `plan`: a header row, frozen panes, a filter; `rows(part)` gives each sheet's rows. */
export function tableParts(plan: PartPlan, columns: ColumnSpec[], freezeColumns: number, rows: (part: number) => Iterable<ReportRow>): SheetModel[] {
  return plan.names.map((name, part) => ({
    name,
    columns,
    headerRow: true,
    freeze: { rows: 1, columns: freezeColumns },
    autoFilter: true,
    rowCount: plan.rows[part],
    rows: () => rows(part),
  }));
}
