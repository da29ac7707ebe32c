/**
 * Book vs Economic: per lot and month of its physical life, the book NBV beside the economic value
 * (DESIGN.md section 6), the columns of `fleetbook value`. Book NBV
 * points at the Book Schedule's closing NBV (the last one once the book schedule has ended); gap =
 * book NBV - economic value. Lots without a market model have no rows (listed in the Audit notes).
 */
import { col } from '../a1';
import { bookCell, BOOK, SHEET_NAMES, type ReportContext } from '../context';
import { dollars } from '../exact';
import { cachedMonthLabel } from '../fiscal-years';
import { planParts, type PartPlan } from '../plan';
import type { CellValue, ColumnSpec, FormulaCell, ReportRow, SheetModel } from '../types';
import { tableParts, withLotIdWidth } from './table';

export const ECON = { id: 0, period: 1, bookNbv: 2, economicValue: 3, gap: 4, economicLife: 5 } as const;

const COLUMNS: ColumnSpec[] = [
  { header: 'Lot ID', width: 14, format: 'text' },
  { header: 'Period', width: 9, format: 'text' },
  { header: 'Book NBV', width: 16, format: 'money' },
  { header: 'Economic Value', width: 16, format: 'money' },
  { header: 'Gap', width: 16, format: 'money' },
  { header: 'Economic Life (months)', width: 10, format: 'integer' },
];

export function economicPlan(ctx: ReportContext): PartPlan {
  const lots = ctx.data.economics!.lots;
  const sizes = new Int32Array(ctx.facts.length);
  for (const f of ctx.facts) sizes[f.index] = lots[f.index].modelled ? lots[f.index].length : 0;
  return planParts(SHEET_NAMES.economic, 0, sizes, ctx.maxRowsPerSheet);
}

export function bookVsEconomicSheets(ctx: ReportContext, plan: PartPlan): SheetModel[] {
  return tableParts(plan, withLotIdWidth(ctx, COLUMNS, ECON.id), 2, (part) => econRows(ctx, plan, part));
}

function* econRows(ctx: ReportContext, plan: PartPlan, part: number): Iterable<ReportRow> {
  const lots = ctx.data.economics!.lots;
  const withBook = ctx.has('book');
  // One row object, refilled for every month (the writer renders a row before asking for the next).
  const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
  const row: ReportRow = { cells };
  const fBook: FormulaCell = { formula: '', result: 0 };
  const fGap: FormulaCell = { formula: '', result: 0 };
  const C = col(ECON.bookNbv);
  const D = col(ECON.economicValue);
  for (const f of ctx.facts) {
    const e = lots[f.index];
    if (!e.modelled || e.length === 0 || plan.part[f.index] !== part) continue;
    const book = ctx.data.book[f.index];
    let r = plan.firstRow[f.index];
    for (let i = 0; i < e.length; i++, r++) {
      const m = e.startMonth + i;
      const nbv = e.bookNbv ? e.bookNbv[i] : 0;
      const ev = e.economicValue[i];
      cells[ECON.id] = f.lot.id;
      cells[ECON.period] = cachedMonthLabel(m);
      const bookOffset = m - book.startMonth;
      if (withBook && e.bookNbv && bookOffset >= 0) {
        fBook.formula = bookCell(ctx, f, BOOK.closing, bookOffset);
        fBook.result = dollars(nbv);
        cells[ECON.bookNbv] = fBook;
      } else cells[ECON.bookNbv] = dollars(nbv);
      cells[ECON.economicValue] = dollars(ev);
      const rs = String(r);
      fGap.formula = 'ROUND(' + C + rs + '-' + D + rs + ',2)';
      fGap.result = dollars(nbv - ev);
      cells[ECON.gap] = fGap;
      cells[ECON.economicLife] = e.economicLifeMonths;
      yield row;
    }
  }
}
