/**
 * Sensitivity (DESIGN.md section 7): each lever moved to its low and then its high value, one at a
 * time, everything else at the scenario's values; a tornado of one output sorted by swing.
 *
 * Levers: every numeric market driver with a stress range (DRIVER_DEFS low/high: economics.md 5.8)
 * that applies to a class the fleet holds, and the book life of each class held (economics.md 5.8
 * ranges, keys.ts). Market drivers move the economic value (and so the gap and the impairment
 * flags); book lives move the book (NBV, depreciation, and so the gap and the flags).
 */
import { fiscalYearLabel } from '../../domain/fiscal';
import type { AssetClass, Assumptions, Fleet, FleetEvent } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { normaliseKey } from '../../workbook/normalise';
import { computeBookSchedules, computeLotSchedule } from '../book';
import type { LotSchedule } from '../book/types';
import { DRIVER_DEFS, marketFromAssumptions, withDriver } from '../economic';
import { BOOK_LIFE_LEVERS } from './keys';
import { booksByLot, buildModel, prepareFleet, type PreparedFleet } from './model';
import { asOfValues, combineOutcome, depreciationByFiscalYear, samePrepared, type FleetOutcome } from './outcome';
import { parseScenarioKey } from './scenario';

export interface Lever {
  /** A driver's normalised key (as DRIVER_DEFS) or a book-life lever's key ("Book Life (months): ASIC"). */
  key: string;
  label: string;
  unit: string;
  kind: 'driver' | 'bookLife';
  /** Sheet units (percent for rates, months for lives). */
  low: number;
  high: number;
  /** The class a book-life lever sets. */
  assetClass?: AssetClass;
  source: string;
}

function classesHeld(fleet: Fleet): Set<AssetClass> {
  return new Set(fleet.lots.map((l) => l.assetClass));
}

/** Every lever with a range that can move this fleet. */
export function defaultLevers(fleet: Fleet): Lever[] {
  const held = classesHeld(fleet);
  const out: Lever[] = [];
  for (const d of DRIVER_DEFS) {
    if (d.kind !== 'number' || d.low === undefined || d.high === undefined) continue;
    if (d.appliesTo === 'all' ? !held.has('ASIC') && !held.has('GPU') : !held.has(d.appliesTo)) continue;
    out.push({ key: d.key, label: d.label, unit: d.unit, kind: 'driver', low: d.low, high: d.high, source: d.source });
  }
  for (const b of BOOK_LIFE_LEVERS) {
    if (held.has(b.assetClass)) out.push({ key: b.key, label: b.label, unit: 'months', kind: 'bookLife', low: b.low, high: b.high, assetClass: b.assetClass, source: b.source });
  }
  return out;
}

/** A lever by key: a driver key in any spelling, or a book-life key ("Book Life (months): GPU", "ASIC Book Life (months)"). */
export function findLever(key: string): Lever | undefined {
  const k = normaliseKey(key);
  const d = DRIVER_DEFS.find((x) => x.key === k);
  if (d) {
    if (d.kind !== 'number' || d.low === undefined || d.high === undefined) return undefined;
    return { key: d.key, label: d.label, unit: d.unit, kind: 'driver', low: d.low, high: d.high, source: d.source };
  }
  const parsed = parseScenarioKey(key);
  if (parsed?.kind === 'lot' && parsed.field === 'lifeMonths' && parsed.target.kind === 'class') {
    const b = BOOK_LIFE_LEVERS.find((x) => x.assetClass === (parsed.target as { assetClass: AssetClass }).assetClass);
    if (b) return { key: b.key, label: b.label, unit: 'months', kind: 'bookLife', low: b.low, high: b.high, assetClass: b.assetClass, source: b.source };
  }
  return undefined;
}

export interface SensitivityOptions {
  /** Levers by key (see findLever); default defaultLevers(fleet). */
  levers?: readonly string[];
  /** Other ranges than the defaults, by lever key (any spelling the lever accepts). */
  ranges?: Readonly<Record<string, { low?: number; high?: number }>>;
  books?: LotSchedule[];
  prepared?: PreparedFleet;
}

export interface OneWayRun {
  lever: Lever;
  low: FleetOutcome;
  high: FleetOutcome;
}

export interface Sensitivity {
  base: FleetOutcome;
  runs: OneWayRun[];
}

/** The Assumptions with one driver set; the other hashprice unit's key is dropped so the two cannot clash. */
function setDriver(a: Assumptions, key: string, value: number): Assumptions {
  const next = withDriver(a, key, value);
  if (key === 'hashpricephday' && next.drivers.hashpricethday !== undefined) {
    const drivers = { ...next.drivers };
    delete drivers.hashpricethday;
    return { ...next, drivers };
  }
  return next;
}

