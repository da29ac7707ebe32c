/**
 * Rollforward by fiscal year (DESIGN.md section 4): the fleet and each class at the top, then every
 * lot from its in-service year to the last year of the fleet's book (a lot stays on the books with
 * its cost and accumulated depreciation until it is disposed of).
 *
 * A lot's depreciation and impairment are SUMs of its Book Schedule months; its additions are its
 * cost on the Lots sheet; opening balances are the previous year's closing. Closing cost and
 * accumulated depreciation are the engine's, so the tie columns check the sheets against the
 * engine: cost tie = opening + additions - disposed - closing, accumulated tie = opening +
 * depreciation + impairment - disposed - closing, NBV tie = closing NBV - the Book Schedule's
 * closing NBV at the year end. Every tie is 0. Fleet and class rows are SUMIFS of the lot rows.
 */
import { ref, round2 } from '../a1';
import { bookCell, bookRange, BOOK, LOTS, lotsCell, SHEET_NAMES, type ReportContext } from '../context';
import { dollars } from '../exact';
import { addYear, emptyYear, fiscalYearIndex, yearFigures, type YearFigures } from '../fiscal-years';
import { planParts, sumIfsOverParts, type PartPlan } from '../plan';
import type { CellValue, ColumnSpec, ReportRow, SheetModel } from '../types';
import { tableParts, withLotIdWidth } from './table';

export const ROLL = {
  fiscalYear: 0, level: 1, assetClass: 2, id: 3, openingCost: 4, additions: 5, disposedCost: 6, closingCost: 7,
  openingAccum: 8, depreciation: 9, impairment: 10, disposedAccum: 11, closingAccum: 12, openingNbv: 13,
  closingNbv: 14, proceeds: 15, gainLoss: 16, costTie: 17, accumTie: 18, nbvTie: 19,
} as const;

const COLUMNS: ColumnSpec[] = [
  { header: 'Fiscal Year', width: 9, format: 'text' },
  { header: 'Level', width: 7, format: 'text' },
  { header: 'Class', width: 7, format: 'text' },
  { header: 'Lot ID', width: 14, format: 'text' },
  { header: 'Opening Cost', width: 16, format: 'money' },
  { header: 'Additions', width: 16, format: 'money' },
  { header: 'Disposed Cost', width: 14, format: 'money' },
  { header: 'Closing Cost', width: 16, format: 'money' },
  { header: 'Opening Accumulated', width: 16, format: 'money' },
  { header: 'Depreciation', width: 16, format: 'money' },
  { header: 'Impairment', width: 14, format: 'money' },
  { header: 'Disposed Accumulated', width: 14, format: 'money' },
  { header: 'Closing Accumulated', width: 16, format: 'money' },
  { header: 'Opening NBV', width: 16, format: 'money' },
  { header: 'Closing NBV', width: 16, format: 'money' },
  { header: 'Proceeds', width: 14, format: 'money' },
  { header: 'Gain (Loss)', width: 14, format: 'money' },
  { header: 'Cost Tie', width: 10, format: 'money' },
  { header: 'Accumulated Tie', width: 10, format: 'money' },
  { header: 'NBV Tie', width: 10, format: 'money' },
];

/** The summed columns of fleet and class rows, and the YearFigures field each shows. */
const SUMMED: [number, keyof YearFigures][] = [
  [ROLL.openingCost, 'openingCost'], [ROLL.additions, 'additions'], [ROLL.disposedCost, 'disposedCost'], [ROLL.closingCost, 'closingCost'],
  [ROLL.openingAccum, 'openingAccum'], [ROLL.depreciation, 'depreciation'], [ROLL.impairment, 'impairment'], [ROLL.disposedAccum, 'disposedAccum'],
  [ROLL.closingAccum, 'closingAccum'], [ROLL.proceeds, 'proceeds'], [ROLL.gainLoss, 'gainLoss'],
];

/** A fleet or class row at the top of the sheet. */
interface TotalRow {
  year: number;
  assetClass: string | null;
  figures: YearFigures;
}

