/**
 * Tax Schedule by tax year (= fiscal year, DESIGN.md section 5), with the deferred tax beside it:
 * the fleet and each class at the top, then every lot from its in-service year to the last year in
 * which either book moves (after that nothing changes).
 *
 * Tax depreciation includes Section 179 and bonus in the first year (the Lots sheet shows both and
 * the MACRS basis). Per lot: closing tax NBV = opening + additions - depreciation - disposals;
 * book NBV = the Book Schedule's closing NBV at the year end; temporary difference = book - tax;
 * deferred tax = ROUND(difference x Tax Rate % / 100, 2), the rate read from the Summary sheet.
 * Fleet and class rows are SUMIFS of the lot rows, so the deferred tax is the sum of the lots'
 * rounded amounts, as the engine has it. Positive deferred tax is a liability, negative an asset.
 */
import { absRef, ref, round2, sheetPrefix } from '../a1';
import { bookCell, BOOK, LOTS, lotsCell, SHEET_NAMES, SUMMARY_TAX_RATE, type ReportContext } from '../context';
import { centsTimesPct } from '../../engine/tax';
import { dollars, percentFormulaExact } from '../exact';
import { emptyYear, fiscalYearIndex, yearFigures } from '../fiscal-years';
import { planParts, sumIfsOverParts, type PartPlan } from '../plan';
import type { CellValue, ColumnSpec, ReportRow, SheetModel } from '../types';
import { tableParts, withLotIdWidth } from './table';

export const TAX = {
  taxYear: 0, level: 1, assetClass: 2, id: 3, taxClass: 4, convention: 5, openingNbv: 6, additions: 7, depreciation: 8,
  disposals: 9, closingNbv: 10, bookNbv: 11, difference: 12, deferredTax: 13, deferredTaxChange: 14, gainLoss: 15,
} as const;

const COLUMNS: ColumnSpec[] = [
  { header: 'Tax Year', width: 9, format: 'text' },
  { header: 'Level', width: 7, format: 'text' },
  { header: 'Class', width: 7, format: 'text' },
  { header: 'Lot ID', width: 14, format: 'text' },
  { header: 'Tax Class', width: 9, format: 'text' },
  { header: 'Convention', width: 11, format: 'text' },
  { header: 'Opening Tax NBV', width: 16, format: 'money' },
  { header: 'Additions', width: 16, format: 'money' },
  { header: 'Tax Depreciation', width: 16, format: 'money' },
  { header: 'Disposals', width: 14, format: 'money' },
  { header: 'Closing Tax NBV', width: 16, format: 'money' },
  { header: 'Book NBV', width: 16, format: 'money' },
  { header: 'Temporary Difference', width: 16, format: 'money' },
  { header: 'Deferred Tax', width: 14, format: 'money' },
  { header: 'Deferred Tax Change', width: 14, format: 'money' },
  { header: 'Tax Gain (Loss)', width: 14, format: 'money' },
];

/** One tax year of a lot, in cents. */
interface TaxYear {
  openingNbv: number;
  additions: number;
  depreciation: number;
  disposals: number;
  closingNbv: number;
  bookNbv: number;
  difference: number;
  deferredTax: number;
  deferredTaxChange: number;
  gainLoss: number;
}

const SUMMED: [number, keyof TaxYear][] = [
  [TAX.openingNbv, 'openingNbv'], [TAX.additions, 'additions'], [TAX.depreciation, 'depreciation'], [TAX.disposals, 'disposals'],
  [TAX.closingNbv, 'closingNbv'], [TAX.bookNbv, 'bookNbv'], [TAX.deferredTax, 'deferredTax'], [TAX.deferredTaxChange, 'deferredTaxChange'],
  [TAX.gainLoss, 'gainLoss'],
];

function emptyTaxYear(): TaxYear {
  return { openingNbv: 0, additions: 0, depreciation: 0, disposals: 0, closingNbv: 0, bookNbv: 0, difference: 0, deferredTax: 0, deferredTaxChange: 0, gainLoss: 0 };
}

