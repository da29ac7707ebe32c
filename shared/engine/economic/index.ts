/**
 * Economic value beside book value (DESIGN.md section 6): market drivers, per-lot valuation by
 * backward induction, and class/fleet rollups. See README.md in this folder for the driver keys,
 * defaults and the choices made where the spec is silent.
 */
export {
  DRIVER_DEFS,
  DEFAULT_MARKET_START,
  RESALE_MODELS,
  SPOTWIRE_ANCHOR,
  driverDef,
  driverKey,
  marketFromAssumptions,
  modelKey,
  withDriver,
  type DriverDef,
  type MarketDrivers,
  type ResaleModel,
} from './drivers';
export { unitsAfterDisposals } from './units';
export { takeF64 } from './columns';
export { valueFleet, type FleetValue } from './value-fleet';
export { cashFlowOf, computeEconomicValues, type ComputeOptions, type LotEconomics } from './compute';
export { rollupByClass, rollupEconomics, type EconomicsFilter, type EconomicsRollup } from './rollup';
export { anchorFactor, buyerValue, impliedLife, monthlyRate, solveInto, solveUnit, type UnitSolution } from './kernel';
export { daysPath, hashpriceMonthPath, rentPath, steppedAverage } from './market';
