/**
 * `fleetbook stress FILE [--scenario NAME] [--paths N] [--seed S] [--format csv|json]`: the scenario
 * comparison, the tornados, the Monte Carlo bands and the life what-if (DESIGN.md sections 7, 9).
 * The scenario comparison always shows the base and every scenario of the workbook; --scenario
 * chooses the one the tornado, the Monte Carlo and the life what-if run on (default the base).
 *
 * CSV: sections one after the other, separated by one blank line. Each section is a table with its
 * own header row; the first column of every row, header included, is the section's name in the
 * data rows ("section" in the header), so `grep '^tornado,'` picks one section's rows:
 *   run                    section,scenario,as_of,market_start,paths,seed,btc_price_volatility_pct,hashrate_volatility_pct,btc_hashrate_correlation,gpu_rent_decay_volatility_pct,lots,valued_lots,unmodelled_lots
 *   scenarios              section,scenario,as_of,book_nbv,valued_book_nbv,economic_value,gap,gaap_impaired_lots,gaap_impairment,ifrs_impaired_lots,ifrs_impairment
 *   scenario_depreciation  section,scenario,fiscal_year,depreciation
 *   tornado                section,output,fiscal_year,rank,driver,low_input,high_input,base,at_low,at_high,swing
 *   monte_carlo            section,month,ev_p5,ev_p50,ev_p95,ev_mean,ev_deterministic,book_nbv,gap_p5,gap_p50,gap_p95,gap_mean
 *   monte_carlo_lots       section,lot_id,gaap_impairment_probability,ifrs_impairment_probability,economic_life_p10,economic_life_p50,economic_life_p90,economic_life_mean
 *   economic_life          section,months,share
 *   life_what_if           section,life_months,fiscal_year,base_depreciation,depreciation,pretax_income_effect
 * Amounts with two decimals ('.' as decimal point, no thousands separator); probabilities and shares
 * as decimals (0.25), lives in months; an empty field where a figure does not apply.
 * JSON: one object with the same sections under the same names (snake_case fields, amounts as
 * strings "1234.56" as in `schedule --format json`).
 */
import { monthLabel } from '../../shared/domain/dates';
import type { Fleet } from '../../shared/domain/fleet';
import { formatCentsPlain, roundHalfAway } from '../../shared/domain/money';
import type { Problem } from '../../shared/domain/problem';
import { computeBookSchedules } from '../../shared/engine/book';
import {
  applyScenario, BASE_SCENARIO, compareScenarios, lifeWhatIf, stressRuns,
  type LifeWhatIf, type MonteCarloResult, type ScenarioComparison, type Tornado, type TornadoOutput,
} from '../../shared/engine/stress';
import { normaliseKey } from '../../shared/workbook';
import type { StressOptions } from './args';
import { printProblems } from './load';
import { csvField } from './records';
import type { Sink } from './sink';

const OUTPUT_NAMES: Record<TornadoOutput, string> = { economicValue: 'economic_value', gap: 'gap', impairment: 'impairment', depreciation: 'depreciation' };

const money = (cents: number): string => formatCentsPlain(roundHalfAway(cents));
/** A decimal with at most `digits` decimals and no trailing zeros (0.25, 27.5, 30). */
const decimal = (x: number, digits = 6): string => (Number.isFinite(x) ? String(Number(x.toFixed(digits))) : '');

interface StressReport {
  scenario: string;
  lots: number;
  comparison: ScenarioComparison;
  tornados: Tornado[];
  monteCarlo: MonteCarloResult;
  whatIf: LifeWhatIf;
}

/** Computes everything; prints the problems and returns null when the input cannot be stressed. */
function compute(fleet: Fleet, options: StressOptions, stderr: (t: string) => void): StressReport | null {
  const fail = (problems: Problem[]): null => {
    printProblems(problems, stderr);
    return null;
  };
  const applied = applyScenario(fleet, options.scenario);
  if (!applied.ok) return fail(applied.error);
  const comparison = compareScenarios(fleet);
  if (!comparison.ok) return fail(comparison.error);
  const f = applied.value;
  const books = computeBookSchedules(f);
  const runs = stressRuns(f, { paths: options.paths, seed: options.seed, books });
  if (!runs.ok) return fail(runs.error);
  const whatIf = lifeWhatIf(f, { books });
  if (!whatIf.ok) return fail(whatIf.error);
  const want = normaliseKey(options.scenario ?? BASE_SCENARIO);
  const name = comparison.value.scenarios.find((s) => normaliseKey(s.name) === want)?.name ?? BASE_SCENARIO;
  return { scenario: name, lots: f.lots.length, comparison: comparison.value, ...runs.value, whatIf: whatIf.value };
}

type Row = Record<string, string>;
interface Section {
  name: string;
  columns: string[];
  rows: Row[];
}

