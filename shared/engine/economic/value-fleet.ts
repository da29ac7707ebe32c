import type { Fleet } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import type { LotSchedule } from '../book/types';
import { computeEconomicValues, type LotEconomics } from './compute';
import { marketFromAssumptions, type MarketDrivers } from './drivers';

export interface FleetValue {
  lots: LotEconomics[];
  /** The drivers as read from the Assumptions, with their warnings. */
  drivers: MarketDrivers;
}

/**
 * The economic value of a fleet from its own Assumptions: the one entry point the worker, the CLI
 * and the report share, so they cannot disagree on the drivers or the units held.
 */
export function valueFleet(fleet: Fleet, books: LotSchedule[] | null): Result<FleetValue, Problem[]> {
  const market = marketFromAssumptions(fleet.assumptions);
  if (!market.ok) return err(market.error);
  return ok({ lots: computeEconomicValues(fleet, books, market.value), drivers: market.value });
}
