/**
 * Deferred Tax (DESIGN.md section 5): for each fiscal (= tax) year, the fleet, each class, then every
 * lot: book NBV, tax NBV, temporary difference = book - tax, the tax rate, deferred tax =
 * ROUND(difference x rate / 100, 2) per lot (positive a liability, negative an asset) and its change
 * in the year (the deferred tax expense, or benefit when negative).
 *
 * The figures are the engine's (`deferredTaxByMonth`, read at each year's last month). A lot's book
 * and tax NBV are references to its Tax Schedule row when that sheet is written, values otherwise;
 * the rate is a reference to the Summary's Tax Rate % cell when there is a Summary. Fleet and class
 * rows add up the year's lot rows (SUM / SUMIFS), so they are sums of the lots' rounded cents, as
 * the engine has it. A year's rows never straddle two sheets; a lot's change may point at its row
 * of the year before on the previous part.
 */
import type { AssetClass } from '../../domain/fleet';
import { absRangeRef, absRef, ref, round2, sheetPrefix } from '../a1';
import { SHEET_NAMES, SUMMARY_TAX_RATE, type ReportContext } from '../context';
import { deferredTaxByMonth } from '../../engine/tax';
import { dollars, percentFormulaExact } from '../exact';
import { planParts, type PartPlan } from '../plan';
import type { CellValue, ColumnSpec, ReportRow, SheetModel } from '../types';
import { TAX, type TaxLayout } from './tax-schedule';
import { tableParts, withLotIdWidth } from './table';

export const DEFERRED = {
  fiscalYear: 0, level: 1, assetClass: 2, id: 3, bookNbv: 4, taxNbv: 5, difference: 6, taxRate: 7, deferredTax: 8, change: 9,
} as const;

const COLUMNS: ColumnSpec[] = [
  { header: 'Fiscal Year', width: 10, format: 'text' },
  { header: 'Level', width: 7, format: 'text' },
  { header: 'Class', width: 7, format: 'text' },
  { header: 'Lot ID', width: 14, format: 'text' },
  { header: 'Book NBV', width: 16, format: 'money' },
  { header: 'Tax NBV', width: 16, format: 'money' },
  { header: 'Temporary Difference', width: 16, format: 'money' },
  { header: 'Tax Rate %', width: 10, format: 'percent' },
  { header: 'Deferred Tax Liability (Asset)', width: 18, format: 'money' },
  { header: 'Change in Year (Expense (Benefit))', width: 18, format: 'money' },
];

/** Figures kept per lot and year, in cents: book NBV, tax NBV, deferred tax. */
const FIGURES = 3;

export interface DeferredLayout {
  /** One block per fiscal year: the fleet row, the classes with lots by then, the lots in service by then. */
  plan: PartPlan;
  /** Per lot, its first fiscal year (index into ctx.taxYears). */
  firstYear: Int32Array;
  /** figures[(lot * years + year) * 3 + k], k: 0 book NBV, 1 tax NBV, 2 deferred tax (cents, year end). */
  figures: Float64Array;
  /** Per year: the classes shown, and the lots in service by then in file order. */
  classesOf: AssetClass[][];
  lotsOf: Int32Array[];
  /** rank[lot * years + year]: the lot's place among the year's lot rows. */
  rank: Int32Array;
}

