/**
 * The tornados and the Monte Carlo run on one fleet (its scenario already applied): what
 * `fleetbook stress` prints and the report's Stress sheet writes, computed once by the same code.
 */
import type { Fleet } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { ok, type Result } from '../../domain/result';
import { computeBookSchedules } from '../book';
import type { LotSchedule } from '../book/types';
import { prepareFleet } from './model';
import { runMonteCarlo, type MonteCarloOptions, type MonteCarloResult } from './montecarlo';
import { asOfFiscalYear, sensitivity, tornado, TORNADO_OUTPUTS, type Tornado } from './sensitivity';

export interface StressRuns {
  /** One tornado per output; depreciation's is for the fiscal year of the as-of month. */
  tornados: Tornado[];
  monteCarlo: MonteCarloResult;
}

export interface StressRunsOptions extends Pick<MonteCarloOptions, 'paths' | 'seed' | 'onProgress' | 'shouldStop'> {
  books?: LotSchedule[];
}

export function stressRuns(fleet: Fleet, options: StressRunsOptions = {}): Result<StressRuns, Problem[]> {
  const books = options.books ?? computeBookSchedules(fleet);
  const prepared = prepareFleet(fleet);
  const sens = sensitivity(fleet, { books, prepared });
  if (!sens.ok) return sens;
  const fy = asOfFiscalYear(sens.value.base, fleet.assumptions.fiscalYearStartMonth);
  const tornados = TORNADO_OUTPUTS.map((o) => tornado(sens.value, o, o === 'depreciation' ? fy : undefined));
  const mc = runMonteCarlo(fleet, { paths: options.paths, seed: options.seed, onProgress: options.onProgress, shouldStop: options.shouldStop, books, prepared });
  if (!mc.ok) return mc;
  return ok({ tornados, monteCarlo: mc.value });
}