export interface TaxLayout {
  plan: PartPlan;
  totals: { year: number; assetClass: string | null; figures: TaxYear }[];
  fleetRow: (year: number) => number;
  firstYear: Int32Array;
}

/** The lot's tax years from `first`, figures in cents (called once for the layout's sums, once for the rows). */
function* lotTaxYears(ctx: ReportContext, index: number, first: number): Iterable<TaxYear> {
  const years = ctx.taxYears;
  const tax = ctx.data.tax!.schedules[index];
  const book = ctx.data.book[index];
  const rate = ctx.data.fleet.assumptions.taxRatePct;
  const y = emptyYear();
  const b = emptyYear();
  let previousTax = 0;
  for (let j = first; j < years.count; j++) {
    const start = years.firstStart + 12 * j;
    yearFigures(tax, start, y);
    yearFigures(book, start, b);
    const t = emptyTaxYear();
    t.openingNbv = y.openingCost - y.openingAccum;
    t.additions = y.additions;
    t.depreciation = y.depreciation + y.impairment;
    t.disposals = y.disposedCost - y.disposedAccum;
    t.closingNbv = y.closingCost - y.closingAccum;
    t.bookNbv = b.closingCost - b.closingAccum;
    t.difference = t.bookNbv - t.closingNbv;
    t.deferredTax = centsTimesPct(t.difference, rate);
    t.deferredTaxChange = t.deferredTax - previousTax;
    t.gainLoss = y.gainLoss;
    previousTax = t.deferredTax;
    yield t;
  }
}

export function taxLayout(ctx: ReportContext): TaxLayout {
  const years = ctx.taxYears;
  const n = years.count;
  const classes = ctx.classes;
  const fleet = Array.from({ length: n }, emptyTaxYear);
  const byClass = new Map(classes.map((c) => [c, Array.from({ length: n }, emptyTaxYear)]));
  const classFirst = new Map(classes.map((c) => [c, n]));
  const firstYear = new Int32Array(ctx.facts.length);
  const sizes = new Int32Array(ctx.facts.length);
  for (const f of ctx.facts) {
    const first = fiscalYearIndex(years, f.m0);
    firstYear[f.index] = first;
    sizes[f.index] = n - first;
    classFirst.set(f.lot.assetClass, Math.min(classFirst.get(f.lot.assetClass)!, first));
    const own = byClass.get(f.lot.assetClass)!;
    let j = first;
    for (const t of lotTaxYears(ctx, f.index, first)) {
      for (const [, key] of SUMMED) {
        fleet[j][key] += t[key];
        own[j][key] += t[key];
      }
      j++;
    }
  }
  for (const list of [fleet, ...byClass.values()]) for (const t of list) t.difference = t.bookNbv - t.closingNbv;
  const totals: TaxLayout['totals'] = [];
  const fleetRows: number[] = [];
  for (let j = 0; j < n; j++) {
    fleetRows.push(totals.length + 2);
    totals.push({ year: j, assetClass: null, figures: fleet[j] });
    for (const c of classes) if (j >= classFirst.get(c)!) totals.push({ year: j, assetClass: c, figures: byClass.get(c)![j] });
  }
  const plan = planParts(SHEET_NAMES.tax, totals.length, sizes, ctx.maxRowsPerSheet);
  return { plan, totals, fleetRow: (j) => fleetRows[j], firstYear };
}

export function taxScheduleSheets(ctx: ReportContext, layout: TaxLayout): SheetModel[] {
  return tableParts(layout.plan, withLotIdWidth(ctx, COLUMNS, TAX.id), 4, (part) => (part === 0 ? withTotals(ctx, layout) : lotRows(ctx, layout, part)));
}

function* withTotals(ctx: ReportContext, layout: TaxLayout): Iterable<ReportRow> {
  yield* totalRows(ctx, layout);
  yield* lotRows(ctx, layout, 0);
}


