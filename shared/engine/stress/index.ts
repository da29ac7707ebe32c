/**
 * Stress testing (DESIGN.md section 7): scenarios, sensitivity (tornado), Monte Carlo and the
 * life what-if. Pure TypeScript, no Node, no DOM. See README.md for the keys and the choices.
 */
export { applyScenario, applyOverrides, parseScenarioKey, scenarioNames, isBaseName, BASE_SCENARIO, type ScenarioKey, type ScenarioTarget } from './scenario';
export { compareScenarios, type CompareOptions, type ScenarioComparison, type ScenarioOutcome } from './compare';
export {
  asOfValues, combineOutcome, depreciationByFiscalYear, evaluateFleet, type AsOfValues, type EvaluateOptions, type FiscalYearAmount, type FleetOutcome,
} from './outcome';
export {
  asOfFiscalYear, defaultLevers, findLever, outcomeValue, sensitivity, tornado, TORNADO_OUTPUTS,
  type Lever, type OneWayRun, type Sensitivity, type SensitivityOptions, type Tornado, type TornadoBar, type TornadoOutput,
} from './sensitivity';
export {
  createMonteCarlo, runMonteCarlo, DEFAULT_PATHS, DEFAULT_SEED, MAX_PATHS,
  type Band, type LotRisk, type MonteCarloOptions, type MonteCarloResult, type MonteCarloRun,
} from './montecarlo';
export { lifeWhatIf, DEFAULT_WHAT_IF_LIVES, type LifeAlternative, type LifeWhatIf, type LifeWhatIfOptions } from './lifeWhatIf';
export { BOOK_LIFE_LEVERS, VOLATILITY_DEFS, RENT_DECAY_DRAW_MAX, RENT_DECAY_DRAW_MIN, volatilityFromAssumptions, type BookLifeLever, type Volatility, type VolatilityDef } from './keys';
export { prepareFleet, type PreparedFleet } from './model';
export { unitsAfterDisposals } from '../economic';
export { percentileSorted } from './percentile';
export { Xoshiro128 } from './rng';
export { stressRuns, type StressRuns, type StressRunsOptions } from './runs';