export function deferredLayout(ctx: ReportContext, tax: TaxLayout): DeferredLayout {
  const years = ctx.taxYears;
  const n = years.count;
  const lots = ctx.facts.length;
  const rate = ctx.data.fleet.assumptions.taxRatePct;
  const taxSchedules = ctx.data.tax!.schedules;
  const figures = new Float64Array(lots * n * FIGURES);
  for (const f of ctx.facts) {
    const d = deferredTaxByMonth(ctx.data.book[f.index], taxSchedules[f.index], rate);
    const len = d.deferredTax.length;
    for (let j = tax.firstYear[f.index]; j < n; j++) {
      // Year end; before the lot starts nothing, after both schedules end the last figures stay.
      const i = Math.min(years.firstStart + 12 * j + 11 - d.startMonth, len - 1);
      if (i < 0) continue;
      const at = (f.index * n + j) * FIGURES;
      figures[at] = d.bookNbv[i];
      figures[at + 1] = d.taxNbv[i];
      figures[at + 2] = d.deferredTax[i];
    }
  }
  const classesOf: AssetClass[][] = [];
  const lotsOf: Int32Array[] = [];
  const rank = new Int32Array(lots * n);
  const sizes = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const present = new Set<AssetClass>();
    const list: number[] = [];
    for (const f of ctx.facts) {
      if (tax.firstYear[f.index] > j) continue;
      rank[f.index * n + j] = list.length;
      list.push(f.index);
      present.add(f.lot.assetClass);
    }
    classesOf.push(ctx.classes.filter((c) => present.has(c)));
    lotsOf.push(Int32Array.from(list));
    sizes[j] = 1 + classesOf[j].length + list.length;
  }
  const plan = planParts(SHEET_NAMES.deferred, 0, sizes, ctx.maxRowsPerSheet);
  return { plan, firstYear: tax.firstYear, figures, classesOf, lotsOf, rank };
}

export function deferredTaxSheets(ctx: ReportContext, tax: TaxLayout, layout: DeferredLayout): SheetModel[] {
  return tableParts(layout.plan, withLotIdWidth(ctx, COLUMNS, DEFERRED.id), 4, (part) => partRows(ctx, tax, layout, part));
}

/** The sheet row of a lot's row in year j (its block's fleet row, then the classes, then the lots). */
function lotRow(layout: DeferredLayout, years: number, lot: number, j: number): number {
  return layout.plan.firstRow[j] + 1 + layout.classesOf[j].length + layout.rank[lot * years + j];
}

