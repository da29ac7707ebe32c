/**
 * Stress (DESIGN.md section 7), the stress engine's deterministic runs:
 * - the life what-if: book depreciation per fiscal year with every lot at each alternative life,
 *   and the pre-tax income effect = base - alternative (formulas over the row);
 * - the scenarios of the workbook side by side, each valued at its own as-of month (gap = valued
 *   book NBV - economic value, a formula), and their book depreciation per fiscal year.
 * - one tornado per output (each driver at its low and at its high value, the others at base;
 *   swing = |at high - at low|, a formula), sorted by swing;
 * - the Monte Carlo run: its paths, seed and volatilities, the P5/P50/P95 bands of fleet economic
 *   value and gap by month, and per lot the probability of an impairment flag and its economic life.
 * The Monte Carlo figures are the engine's (percentiles of simulated paths have no formula).
 */
import { monthLabel } from '../../domain/dates';
import { roundHalfAway } from '../../domain/money';
import type { MonteCarloResult, Tornado, TornadoOutput } from '../../engine/stress';
import { ref, round2 } from '../a1';
import { SHEET_NAMES, type ReportContext } from '../context';
import { dollars } from '../exact';
import type { CellValue, ColumnSpec, NumberFormat, ReportRow, SheetModel } from '../types';

const M: NumberFormat = 'money';
const I: NumberFormat = 'integer';
const D: NumberFormat = 'decimal';

export function stressSheet(ctx: ReportContext): SheetModel {
  const rows = stressRows(ctx);
  const width = Math.max(8, ...rows.map((r) => r.cells.length));
  const columns: ColumnSpec[] = Array.from({ length: width }, (_, i) => ({ header: '', width: i === 0 ? 30 : 16, format: 'general' }));
  return { name: SHEET_NAMES.stress, columns, headerRow: false, autoFilter: false, rowCount: rows.length, rows: () => rows };
}

function stressRows(ctx: ReportContext): ReportRow[] {
  const rows: ReportRow[] = [];
  const stress = ctx.data.stress;
  rows.push({ cells: ['Stress'], emphasis: 'title' });
  if (!stress) return rows;

  const w = stress.whatIf;
  if (w) {
    rows.push({ cells: [] });
    rows.push({ cells: [`Life what-if: book depreciation by fiscal year, ${w.assetClass ? `${w.assetClass} lots` : 'every lot'} at the life shown; effect on pre-tax income = base - alternative`] });
    const lives = w.alternatives.map((a) => `${a.lifeMonths} months`);
    rows.push({ cells: ['Fiscal Year', 'Base', ...lives, ...lives.map((l) => `Effect ${l}`)], emphasis: 'header' });
    const n = w.alternatives.length;
    const first = rows.length + 1;
    w.fiscalYears.forEach((fy, j) => {
      const r = rows.length + 1;
      const cells: CellValue[] = [fy, dollars(w.base[j])];
      for (const a of w.alternatives) cells.push(dollars(a.depreciation[j]));
      w.alternatives.forEach((a, k) => cells.push({ formula: round2(`${ref(1, r)}-${ref(2 + k, r)}`), result: dollars(a.effect[j]) }));
      rows.push({ cells, formats: [undefined, ...Array<NumberFormat>(1 + 2 * n).fill(M)] });
    });
    const last = rows.length;
    if (last >= first) {
      const totals = [w.totalBase, ...w.alternatives.map((a) => a.totalDepreciation), ...w.alternatives.map((a) => a.totalEffect)];
      rows.push({
        cells: ['Total', ...totals.map((t, k): CellValue => ({ formula: round2(`SUM(${ref(1 + k, first)}:${ref(1 + k, last)})`), result: dollars(t) }))],
        formats: [undefined, ...Array<NumberFormat>(1 + 2 * n).fill(M)],
        emphasis: 'total',
      });
    }
  }

  const c = stress.comparison;
  if (c) {
    rows.push({ cells: [] });
    rows.push({ cells: ['Scenarios side by side, each valued at its own as-of month (gap = valued book NBV - economic value)'] });
    rows.push({
      cells: ['Scenario', 'As Of', 'Book NBV', 'Valued Book NBV', 'Economic Value', 'Gap', 'US GAAP Impaired Lots', 'US GAAP Impairment', 'IFRS Impaired Lots', 'IFRS Impairment', 'Unmodelled Lots', 'In Force'],
      emphasis: 'header',
    });
    const inForce = ctx.meta.scenario ?? 'Base';
    for (const s of c.scenarios) {
      const o = s.outcome;
      const r = rows.length + 1;
      rows.push({
        cells: [
          s.name,
          o.asOf,
          dollars(o.bookNbv),
          dollars(o.valuedBookNbv),
          dollars(o.economicValue),
          { formula: round2(`${ref(3, r)}-${ref(4, r)}`), result: dollars(o.gap) },
          o.gaapImpairedLots,
          dollars(o.gaapImpairment),
          o.ifrsImpairedLots,
          dollars(o.ifrsImpairment),
          o.unmodelledLots,
          s.name === inForce ? 'yes' : '',
        ],
        formats: [undefined, undefined, M, M, M, M, I, M, I, M, I, undefined],
      });
    }
    rows.push({ cells: [] });
    rows.push({ cells: ['Book depreciation by fiscal year under each scenario'] });
    rows.push({ cells: ['Fiscal Year', ...c.scenarios.map((s) => s.name)], emphasis: 'header' });
    for (const fy of c.fiscalYears) {
      rows.push({
        cells: [fy, ...c.scenarios.map((s): CellValue => {
          const d = s.outcome.depreciation.find((x) => x.fiscalYear === fy);
          return d ? dollars(d.amount) : null;
        })],
        formats: [undefined, ...c.scenarios.map((): NumberFormat => M)],
      });
    }
  }
  if (stress.runs) {
    tornadoRows(rows, stress.runs.tornados);
    monteCarloRows(rows, stress.runs.monteCarlo);
  }
  return rows;
}

