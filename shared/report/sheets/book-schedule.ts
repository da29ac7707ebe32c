/**
 * Book Schedule: one row per lot and month, the columns and figures of `fleetbook schedule`
 * (DESIGN.md section 9). Fiscal-year figures per lot, class and fleet are on the Rollforward sheet
 * (SUMs of these rows). The sheet is as lean as the spec's columns: it is by far the largest.
 *
 * Live formulas: the opening NBV is the lot's cost (first month) or the previous closing; the
 * closing NBV is opening - depreciation - impairment - disposals; the accumulated depreciation
 * runs on from the previous month in months without a disposal; a straight-line full-month
 * month k before any event is ROUND(ROUND(base*k/L,2) - accumulated through k-1, 2) over the Lots
 * sheet's base and life (the engine's cumulative rounding), wherever that is exact to the cent
 * (not where base*k/L is a half cent). Other figures
 * (declining balance, SYD, other conventions, months after an event) are the engine's values.
 */
import { col } from '../a1';
import { BOOK, LOTS, lotsCell, type ReportContext } from '../context';
import type { LotFacts } from '../data';
import { dollars, straightLineCumulative } from '../exact';
import { cachedMonthLabel } from '../fiscal-years';
import type { CellValue, ColumnSpec, FormulaCell, ReportRow, SheetModel } from '../types';
import { tableParts, withLotIdWidth } from './table';

export const BOOK_COLUMNS: ColumnSpec[] = [
  { header: 'Lot ID', width: 14, format: 'text' },
  { header: 'Period', width: 9, format: 'text' },
  { header: 'Opening NBV', width: 16, format: 'money' },
  { header: 'Depreciation', width: 14, format: 'money' },
  { header: 'Impairment', width: 14, format: 'money' },
  { header: 'Disposals', width: 14, format: 'money' },
  { header: 'Closing NBV', width: 16, format: 'money' },
  { header: 'Accumulated Depreciation', width: 16, format: 'money' },
];

export function bookScheduleSheets(ctx: ReportContext): SheetModel[] {
  return tableParts(ctx.bookPlan, withLotIdWidth(ctx, BOOK_COLUMNS, BOOK.id), 2, (part) => bookRows(ctx, part));
}

function* bookRows(ctx: ReportContext, part: number): Iterable<ReportRow> {
  const plan = ctx.bookPlan;
  const withLots = ctx.has('lots');
  // One row object, refilled for every month (the writer renders a row before asking for the next).
  const cells: CellValue[] = new Array(BOOK_COLUMNS.length).fill(null);
  const row: ReportRow = { cells };
  const fOpening: FormulaCell = { formula: '', result: 0 };
  const fDepreciation: FormulaCell = { formula: '', result: 0 };
  const fClosing: FormulaCell = { formula: '', result: 0 };
  const fAccumulated: FormulaCell = { formula: '', result: 0 };
  const formula = (cell: FormulaCell, text: string, result: number): FormulaCell => {
    cell.formula = text;
    cell.result = result;
    return cell;
  };
  const [C, D, E, F, G, H] = [BOOK.opening, BOOK.depreciation, BOOK.impairment, BOOK.disposals, BOOK.closing, BOOK.accumulated].map(col);
  for (const f of ctx.facts) {
    if (plan.part[f.index] !== part) continue;
    const s = ctx.data.book[f.index];
    const first = plan.firstRow[f.index];
    const sl = withLots ? straightLineFormula(f) : null;
    const costRef = withLots ? lotsCell(LOTS.cost, f.index) : null;
    let prevNbv = 0;
    let prevAccum = 0;
    for (let i = 0; i <= f.bookLast; i++) {
      const r = first + i;
      const rs = String(r);
      const ps = String(r - 1);
      const m = s.startMonth + i;
      const additions = s.additions[i];
      const dep = s.depreciation[i];
      const imp = s.impairment[i];
      const disposals = s.disposedCost[i] - s.disposedAccum[i];
      const accum = s.closingAccum[i];
      const closing = s.closingCost[i] - accum;
      const opening = prevNbv + additions;
      cells[BOOK.id] = f.lot.id;
      cells[BOOK.period] = cachedMonthLabel(m);
      cells[BOOK.opening] =
        i === 0
          ? costRef !== null && additions === f.cost
            ? formula(fOpening, costRef, dollars(opening))
            : dollars(opening)
          : additions === 0
            ? formula(fOpening, G + ps, dollars(opening))
            : dollars(opening);
      const depFormula = sl !== null && i < f.untouchedMonths ? sl(i, dep, prevAccum, ps) : undefined;
      cells[BOOK.depreciation] = depFormula !== undefined ? formula(fDepreciation, depFormula, dollars(dep)) : dollars(dep);
      cells[BOOK.impairment] = dollars(imp);
      cells[BOOK.disposals] = dollars(disposals);
      cells[BOOK.closing] = formula(fClosing, 'ROUND(' + C + rs + '-' + D + rs + '-' + E + rs + '-' + F + rs + ',2)', dollars(closing));
      cells[BOOK.accumulated] =
        s.disposedAccum[i] === 0
          ? formula(fAccumulated, i === 0 ? 'ROUND(' + D + rs + '+' + E + rs + ',2)' : 'ROUND(' + H + ps + '+' + D + rs + '+' + E + rs + ',2)', dollars(accum))
          : dollars(accum);
      prevNbv = closing;
      prevAccum = accum;
      yield row;
    }
  }
}

const ACCUMULATED = col(BOOK.accumulated);

/**
 * The straight-line formula of month offset i: month k = i + 1 books the cumulative straight line
 * through k, rounded, less the accumulated depreciation through k - 1 (the previous row's H):
 * ROUND(ROUND(base*k/L,2)-H{prev},2), and ROUND(base/L,2) in the first month. Undefined where that
 * is not the engine's figure or a spreadsheet could round differently (a half-cent tie).
 */
function straightLineFormula(f: LotFacts): ((i: number, engineCents: number, accumBefore: number, prevRow: string) => string | undefined) | null {
  if (!f.plainStraightLine) return null;
  const base = f.cost - f.salvage;
  if (base <= 0) return null;
  const baseRef = lotsCell(LOTS.base, f.index);
  const lifeRef = lotsCell(LOTS.life, f.index);
  const life = f.life;
  return (i, engineCents, accumBefore, prevRow) => {
    const k = i + 1;
    if (k > life) return undefined;
    const through = straightLineCumulative(base, k, life);
    if (!through.exact || through.cents - accumBefore !== engineCents) return undefined;
    // The engine's month is C(k) - C(k-1), so accumBefore, the previous row's H, is C(k-1).
    if (k === 1) return 'ROUND(' + baseRef + '/' + lifeRef + ',2)';
    return 'ROUND(ROUND(' + baseRef + '*' + k + '/' + lifeRef + ',2)-' + ACCUMULATED + prevRow + ',2)';
  };
}
