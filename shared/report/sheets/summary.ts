/**
 * Summary: the facts of the report, the fleet by class (formulas over the Lots sheet), the fleet's
 * figures by fiscal year (references to the fleet rows of the Rollforward and the Tax Schedule) and
 * book against economic value at the valuation month. Its Tax Rate % cell drives the Tax
 * Schedule's deferred tax formulas.
 */
import { monthIndexOf, monthLabel } from '../../domain/dates';
import { rollupByClass, rollupEconomics, type EconomicsRollup } from '../../engine/economic';
import { absRangeRef, ref, round2, sheetPrefix } from '../a1';
import { LOTS, SHEET_NAMES, SUMMARY_TAX_RATE, type ReportContext } from '../context';
import { dollars } from '../exact';
import type { CellValue, ColumnSpec, NumberFormat, ReportRow, SheetModel } from '../types';
import { ROLL, type RollforwardLayout } from './rollforward';
import { TAX, type TaxLayout } from './tax-schedule';

const COLUMNS: ColumnSpec[] = [
  { header: '', width: 30, format: 'general' },
  { header: '', width: 18, format: 'general' },
  { header: '', width: 16, format: 'general' },
  { header: '', width: 18, format: 'general' },
  { header: '', width: 18, format: 'general' },
  { header: '', width: 18, format: 'general' },
  { header: '', width: 18, format: 'general' },
  { header: '', width: 18, format: 'general' },
];

const M: NumberFormat = 'money';
const I: NumberFormat = 'integer';

export function summarySheet(ctx: ReportContext, roll: RollforwardLayout, tax: TaxLayout | null): SheetModel {
  const rows = summaryRows(ctx, roll, tax);
  return { name: SHEET_NAMES.summary, columns: COLUMNS, headerRow: false, autoFilter: false, rowCount: rows.length, rows: () => rows };
}

