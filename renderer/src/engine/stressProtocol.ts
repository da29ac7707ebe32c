import type { AssetClass } from '../../../shared/domain/fleet';
import type { LifeWhatIf, MonteCarloResult, ScenarioComparison, Tornado, TornadoOutput } from '../../../shared/engine/stress';

/**
 * Stress queries (DESIGN.md section 7) between the renderer and the engine worker. Scenario names
 * are as the Scenarios sheet writes them; "Base" is the workbook itself.
 */

export type StressQuery =
  /** The base and every scenario side by side. */
  | { kind: 'compare' }
  /** One output's tornado under a scenario; `fiscalYear` for depreciation (default: the as-of month's). */
  | { kind: 'tornado'; scenario: string; output: TornadoOutput; fiscalYear?: string }
  /** The book at alternative lives (months) against the scenario's own lives. */
  | { kind: 'whatIf'; scenario: string; lives: number[]; assetClass?: AssetClass };

/** A scenario the comparison leaves out, with the reasons. */
export interface ScenarioProblem {
  scenario: string;
  messages: string[];
}

export interface CompareResult {
  kind: 'compare';
  comparison: ScenarioComparison;
  /** Scenarios with problems in their overrides (not in `comparison`). */
  problems: ScenarioProblem[];
}

export interface TornadoResult {
  kind: 'tornado';
  tornado: Tornado;
  /** The fiscal years the scenario's book spans (for the depreciation output's year choice). */
  fiscalYears: string[];
  /** The fiscal year of the as-of month (the default year of the depreciation output). */
  asOfFiscalYear: string;
}

export interface WhatIfResult {
  kind: 'whatIf';
  whatIf: LifeWhatIf;
}

export type StressResult = CompareResult | TornadoResult | WhatIfResult;

export type StressResultOf<K extends StressQuery['kind']> = Extract<StressResult, { kind: K }>;

export { MAX_PATHS } from '../../../shared/engine/stress/limits';

export interface MonteCarloQuery {
  scenario: string;
  paths: number;
  seed: number;
}

/** Float64Array buffers of a Monte Carlo result, to transfer rather than copy. */
export function monteCarloBuffers(r: MonteCarloResult): ArrayBuffer[] {
  const arrays = [
    r.economicValue.p5, r.economicValue.p50, r.economicValue.p95, r.economicValue.mean,
    r.gap.p5, r.gap.p50, r.gap.p95, r.gap.mean,
    r.deterministicEconomicValue, r.bookNbv, r.lifeDistribution,
  ];
  // Distinct buffers only: transferring one twice throws.
  return [...new Set(arrays.map((a) => a.buffer))].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