export interface RollforwardLayout {
  plan: PartPlan;
  totals: TotalRow[];
  /** Sheet row of the fleet row of fiscal year index y. */
  fleetRow: (y: number) => number;
  firstYear: Int32Array;
}

/** The rows' places and the fleet and class figures (summed from the lots' monthly cents). */
export function rollforwardLayout(ctx: ReportContext): RollforwardLayout {
  const years = ctx.bookYears;
  const n = years.count;
  const classes = ctx.classes;
  const fleet = Array.from({ length: n }, emptyYear);
  const byClass = new Map(classes.map((c) => [c, Array.from({ length: n }, emptyYear)]));
  const classFirst = new Map(classes.map((c) => [c, n]));
  const firstYear = new Int32Array(ctx.facts.length);
  const sizes = new Int32Array(ctx.facts.length);
  const y = emptyYear();
  for (const f of ctx.facts) {
    const s = ctx.data.book[f.index];
    const first = fiscalYearIndex(years, f.m0);
    firstYear[f.index] = first;
    sizes[f.index] = n - first;
    classFirst.set(f.lot.assetClass, Math.min(classFirst.get(f.lot.assetClass)!, first));
    const own = byClass.get(f.lot.assetClass)!;
    for (let j = first; j < n; j++) {
      yearFigures(s, years.firstStart + 12 * j, y);
      addYear(fleet[j], y);
      addYear(own[j], y);
    }
  }
  const totals: TotalRow[] = [];
  const fleetRows: number[] = [];
  for (let j = 0; j < n; j++) {
    fleetRows.push(totals.length + 2);
    totals.push({ year: j, assetClass: null, figures: fleet[j] });
    for (const c of classes) if (j >= classFirst.get(c)!) totals.push({ year: j, assetClass: c, figures: byClass.get(c)![j] });
  }
  const plan = planParts(SHEET_NAMES.rollforward, totals.length, sizes, ctx.maxRowsPerSheet);
  return { plan, totals, fleetRow: (j) => fleetRows[j], firstYear };
}

export function rollforwardSheets(ctx: ReportContext, layout: RollforwardLayout): SheetModel[] {
  return tableParts(layout.plan, withLotIdWidth(ctx, COLUMNS, ROLL.id), 4, (part) => (part === 0 ? withTotals(ctx, layout) : lotRows(ctx, layout, part)));
}

function* withTotals(ctx: ReportContext, layout: RollforwardLayout): Iterable<ReportRow> {
  yield* totalRows(ctx, layout);
  yield* lotRows(ctx, layout, 0);
}


function* totalRows(ctx: ReportContext, layout: RollforwardLayout): Iterable<ReportRow> {
  const labels = ctx.bookYears.labels;
  let r = 2;
  for (const t of layout.totals) {
    const f = t.figures;
    const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
    cells[ROLL.fiscalYear] = labels[t.year];
    cells[ROLL.level] = t.assetClass === null ? 'Fleet' : 'Class';
    cells[ROLL.assetClass] = t.assetClass ?? 'All';
    const criteria: [number, string][] = [[ROLL.fiscalYear, `$${ref(ROLL.fiscalYear, r)}`]];
    if (t.assetClass !== null) criteria.push([ROLL.assetClass, `$${ref(ROLL.assetClass, r)}`]);
    for (const [c, key] of SUMMED) cells[c] = { formula: round2(sumIfsOverParts(layout.plan, c, criteria)), result: dollars(f[key]) };
    tieCells(cells, r, f);
    cells[ROLL.nbvTie] = null;
    yield { cells, emphasis: t.assetClass === null ? 'total' : undefined };
    r++;
  }
}