function* partRows(ctx: ReportContext, tax: TaxLayout, layout: DeferredLayout, part: number): Iterable<ReportRow> {
  const years = ctx.taxYears;
  const n = years.count;
  const { plan, figures } = layout;
  const rate = ctx.data.fleet.assumptions.taxRatePct;
  const rateCell: CellValue = ctx.has('summary') ? { formula: `${sheetPrefix(SHEET_NAMES.summary)}${absRef(SUMMARY_TAX_RATE.column, SUMMARY_TAX_RATE.row)}`, result: rate } : rate;
  const withTaxSheet = ctx.has('tax');
  const at = (lot: number, j: number, k: number) => (j < 0 || j < layout.firstYear[lot] ? 0 : figures[(lot * n + j) * FIGURES + k]);

  for (let j = 0; j < n; j++) {
    if (plan.part[j] !== part) continue;
    const label = years.labels[j];
    const lots = layout.lotsOf[j];
    const classes = layout.classesOf[j];
    const top = plan.firstRow[j];
    const firstLot = top + 1 + classes.length;
    const lastLot = firstLot + lots.length - 1;
    const sums = (ofClass: AssetClass | null) => {
      const s = { book: 0, tax: 0, deferred: 0, change: 0 };
      for (const lot of lots) {
        if (ofClass !== null && ctx.facts[lot].lot.assetClass !== ofClass) continue;
        s.book += at(lot, j, 0);
        s.tax += at(lot, j, 1);
        s.deferred += at(lot, j, 2);
        s.change += at(lot, j, 2) - at(lot, j - 1, 2);
      }
      return s;
    };

    // Fleet, then classes: sums of the year's lot rows.
    for (const assetClass of [null, ...classes]) {
      const r = assetClass === null ? top : top + 1 + classes.indexOf(assetClass);
      const s = sums(assetClass);
      const total = (c: number) =>
        assetClass === null
          ? round2(`SUM(${absRangeRef(c, firstLot, lastLot)})`)
          : round2(`SUMIFS(${absRangeRef(c, firstLot, lastLot)},${absRangeRef(DEFERRED.assetClass, firstLot, lastLot)},$${ref(DEFERRED.assetClass, r)})`);
      const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
      cells[DEFERRED.fiscalYear] = label;
      cells[DEFERRED.level] = assetClass === null ? 'Fleet' : 'Class';
      cells[DEFERRED.assetClass] = assetClass ?? 'All';
      cells[DEFERRED.bookNbv] = { formula: total(DEFERRED.bookNbv), result: dollars(s.book) };
      cells[DEFERRED.taxNbv] = { formula: total(DEFERRED.taxNbv), result: dollars(s.tax) };
      cells[DEFERRED.difference] = { formula: round2(`${ref(DEFERRED.bookNbv, r)}-${ref(DEFERRED.taxNbv, r)}`), result: dollars(s.book - s.tax) };
      cells[DEFERRED.taxRate] = rateCell;
      cells[DEFERRED.deferredTax] = { formula: total(DEFERRED.deferredTax), result: dollars(s.deferred) };
      cells[DEFERRED.change] = { formula: total(DEFERRED.change), result: dollars(s.change) };
      yield { cells, emphasis: assetClass === null ? 'total' : undefined };
    }

    for (const lot of lots) {
      const f = ctx.facts[lot];
      const r = firstLot + layout.rank[lot * n + j];
      const book = at(lot, j, 0);
      const taxNbv = at(lot, j, 1);
      const deferred = at(lot, j, 2);
      const change = deferred - at(lot, j - 1, 2);
      const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
      cells[DEFERRED.fiscalYear] = label;
      cells[DEFERRED.level] = 'Lot';
      cells[DEFERRED.assetClass] = f.lot.assetClass;
      cells[DEFERRED.id] = f.lot.id;
      if (withTaxSheet) {
        // Its Tax Schedule row: same years, from the same first year.
        const taxSheet = sheetPrefix(tax.plan.names[tax.plan.part[lot]]);
        const taxRow = tax.plan.firstRow[lot] + j - tax.firstYear[lot];
        cells[DEFERRED.bookNbv] = { formula: `${taxSheet}${ref(TAX.bookNbv, taxRow)}`, result: dollars(book) };
        cells[DEFERRED.taxNbv] = { formula: `${taxSheet}${ref(TAX.closingNbv, taxRow)}`, result: dollars(taxNbv) };
      } else {
        cells[DEFERRED.bookNbv] = dollars(book);
        cells[DEFERRED.taxNbv] = dollars(taxNbv);
      }
      cells[DEFERRED.difference] = { formula: round2(`${ref(DEFERRED.bookNbv, r)}-${ref(DEFERRED.taxNbv, r)}`), result: dollars(book - taxNbv) };
      cells[DEFERRED.taxRate] = rateCell;
      // Rounded per lot; at a half-cent tie a spreadsheet's ROUND is not sure to agree: a value.
      cells[DEFERRED.deferredTax] = percentFormulaExact(book - taxNbv, rate, deferred)
        ? { formula: `ROUND(${ref(DEFERRED.difference, r)}*${ref(DEFERRED.taxRate, r)}/100,2)`, result: dollars(deferred) }
        : dollars(deferred);
      if (j === layout.firstYear[lot]) {
        cells[DEFERRED.change] = { formula: ref(DEFERRED.deferredTax, r), result: dollars(change) };
      } else {
        const prevPart = plan.part[j - 1];
        const prefix = prevPart === part ? '' : sheetPrefix(plan.names[prevPart]);
        const prev = `${prefix}${ref(DEFERRED.deferredTax, lotRow(layout, n, lot, j - 1))}`;
        cells[DEFERRED.change] = { formula: round2(`${ref(DEFERRED.deferredTax, r)}-${prev}`), result: dollars(change) };
      }
      yield { cells };
    }
  }
}
