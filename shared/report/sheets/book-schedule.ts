/**
 * Book Schedule: one row per lot and month, the figures of `fleetbook schedule` (DESIGN.md
 * section 9), plus the month's fiscal year and the lot's class for filters and totals.
 *
 * Live formulas: the opening NBV is the lot's cost (first month) or the previous closing; the
 * closing NBV is opening - depreciation - impairment - disposals; the accumulated depreciation
 * runs on from the previous month in months without a disposal; a straight-line full-month
 * month before any event is ROUND(base*k/L,2) - ROUND(base*(k-1)/L,2) over the Lots sheet's base
 * and life (the engine's cumulative rounding), wherever that is exact to the cent. Other figures
 * (declining balance, SYD, other conventions, months after an event) are the engine's values.
 */
import type { LotSchedule } from '../../engine/book/types';
import { fiscalYearLabel } from '../../domain/fiscal';
import { ref, round2 } from '../a1';
import { BOOK, LOTS, lotsCell, type ReportContext } from '../context';
import type { LotFacts } from '../data';
import { dollars, straightLineCumulative } from '../exact';
import { cachedMonthLabel } from '../fiscal-years';
import type { CellValue, ColumnSpec, ReportRow, SheetModel } from '../types';

export const BOOK_COLUMNS: ColumnSpec[] = [
  { header: 'Lot ID', width: 14, format: 'text' },
  { header: 'Period', width: 9, format: 'text' },
  { header: 'Opening NBV', width: 16, format: 'money' },
  { header: 'Depreciation', width: 14, format: 'money' },
  { header: 'Impairment', width: 14, format: 'money' },
  { header: 'Disposals', width: 14, format: 'money' },
  { header: 'Closing NBV', width: 16, format: 'money' },
  { header: 'Accumulated Depreciation', width: 16, format: 'money' },
  { header: 'Fiscal Year', width: 9, format: 'text' },
  { header: 'Class', width: 7, format: 'text' },
];

export function bookScheduleSheets(ctx: ReportContext): SheetModel[] {
  const plan = ctx.bookPlan;
  const idWidth = Math.min(40, Math.max(14, ...ctx.facts.slice(0, 10_000).map((f) => f.lot.id.length + 2)));
  const columns = BOOK_COLUMNS.map((c, i) => (i === BOOK.id ? { ...c, width: idWidth } : c));
  return plan.names.map((name, part) => ({
    name,
    columns,
    headerRow: true,
    freeze: { rows: 1, columns: 2 },
    autoFilter: true,
    rowCount: plan.rows[part],
    rows: () => bookRows(ctx, part),
  }));
}

function* bookRows(ctx: ReportContext, part: number): Iterable<ReportRow> {
  const plan = ctx.bookPlan;
  const withLots = ctx.has('lots');
  const fyLabels = new Map<number, string>();
  for (const f of ctx.facts) {
    if (plan.part[f.index] !== part) continue;
    const s = ctx.data.book[f.index];
    const first = plan.firstRow[f.index];
    const sl = withLots ? straightLineFormulas(f, s) : null;
    const costRef = withLots ? lotsCell(LOTS.cost, f.index) : null;
    let prevNbv = 0;
    for (let i = 0; i <= f.bookLast; i++) {
      const r = first + i;
      const m = s.startMonth + i;
      const additions = s.additions[i];
      const dep = s.depreciation[i];
      const imp = s.impairment[i];
      const disposals = s.disposedCost[i] - s.disposedAccum[i];
      const accum = s.closingAccum[i];
      const closing = s.closingCost[i] - accum;
      const opening = prevNbv + additions;
      let fy = fyLabels.get(m);
      if (fy === undefined) fyLabels.set(m, (fy = fiscalYearLabel(m, ctx.data.calendar)));

      const cells: CellValue[] = new Array(10);
      cells[BOOK.id] = f.lot.id;
      cells[BOOK.period] = cachedMonthLabel(m);
      cells[BOOK.opening] =
        i === 0
          ? costRef !== null && additions === f.cost
            ? { formula: costRef, result: dollars(opening) }
            : dollars(opening)
          : additions === 0
            ? { formula: ref(BOOK.closing, r - 1), result: dollars(opening) }
            : dollars(opening);
      const depFormula = sl?.(i, dep);
      cells[BOOK.depreciation] = depFormula ? { formula: depFormula, result: dollars(dep) } : dollars(dep);
      cells[BOOK.impairment] = dollars(imp);
      cells[BOOK.disposals] = dollars(disposals);
      cells[BOOK.closing] = {
        formula: round2(`${ref(BOOK.opening, r)}-${ref(BOOK.depreciation, r)}-${ref(BOOK.impairment, r)}-${ref(BOOK.disposals, r)}`),
        result: dollars(closing),
      };
      cells[BOOK.accumulated] =
        s.disposedAccum[i] === 0
          ? {
              formula: round2(i === 0 ? `${ref(BOOK.depreciation, r)}+${ref(BOOK.impairment, r)}` : `${ref(BOOK.accumulated, r - 1)}+${ref(BOOK.depreciation, r)}+${ref(BOOK.impairment, r)}`),
              result: dollars(accum),
            }
          : dollars(accum);
      cells[BOOK.fiscalYear] = fy;
      cells[BOOK.assetClass] = f.lot.assetClass;
      prevNbv = closing;
      yield { cells };
    }
  }
}

/**
 * The straight-line formula of month offset i, or undefined where the month is not the plain
 * straight line or a spreadsheet could round differently from the engine.
 */
function straightLineFormulas(f: LotFacts, s: LotSchedule): ((i: number, engineCents: number) => string | undefined) | null {
  if (!f.plainStraightLine) return null;
  const base = f.cost - f.salvage;
  if (base <= 0) return null;
  const baseRef = lotsCell(LOTS.base, f.index);
  const lifeRef = lotsCell(LOTS.life, f.index);
  const life = f.life;
  let previous = straightLineCumulative(base, 0, life);
  return (i, engineCents) => {
    const k = i + 1;
    const current = straightLineCumulative(base, k, life);
    const before = previous;
    previous = current;
    if (k > life || i >= f.untouchedMonths || i >= s.length) return undefined;
    if (!current.exact || !before.exact || current.cents - before.cents !== engineCents) return undefined;
    return k === 1
      ? `ROUND(${baseRef}/${lifeRef},2)`
      : round2(`ROUND(${baseRef}*${k}/${lifeRef},2)-ROUND(${baseRef}*${k - 1}/${lifeRef},2)`);
  };
}