function sections(r: StressReport): Section[] {
  const mc = r.monteCarlo;
  const base = r.comparison.scenarios.find((s) => s.name === r.scenario)?.outcome ?? r.comparison.scenarios[0].outcome;
  const run: Row = {
    scenario: r.scenario,
    as_of: mc.asOf,
    market_start: mc.marketStart,
    paths: String(mc.paths),
    seed: String(mc.seed),
    btc_price_volatility_pct: decimal(mc.volatility.btcPrice * 100),
    hashrate_volatility_pct: decimal(mc.volatility.hashrate * 100),
    btc_hashrate_correlation: decimal(mc.volatility.correlation),
    gpu_rent_decay_volatility_pct: decimal(mc.volatility.rentDecay * 100),
    lots: String(r.lots),
    valued_lots: String(base.valuedLots),
    unmodelled_lots: String(mc.unmodelledLots),
  };
  const scenarios = r.comparison.scenarios.map(({ name, outcome: o }): Row => ({
    scenario: name,
    as_of: o.asOf,
    book_nbv: money(o.bookNbv),
    valued_book_nbv: money(o.valuedBookNbv),
    economic_value: money(o.economicValue),
    gap: money(o.gap),
    gaap_impaired_lots: String(o.gaapImpairedLots),
    gaap_impairment: money(o.gaapImpairment),
    ifrs_impaired_lots: String(o.ifrsImpairedLots),
    ifrs_impairment: money(o.ifrsImpairment),
  }));
  const depreciation = r.comparison.scenarios.flatMap(({ name, outcome }) =>
    outcome.depreciation.map((d): Row => ({ scenario: name, fiscal_year: d.fiscalYear, depreciation: money(d.amount) })),
  );
  const tornadoRows = r.tornados.flatMap((t) =>
    t.bars.map((b, i): Row => ({
      output: OUTPUT_NAMES[t.output],
      fiscal_year: t.fiscalYear ?? '',
      rank: String(i + 1),
      driver: b.label,
      low_input: decimal(b.lowInput),
      high_input: decimal(b.highInput),
      base: money(t.base),
      at_low: money(b.atLow),
      at_high: money(b.atHigh),
      swing: money(b.swing),
    })),
  );
  const months: Row[] = [];
  for (let j = 0; j < mc.length; j++) {
    const e = mc.economicValue;
    const g = mc.gap;
    months.push({
      month: monthLabel(mc.startMonth + j),
      ev_p5: money(e.p5[j]), ev_p50: money(e.p50[j]), ev_p95: money(e.p95[j]), ev_mean: money(e.mean[j]),
      ev_deterministic: money(mc.deterministicEconomicValue[j]),
      book_nbv: money(mc.bookNbv[j]),
      gap_p5: money(g.p5[j]), gap_p50: money(g.p50[j]), gap_p95: money(g.p95[j]), gap_mean: money(g.mean[j]),
    });
  }
  const lots = mc.lots.map((l): Row => ({
    lot_id: l.lotId,
    gaap_impairment_probability: l.valued ? decimal(l.gaapImpairmentProbability) : '',
    ifrs_impairment_probability: l.valued ? decimal(l.ifrsImpairmentProbability) : '',
    economic_life_p10: l.economicLife ? decimal(l.economicLife.p10, 2) : '',
    economic_life_p50: l.economicLife ? decimal(l.economicLife.p50, 2) : '',
    economic_life_p90: l.economicLife ? decimal(l.economicLife.p90, 2) : '',
    economic_life_mean: l.economicLife ? decimal(l.economicLife.mean, 2) : '',
  }));
  const life: Row[] = [];
  mc.lifeDistribution.forEach((share, k) => {
    if (share > 0) life.push({ months: String(k), share: decimal(share) });
  });
  const w = r.whatIf;
  const whatIf = w.alternatives.flatMap((a) =>
    w.fiscalYears.map((fy, i): Row => ({
      life_months: String(a.lifeMonths), fiscal_year: fy, base_depreciation: money(w.base[i]), depreciation: money(a.depreciation[i]), pretax_income_effect: money(a.effect[i]),
    })),
  );
  const cols = (rows: Row[], fallback: string[]): string[] => (rows.length > 0 ? Object.keys(rows[0]) : fallback);
  return [
    { name: 'run', columns: Object.keys(run), rows: [run] },
    { name: 'scenarios', columns: Object.keys(scenarios[0]), rows: scenarios },
    { name: 'scenario_depreciation', columns: ['scenario', 'fiscal_year', 'depreciation'], rows: depreciation },
    { name: 'tornado', columns: cols(tornadoRows, ['output', 'fiscal_year', 'rank', 'driver', 'low_input', 'high_input', 'base', 'at_low', 'at_high', 'swing']), rows: tornadoRows },
    { name: 'monte_carlo', columns: cols(months, ['month', 'ev_p5', 'ev_p50', 'ev_p95', 'ev_mean', 'ev_deterministic', 'book_nbv', 'gap_p5', 'gap_p50', 'gap_p95', 'gap_mean']), rows: months },
    { name: 'monte_carlo_lots', columns: cols(lots, ['lot_id', 'gaap_impairment_probability', 'ifrs_impairment_probability', 'economic_life_p10', 'economic_life_p50', 'economic_life_p90', 'economic_life_mean']), rows: lots },
    { name: 'economic_life', columns: ['months', 'share'], rows: life },
    { name: 'life_what_if', columns: ['life_months', 'fiscal_year', 'base_depreciation', 'depreciation', 'pretax_income_effect'], rows: whatIf },
  ];
}