/** The base outcome and every lever's two one-way outcomes. */
export function sensitivity(fleet: Fleet, options: SensitivityOptions = {}): Result<Sensitivity, Problem[]> {
  const problems: Problem[] = [];
  const levers: Lever[] = [];
  for (const key of options.levers ?? defaultLevers(fleet).map((l) => l.key)) {
    const lever = findLever(key);
    if (lever) levers.push(lever);
    else problems.push({ sheet: 'Stress', message: `"${key}" is not a driver with a stress range or a book-life lever` });
  }
  if (options.ranges) {
    for (const [key, range] of Object.entries(options.ranges)) {
      const target = findLever(key);
      const lever = target && levers.find((l) => l.key === target.key);
      if (!lever) {
        problems.push({ sheet: 'Stress', message: `range given for "${key}", which is not among the levers` });
        continue;
      }
      if (range.low !== undefined) lever.low = range.low;
      if (range.high !== undefined) lever.high = range.high;
    }
  }
  const market = marketFromAssumptions(fleet.assumptions);
  if (!market.ok) problems.push(...market.error);
  if (problems.length > 0 || !market.ok) return err(problems);

  const prepared = options.prepared && samePrepared(options.prepared, fleet) ? options.prepared : prepareFleet(fleet);
  const books = options.books ?? computeBookSchedules(fleet);
  const calendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  const baseDepreciation = depreciationByFiscalYear(books, calendar);
  const baseValues = asOfValues(buildModel(prepared, market.value));
  const base = combineOutcome(fleet, baseValues, books, baseDepreciation);

  let eventsByLot: Map<string, FleetEvent[]> | null = null;
  const runs: OneWayRun[] = [];
  for (const lever of levers) {
    const at = (value: number): Result<FleetOutcome, Problem[]> => {
      if (lever.kind === 'driver') {
        const assumptions = setDriver(fleet.assumptions, lever.key, value);
        const m = marketFromAssumptions(assumptions);
        if (!m.ok) return err(m.error.map((p) => ({ ...p, message: `${lever.label} at ${value}: ${p.message}` })));
        return ok(combineOutcome({ ...fleet, assumptions }, asOfValues(buildModel(prepared, m.value)), books, baseDepreciation));
      }
      if (!Number.isInteger(value) || value < 1 || value > 600) {
        return err([{ sheet: 'Stress', message: `${lever.label}: ${value} is not a whole number of months from 1 to 600` }]);
      }
      if (!eventsByLot) {
        eventsByLot = new Map();
        for (const e of fleet.events) eventsByLot.set(e.lotId, [...(eventsByLot.get(e.lotId) ?? []), e]);
      }
      const byLot = booksByLot(fleet, books);
      const lots = fleet.lots.map((l) => (l.assetClass === lever.assetClass ? { ...l, lifeMonths: value } : l));
      const altBooks = lots.map((l, i) => (l === fleet.lots[i] && byLot[i] ? byLot[i]! : computeLotSchedule(l, eventsByLot!.get(l.id) ?? [], calendar)));
      return ok(combineOutcome({ ...fleet, lots }, baseValues, altBooks, depreciationByFiscalYear(altBooks, calendar)));
    };
    const low = at(lever.low);
    const high = at(lever.high);
    if (!low.ok) problems.push(...low.error);
    if (!high.ok) problems.push(...high.error);
    if (low.ok && high.ok) runs.push({ lever, low: low.value, high: high.value });
  }
  if (problems.length > 0) return err(problems);
  return ok({ base, runs });
}

export type TornadoOutput = 'economicValue' | 'gap' | 'impairment' | 'depreciation';

export const TORNADO_OUTPUTS: readonly TornadoOutput[] = ['economicValue', 'gap', 'impairment', 'depreciation'];

/** The fiscal year label of an outcome's as-of month. */
export function asOfFiscalYear(o: FleetOutcome, fiscalYearStartMonth: number): string {
  return fiscalYearLabel(o.asOfMonth, { startMonth: fiscalYearStartMonth });
}

/**
 * An output of an outcome, cents: fleet economic value, gap, US GAAP impairment (the write-down
 * the recoverability flags imply), or the book depreciation of one fiscal year (0 when none).
 */
export function outcomeValue(o: FleetOutcome, output: TornadoOutput, fiscalYear?: string): number {
  switch (output) {
    case 'economicValue':
      return o.economicValue;
    case 'gap':
      return o.gap;
    case 'impairment':
      return o.gaapImpairment;
    case 'depreciation':
      return o.depreciation.find((d) => d.fiscalYear === fiscalYear)?.amount ?? 0;
  }
}

export interface TornadoBar {
  key: string;
  label: string;
  unit: string;
  lowInput: number;
  highInput: number;
  /** The output with the lever at its low / high input, cents. */
  atLow: number;
  atHigh: number;
  /** |atHigh - atLow|. */
  swing: number;
  source: string;
}

export interface Tornado {
  output: TornadoOutput;
  fiscalYear?: string;
  base: number;
  /** Largest swing first; equal swings by label. */
  bars: TornadoBar[];
}

export function tornado(s: Sensitivity, output: TornadoOutput, fiscalYear?: string): Tornado {
  const bars = s.runs.map((r): TornadoBar => {
    const atLow = outcomeValue(r.low, output, fiscalYear);
    const atHigh = outcomeValue(r.high, output, fiscalYear);
    return { key: r.lever.key, label: r.lever.label, unit: r.lever.unit, lowInput: r.lever.low, highInput: r.lever.high, atLow, atHigh, swing: Math.abs(atHigh - atLow), source: r.lever.source };
  });
  bars.sort((a, b) => b.swing - a.swing || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { output, ...(output === 'depreciation' ? { fiscalYear } : {}), base: outcomeValue(s.base, output, fiscalYear), bars };
}