function* totalRows(ctx: ReportContext, layout: TaxLayout): Iterable<ReportRow> {
  const labels = ctx.taxYears.labels;
  let r = 2;
  for (const t of layout.totals) {
    const f = t.figures;
    const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
    cells[TAX.taxYear] = labels[t.year];
    cells[TAX.level] = t.assetClass === null ? 'Fleet' : 'Class';
    cells[TAX.assetClass] = t.assetClass ?? 'All';
    const criteria: [number, string][] = [[TAX.taxYear, `$${ref(TAX.taxYear, r)}`]];
    if (t.assetClass !== null) criteria.push([TAX.assetClass, `$${ref(TAX.assetClass, r)}`]);
    for (const [c, key] of SUMMED) cells[c] = { formula: round2(sumIfsOverParts(layout.plan, c, criteria)), result: dollars(f[key]) };
    cells[TAX.difference] = { formula: round2(`${ref(TAX.bookNbv, r)}-${ref(TAX.closingNbv, r)}`), result: dollars(f.difference) };
    yield { cells, emphasis: t.assetClass === null ? 'total' : undefined };
    r++;
  }
}

function* lotRows(ctx: ReportContext, layout: TaxLayout, part: number): Iterable<ReportRow> {
  const years = ctx.taxYears;
  const plan = layout.plan;
  const details = ctx.data.tax!.lots;
  const withBook = ctx.has('book');
  const withLots = ctx.has('lots');
  const rate = ctx.data.fleet.assumptions.taxRatePct;
  const rateRef = ctx.has('summary') ? `${sheetPrefix(SHEET_NAMES.summary)}${absRef(SUMMARY_TAX_RATE.column, SUMMARY_TAX_RATE.row)}` : null;
  for (const f of ctx.facts) {
    if (plan.part[f.index] !== part) continue;
    const d = details[f.index];
    const first = layout.firstYear[f.index];
    let r = plan.firstRow[f.index];
    let j = first;
    for (const t of lotTaxYears(ctx, f.index, first)) {
      const yearEnd = years.firstStart + 12 * j + 11 - f.m0;
      const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
      cells[TAX.taxYear] = years.labels[j];
      cells[TAX.level] = 'Lot';
      cells[TAX.assetClass] = f.lot.assetClass;
      cells[TAX.id] = f.lot.id;
      cells[TAX.taxClass] = d.taxClass;
      cells[TAX.convention] = d.convention;
      cells[TAX.openingNbv] = j === first ? dollars(t.openingNbv) : { formula: ref(TAX.closingNbv, r - 1), result: dollars(t.openingNbv) };
      cells[TAX.additions] = j === first && withLots && t.additions === f.cost ? { formula: lotsCell(LOTS.cost, f.index), result: dollars(t.additions) } : dollars(t.additions);
      cells[TAX.depreciation] = dollars(t.depreciation);
      cells[TAX.disposals] = dollars(t.disposals);
      cells[TAX.closingNbv] = {
        formula: round2(`${ref(TAX.openingNbv, r)}+${ref(TAX.additions, r)}-${ref(TAX.depreciation, r)}-${ref(TAX.disposals, r)}`),
        result: dollars(t.closingNbv),
      };
      cells[TAX.bookNbv] = withBook ? { formula: bookCell(ctx, f, BOOK.closing, yearEnd), result: dollars(t.bookNbv) } : dollars(t.bookNbv);
      cells[TAX.difference] = { formula: round2(`${ref(TAX.bookNbv, r)}-${ref(TAX.closingNbv, r)}`), result: dollars(t.difference) };
      cells[TAX.deferredTax] =
        rateRef !== null && percentFormulaExact(t.difference, rate, t.deferredTax)
          ? { formula: `ROUND(${ref(TAX.difference, r)}*${rateRef}/100,2)`, result: dollars(t.deferredTax) }
          : dollars(t.deferredTax);
      cells[TAX.deferredTaxChange] =
        j === first
          ? { formula: ref(TAX.deferredTax, r), result: dollars(t.deferredTaxChange) }
          : { formula: round2(`${ref(TAX.deferredTax, r)}-${ref(TAX.deferredTax, r - 1)}`), result: dollars(t.deferredTaxChange) };
      cells[TAX.gainLoss] = dollars(t.gainLoss);
      yield { cells };
      r++;
      j++;
    }
  }
}