function summaryRows(ctx: ReportContext, roll: RollforwardLayout, tax: TaxLayout | null): ReportRow[] {
  const a = ctx.data.fleet.assumptions;
  const meta = ctx.meta;
  const rows: ReportRow[] = [];
  const add = (row: ReportRow) => rows.push(row);
  add({ cells: [`Fleetbook report${a.company ? `: ${a.company}` : ''}`], emphasis: 'title' });
  add({ cells: [] });
  add({ cells: ['Company', a.company] });
  add({ cells: ['Currency', a.currency] });
  add({ cells: ['Fiscal Year Start Month', a.fiscalYearStartMonth], formats: [undefined, I] });
  add({ cells: ['As Of', a.asOf ?? '(not set)'] });
  if (rows.length + 1 !== SUMMARY_TAX_RATE.row) throw new Error('Summary layout: the tax rate row moved');
  add({ cells: ['Tax Rate %', a.taxRatePct], formats: [undefined, 'percent'] });
  add({ cells: ['Discount Rate %', a.discountRatePct], formats: [undefined, 'percent'] });
  add({ cells: ['Scenario', meta.scenario ?? 'Base (no scenario)'] });
  add({ cells: ['Input File', meta.sourceName] });
  add({ cells: ['Exported', meta.exportedAt] });
  add({ cells: [] });

  // The fleet by class, from the Lots sheet.
  add({ cells: ['Class', 'Lots', 'Units', 'Cost', 'Salvage', 'Depreciable Base'], emphasis: 'header' });
  const n = ctx.facts.length;
  const withLots = ctx.has('lots') && n > 0;
  const lots = sheetPrefix(SHEET_NAMES.lots);
  const lotCol = (c: number) => `${lots}${absRangeRef(c, 2, n + 1)}`;
  const firstClassRow = rows.length + 1;
  for (const c of ctx.classes) {
    const r = rows.length + 1;
    let count = 0;
    let units = 0;
    let cost = 0;
    let salvage = 0;
    for (const f of ctx.facts) {
      if (f.lot.assetClass !== c) continue;
      count++;
      units += f.lot.quantity;
      cost += f.cost;
      salvage += f.salvage;
    }
    const crit = `${lotCol(LOTS.assetClass)},$${ref(0, r)}`;
    add({
      cells: withLots
        ? [
            c,
            { formula: `COUNTIF(${crit})`, result: count },
            { formula: `SUMIF(${crit},${lotCol(LOTS.quantity)})`, result: units },
            { formula: round2(`SUMIF(${crit},${lotCol(LOTS.cost)})`), result: dollars(cost) },
            { formula: round2(`SUMIF(${crit},${lotCol(LOTS.salvage)})`), result: dollars(salvage) },
            { formula: round2(`SUMIF(${crit},${lotCol(LOTS.base)})`), result: dollars(cost - salvage) },
          ]
        : [c, count, units, dollars(cost), dollars(salvage), dollars(cost - salvage)],
      formats: [undefined, I, I, M, M, M],
    });
  }
  totalRow(rows, firstClassRow, 5, [I, I, M, M, M], ctx.facts.length, ctx.facts.reduce((s, f) => s + f.lot.quantity, 0), [
    ctx.facts.reduce((s, f) => s + f.cost, 0),
    ctx.facts.reduce((s, f) => s + f.salvage, 0),
    ctx.facts.reduce((s, f) => s + f.cost - f.salvage, 0),
  ]);
  add({ cells: [] });

  // The fleet by fiscal year.
  add({ cells: ['Fiscal Year', 'Depreciation', 'Impairment', 'Closing Cost', 'Closing Accumulated', 'Closing NBV', 'Tax Depreciation', 'Deferred Tax'], emphasis: 'header' });
  const withRoll = ctx.has('rollforward');
  const withTax = ctx.has('tax') && tax !== null;
  const rollSheet = sheetPrefix(SHEET_NAMES.rollforward);
  const taxSheet = sheetPrefix(SHEET_NAMES.tax);
  roll.totals.forEach((t) => {
    if (t.assetClass !== null) return;
    const j = t.year;
    const f = t.figures;
    const rr = roll.fleetRow(j);
    const pick = (column: number, cents: number): CellValue => (withRoll ? { formula: `${rollSheet}${ref(column, rr)}`, result: dollars(cents) } : dollars(cents));
    const taxTotal = tax?.totals.find((x) => x.assetClass === null && x.year === j);
    const taxPick = (column: number, cents: number | undefined): CellValue =>
      cents === undefined ? null : withTax ? { formula: `${taxSheet}${ref(column, tax!.fleetRow(j))}`, result: dollars(cents) } : dollars(cents);
    add({
      cells: [
        ctx.bookYears.labels[j],
        pick(ROLL.depreciation, f.depreciation),
        pick(ROLL.impairment, f.impairment),
        pick(ROLL.closingCost, f.closingCost),
        pick(ROLL.closingAccum, f.closingAccum),
        pick(ROLL.closingNbv, f.closingCost - f.closingAccum),
        taxPick(TAX.depreciation, taxTotal?.figures.depreciation),
        taxPick(TAX.deferredTax, taxTotal?.figures.deferredTax),
      ],
      formats: [undefined, M, M, M, M, M, M, M],
    });
  });

  // Book against economic value at the valuation month.
  const econ = ctx.data.economics;
  if (econ) {
    add({ cells: [] });
    const asOf = monthLabel(monthIndexOf(econ.drivers.asOf ?? econ.drivers.marketStart));
    add({ cells: [`Value at ${asOf}`, 'Lots Modelled', 'Book NBV', 'Economic Value', 'Gap', 'US GAAP Recoverability Flags', 'IFRS Impairment Flags'], emphasis: 'header' });
    const byClass = rollupByClass(econ.lots);
    const first = rows.length + 1;
    let count = 0;
    for (const c of ctx.classes) {
      const x: EconomicsRollup | undefined = byClass[c];
      if (!x) continue;
      const r = rows.length + 1;
      add({
        cells: [c, x.lots, dollars(x.asOf.bookNbv), dollars(x.asOf.economicValue), { formula: round2(`${ref(2, r)}-${ref(3, r)}`), result: dollars(x.asOf.bookNbv - x.asOf.economicValue) }, x.asOf.recoverabilityImpairedLots, x.asOf.ifrsImpairedLots],
        formats: [undefined, I, M, M, M, I, I],
      });
      count++;
    }
    const all = rollupEconomics(econ.lots);
    if (count > 0) {
      const r = rows.length + 1;
      const sum = (c: number, result: number, money: boolean): CellValue => ({ formula: money ? round2(`SUM(${ref(c, first)}:${ref(c, r - 1)})`) : `SUM(${ref(c, first)}:${ref(c, r - 1)})`, result });
      add({
        cells: ['Total', sum(1, all.lots, false), sum(2, dollars(all.asOf.bookNbv), true), sum(3, dollars(all.asOf.economicValue), true), { formula: round2(`${ref(2, r)}-${ref(3, r)}`), result: dollars(all.asOf.bookNbv - all.asOf.economicValue) }, sum(5, all.asOf.recoverabilityImpairedLots, false), sum(6, all.asOf.ifrsImpairedLots, false)],
        formats: [undefined, I, M, M, M, I, I],
        emphasis: 'total',
      });
    }
  }
  return rows;
}

/** A Total row of SUMs over the class rows above it. */
function totalRow(rows: ReportRow[], first: number, columns: number, formats: NumberFormat[], count: number, units: number, money: number[]): void {
  const r = rows.length + 1;
  const results = [count, units, ...money.map(dollars)];
  const cells: CellValue[] = ['Total'];
  for (let c = 1; c <= columns; c++) {
    const sum = `SUM(${ref(c, first)}:${ref(c, r - 1)})`;
    cells.push(r > first ? { formula: formats[c - 1] === 'money' ? round2(sum) : sum, result: results[c - 1] } : results[c - 1]);
  }
  rows.push({ cells, formats: [undefined, ...formats], emphasis: 'total' });
}