function tieCells(cells: CellValue[], r: number, f: YearFigures): void {
  cells[ROLL.openingNbv] = { formula: round2(`${ref(ROLL.openingCost, r)}-${ref(ROLL.openingAccum, r)}`), result: dollars(f.openingCost - f.openingAccum) };
  cells[ROLL.closingNbv] = { formula: round2(`${ref(ROLL.closingCost, r)}-${ref(ROLL.closingAccum, r)}`), result: dollars(f.closingCost - f.closingAccum) };
  // The engine ties to the cent, so each tie is exactly 0; ROUND keeps a spreadsheet's float dust out of it.
  cells[ROLL.costTie] = {
    formula: `ROUND(${ref(ROLL.openingCost, r)}+${ref(ROLL.additions, r)}-${ref(ROLL.disposedCost, r)}-${ref(ROLL.closingCost, r)},2)`,
    result: dollars(f.openingCost + f.additions - f.disposedCost - f.closingCost),
  };
  cells[ROLL.accumTie] = {
    formula: `ROUND(${ref(ROLL.openingAccum, r)}+${ref(ROLL.depreciation, r)}+${ref(ROLL.impairment, r)}-${ref(ROLL.disposedAccum, r)}-${ref(ROLL.closingAccum, r)},2)`,
    result: dollars(f.openingAccum + f.depreciation + f.impairment - f.disposedAccum - f.closingAccum),
  };
}

function* lotRows(ctx: ReportContext, layout: RollforwardLayout, part: number): Iterable<ReportRow> {
  const years = ctx.bookYears;
  const plan = layout.plan;
  const withBook = ctx.has('book');
  const withLots = ctx.has('lots');
  const y = emptyYear();
  for (const f of ctx.facts) {
    if (plan.part[f.index] !== part) continue;
    const s = ctx.data.book[f.index];
    const first = layout.firstYear[f.index];
    let r = plan.firstRow[f.index];
    for (let j = first; j < years.count; j++, r++) {
      const start = years.firstStart + 12 * j;
      yearFigures(s, start, y);
      const from = start - f.m0;
      const to = from + 11;
      const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
      cells[ROLL.fiscalYear] = years.labels[j];
      cells[ROLL.level] = 'Lot';
      cells[ROLL.assetClass] = f.lot.assetClass;
      cells[ROLL.id] = f.lot.id;
      cells[ROLL.openingCost] = j === first ? dollars(y.openingCost) : { formula: ref(ROLL.closingCost, r - 1), result: dollars(y.openingCost) };
      cells[ROLL.additions] = j === first && withLots && y.additions === f.cost ? { formula: lotsCell(LOTS.cost, f.index), result: dollars(y.additions) } : dollars(y.additions);
      cells[ROLL.disposedCost] = dollars(y.disposedCost);
      cells[ROLL.closingCost] = dollars(y.closingCost);
      cells[ROLL.openingAccum] = j === first ? dollars(y.openingAccum) : { formula: ref(ROLL.closingAccum, r - 1), result: dollars(y.openingAccum) };
      const depRange = withBook ? bookRange(ctx, f, BOOK.depreciation, from, to) : null;
      cells[ROLL.depreciation] = depRange ? { formula: round2(`SUM(${depRange})`), result: dollars(y.depreciation) } : dollars(y.depreciation);
      const impRange = withBook ? bookRange(ctx, f, BOOK.impairment, from, to) : null;
      cells[ROLL.impairment] = impRange ? { formula: round2(`SUM(${impRange})`), result: dollars(y.impairment) } : dollars(y.impairment);
      cells[ROLL.disposedAccum] = dollars(y.disposedAccum);
      cells[ROLL.closingAccum] = dollars(y.closingAccum);
      cells[ROLL.proceeds] = dollars(y.proceeds);
      cells[ROLL.gainLoss] = dollars(y.gainLoss);
      tieCells(cells, r, y);
      cells[ROLL.nbvTie] = withBook
        ? { formula: `ROUND(${ref(ROLL.closingNbv, r)}-${bookCell(ctx, f, BOOK.closing, to)},2)`, result: dollars(y.closingCost - y.closingAccum - nbvAt(ctx, f.index, to)) }
        : null;
      yield { cells };
    }
  }
}

/** Book NBV at the end of month offset i, clamped to the lot's last Book Schedule row. */
function nbvAt(ctx: ReportContext, index: number, i: number): number {
  const s = ctx.data.book[index];
  const j = Math.min(Math.max(0, i), ctx.facts[index].bookLast);
  return s.closingCost[j] - s.closingAccum[j];
}