const OUTPUT_LABELS: Record<TornadoOutput, string> = {
  economicValue: 'fleet economic value at the as-of month',
  gap: 'gap (valued book NBV - economic value) at the as-of month',
  impairment: 'US GAAP impairment (NBV - economic value of the flagged lots) at the as-of month',
  depreciation: 'book depreciation',
};

function tornadoRows(rows: ReportRow[], tornados: readonly Tornado[]): void {
  for (const t of tornados) {
    rows.push({ cells: [] });
    rows.push({ cells: [`Tornado: ${OUTPUT_LABELS[t.output]}${t.fiscalYear ? ` in ${t.fiscalYear}` : ''}, each driver at its low and high value alone; base ${dollars(t.base).toFixed(2)}`] });
    rows.push({ cells: ['Driver', 'Unit', 'Low Input', 'High Input', 'At Low', 'At High', 'Swing', 'Source'], emphasis: 'header' });
    for (const b of t.bars) {
      const r = rows.length + 1;
      rows.push({
        cells: [b.label, b.unit, b.lowInput, b.highInput, dollars(b.atLow), dollars(b.atHigh), { formula: round2(`ABS(${ref(5, r)}-${ref(4, r)})`), result: dollars(b.swing) }, b.source],
        formats: [undefined, undefined, D, D, M, M, M, undefined],
      });
    }
  }
}

function monteCarloRows(rows: ReportRow[], mc: MonteCarloResult): void {
  rows.push({ cells: [] });
  rows.push({
    cells: [
      `Monte Carlo: ${mc.paths} paths${mc.stopped ? ` of ${mc.requestedPaths} (stopped)` : ''}, seed ${mc.seed}; yearly volatility of the BTC price ${pct(mc.volatility.btcPrice)}, ` +
        `of the network hashrate ${pct(mc.volatility.hashrate)} (correlation ${mc.volatility.correlation}), of the GPU rent decay ${pct(mc.volatility.rentDecay)}; market start ${mc.marketStart}, as of ${mc.asOf}`,
    ],
  });
  rows.push({ cells: ['Month', 'EV P5', 'EV P50', 'EV P95', 'EV Mean', 'EV Deterministic', 'Book NBV', 'Gap P5', 'Gap P50', 'Gap P95', 'Gap Mean'], emphasis: 'header' });
  const e = mc.economicValue;
  const g = mc.gap;
  for (let j = 0; j < mc.length; j++) {
    rows.push({
      cells: [monthLabel(mc.startMonth + j), ...[e.p5[j], e.p50[j], e.p95[j], e.mean[j], mc.deterministicEconomicValue[j], mc.bookNbv[j], g.p5[j], g.p50[j], g.p95[j], g.mean[j]].map(money)],
      formats: [undefined, ...Array<NumberFormat>(10).fill(M)],
    });
  }
  rows.push({ cells: [] });
  rows.push({ cells: ['Per lot at the as-of month: share of paths with an impairment flag (0.25 = 25%); economic life in months across paths'] });
  rows.push({ cells: ['Lot ID', 'US GAAP Impairment Probability', 'IFRS Impairment Probability', 'Economic Life P10', 'Economic Life P50', 'Economic Life P90', 'Economic Life Mean'], emphasis: 'header' });
  for (const l of mc.lots) {
    const life = l.economicLife;
    rows.push({
      cells: [l.lotId, l.valued ? l.gaapImpairmentProbability : null, l.valued ? l.ifrsImpairmentProbability : null, life?.p10 ?? null, life?.p50 ?? null, life?.p90 ?? null, life?.mean ?? null],
      formats: [undefined, D, D, D, D, D, D],
    });
  }
}

/** Cents (a percentile may fall between cents) to dollars with two decimals. */
const money = (cents: number): number => dollars(roundHalfAway(cents));
const pct = (x: number): string => `${Number((x * 100).toFixed(4))}%`;