async function writeCsv(list: Section[], sink: Sink): Promise<void> {
  for (let s = 0; s < list.length; s++) {
    const { name, columns, rows } = list[s];
    if (s > 0) await sink.write('\n');
    await sink.write(`section,${columns.join(',')}\n`);
    for (const row of rows) await sink.write(`${name},${columns.map((c) => csvField(row[c] ?? '')).join(',')}\n`);
  }
}

/** JSON: numbers where a figure is a count or a ratio, strings for amounts (exact cents). */
function toJson(r: StressReport): unknown {
  const list = sections(r);
  const get = (name: string): Row[] => list.find((s) => s.name === name)!.rows;
  const num = (v: string): number | null => (v === '' ? null : Number(v));
  const mc = r.monteCarlo;
  return {
    run: Object.fromEntries(Object.entries(get('run')[0]).map(([k, v]) => [k, k === 'scenario' || k === 'as_of' || k === 'market_start' ? v : Number(v)])),
    scenarios: r.comparison.scenarios.map(({ name, outcome }, i) => ({
      ...get('scenarios')[i],
      gaap_impaired_lots: outcome.gaapImpairedLots,
      ifrs_impaired_lots: outcome.ifrsImpairedLots,
      depreciation: outcome.depreciation.map((d) => ({ fiscal_year: d.fiscalYear, depreciation: money(d.amount) })),
      scenario: name,
    })),
    tornado: r.tornados.map((t) => ({
      output: OUTPUT_NAMES[t.output],
      fiscal_year: t.fiscalYear ?? null,
      base: money(t.base),
      bars: t.bars.map((b, i) => ({
        rank: i + 1, driver: b.label, key: b.key, unit: b.unit, low_input: b.lowInput, high_input: b.highInput, at_low: money(b.atLow), at_high: money(b.atHigh), swing: money(b.swing),
      })),
    })),
    monte_carlo: {
      paths: mc.paths,
      seed: mc.seed,
      months: get('monte_carlo'),
      lots: get('monte_carlo_lots').map((row) => ({
        lot_id: row.lot_id,
        gaap_impairment_probability: num(row.gaap_impairment_probability),
        ifrs_impairment_probability: num(row.ifrs_impairment_probability),
        economic_life_p10: num(row.economic_life_p10),
        economic_life_p50: num(row.economic_life_p50),
        economic_life_p90: num(row.economic_life_p90),
        economic_life_mean: num(row.economic_life_mean),
      })),
      economic_life: get('economic_life').map((row) => ({ months: Number(row.months), share: Number(row.share) })),
      gaap_impaired_lots_mean: Number.isFinite(mc.gaapImpairedLotsMean) ? Number(mc.gaapImpairedLotsMean.toFixed(6)) : null,
      any_gaap_impairment_probability: Number.isFinite(mc.anyGaapImpairmentProbability) ? Number(mc.anyGaapImpairmentProbability.toFixed(6)) : null,
    },
    life_what_if: {
      fiscal_years: r.whatIf.fiscalYears,
      base: r.whatIf.base.map(money),
      alternatives: r.whatIf.alternatives.map((a) => ({
        life_months: a.lifeMonths,
        depreciation: a.depreciation.map(money),
        pretax_income_effect: a.effect.map(money),
        total_pretax_income_effect: money(a.totalEffect),
      })),
      notes: r.whatIf.notes,
    },
  };
}

/** Writes the report; false (problems printed on stderr, nothing on stdout) when the input cannot be stressed. */
export async function writeStress(fleet: Fleet, options: StressOptions, sink: Sink, stderr: (t: string) => void): Promise<boolean> {
  const report = compute(fleet, options, stderr);
  if (!report) return false;
  if (options.format === 'json') await sink.write(`${JSON.stringify(toJson(report), null, 1)}\n`);
  else await writeCsv(sections(report), sink);
  return true;
}
