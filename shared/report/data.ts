/**
 * The figures a report shows, from the engines (the same code the app and the CLI run), and the
 * per-lot facts the sheets share. Pure: the Node exporter calls computeReportData and hands the
 * result to buildReportModel.
 */
import { monthIndexOf, type MonthIndex } from '../domain/dates';
import type { FiscalCalendar } from '../domain/fiscal';
import type { Fleet, Lot } from '../domain/fleet';
import { roundHalfAway } from '../domain/money';
import type { Problem } from '../domain/problem';
import type { Result } from '../domain/result';
import { computeBookSchedules, percentOfCents } from '../engine/book';
import type { LotSchedule } from '../engine/book/types';
import { valueFleet, type LotEconomics, type MarketDrivers } from '../engine/economic';
import { computeTaxSchedules, type TaxSchedules } from '../engine/tax';
import { compareScenarios, lifeWhatIf, stressRuns, type LifeWhatIf, type StressRuns, type ScenarioComparison } from '../engine/stress';

export interface ReportData {
  /** The fleet the figures are for (the scenario, if any, already applied). */
  fleet: Fleet;
  calendar: FiscalCalendar;
  book: LotSchedule[];
  /** Null when the tax book could not be computed (the reason is in `notes`). */
  tax: TaxSchedules | null;
  economics: { lots: LotEconomics[]; drivers: MarketDrivers } | null;
  /** The stress engine's runs: the life what-if, the scenarios side by side, the tornados and the Monte Carlo. */
  stress: {
    whatIf: LifeWhatIf | null;
    comparison: ScenarioComparison | null;
    runs: StressRuns | null;
    /** Settles once `runs` is filled in (or a note says why not) when a runner computes them elsewhere. */
    pending?: Promise<void>;
  } | null;
  /** Remarks from the engines (market driver warnings, why a book is missing). */
  problems: Problem[];
  notes: { topic: string; text: string }[];
}

/** Which engines to run (the sheets left out of an export need not be computed). */
export interface ComputeReportOptions {
  tax?: boolean;
  economics?: boolean;
  stress?: boolean;
  /** The workbook's own fleet when `fleet` has a scenario applied: the scenarios are compared from it. */
  baseFleet?: Fleet;
  /** Paths and seed of the Monte Carlo run (default 1,000 paths, seed 1, as `fleetbook stress`). */
  monteCarlo?: { paths?: number; seed?: number };
  /**
   * Runs the tornados and the Monte Carlo somewhere else (the Node exporter: another thread, while
   * the other sheets are written); default here and now.
   */
  stressRunner?: StressRunner;
}

export type StressRunner = (fleet: Fleet, options: { paths?: number; seed?: number }) => Promise<Result<StressRuns, Problem[]>>;

/** Run the book, tax and economic engines for a report. */
export function computeReportData(fleet: Fleet, options: ComputeReportOptions = {}): ReportData {
  const calendar: FiscalCalendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  const book = computeBookSchedules(fleet);
  const problems: Problem[] = [];
  const notes: ReportData['notes'] = [];
  let tax: TaxSchedules | null = null;
  if (options.tax !== false) {
    try {
      tax = computeTaxSchedules(fleet);
    } catch (e) {
      notes.push({ topic: 'Tax Schedule', text: `not written: the tax book could not be computed (${e instanceof Error ? e.message : String(e)})` });
    }
  }
  let economics: ReportData['economics'] = null;
  if (options.economics !== false) {
    const value = valueFleet(fleet, book);
    if (value.ok) {
      problems.push(...value.value.drivers.warnings);
      economics = value.value;
    } else {
      problems.push(...value.error);
      notes.push({ topic: 'Book vs Economic', text: 'not written: the market drivers in the Assumptions have problems (listed under Warning)' });
    }
  }
  let stress: ReportData['stress'] = null;
  if (options.stress !== false) {
    const whatIf = lifeWhatIf(fleet, { books: book });
    const base = options.baseFleet ?? fleet;
    const comparison = compareScenarios(base, base === fleet ? { books: book } : {});
    if (!whatIf.ok) notes.push({ topic: 'Stress', text: `life what-if not written: ${whatIf.error.map((p) => p.message).join('; ')}` });
    if (!comparison.ok) notes.push({ topic: 'Stress', text: `scenario comparison not written: ${comparison.error.map((p) => p.message).join('; ')}` });
    const s: NonNullable<ReportData['stress']> = { whatIf: whatIf.ok ? whatIf.value : null, comparison: comparison.ok ? comparison.value : null, runs: null };
    stress = s;
    const notWritten = (why: string): void => void notes.push({ topic: 'Stress', text: `tornado and Monte Carlo not written: ${why}` });
    const settle = (runs: Result<StressRuns, Problem[]>): void => {
      if (runs.ok) s.runs = runs.value;
      else notWritten(runs.error.map((p) => p.message).join('; '));
    };
    const mc = { paths: options.monteCarlo?.paths, seed: options.monteCarlo?.seed };
    if (options.stressRunner) {
      s.pending = options.stressRunner(fleet, mc).then(settle, (e: unknown) => notWritten(e instanceof Error ? e.message : String(e)));
    } else settle(stressRuns(fleet, { books: book, ...mc }));
  }
  return { fleet, calendar, book, tax, economics, stress, problems, notes };
}

/** What the sheets need to know about a lot, computed once. */
export interface LotFacts {
  index: number;
  lot: Lot;
  m0: MonthIndex;
  /** cost = quantity x unit cost and salvage = round(cost x Salvage % / 100), in cents, as the book engine has them. */
  cost: number;
  salvage: number;
  life: number;
  /** SL under the full-month convention: the months follow ROUND(base*k/L,2) - ROUND(base*(k-1)/L,2). */
  plainStraightLine: boolean;
  /** Months from m0 before the first event that can change the schedule (Infinity: none). */
  untouchedMonths: number;
  /** Index of the last month with activity in the book schedule (the last Book Schedule row). */
  bookLast: number;
  /** Number of events of the lot. */
  events: number;
}

/** Index of the last month with depreciation, impairment or a disposal (0 when none), as the period rollups have it. */
export function lastActiveIndex(s: LotSchedule): number {
  for (let i = s.length - 1; i > 0; i--) {
    if (s.depreciation[i] !== 0 || s.impairment[i] !== 0 || s.disposedCost[i] !== 0 || s.proceeds[i] !== 0) return i;
  }
  return 0;
}

export function lotFacts(data: ReportData): LotFacts[] {
  const firstEvent = new Map<string, MonthIndex>();
  const eventCount = new Map<string, number>();
  for (const e of data.fleet.events) {
    eventCount.set(e.lotId, (eventCount.get(e.lotId) ?? 0) + 1);
    if (e.type === 'idle') continue;
    const m = monthIndexOf(e.date);
    const known = firstEvent.get(e.lotId);
    if (known === undefined || m < known) firstEvent.set(e.lotId, m);
  }
  return data.fleet.lots.map((lot, index) => {
    const s = data.book[index];
    const m0 = s.startMonth;
    const cost = roundHalfAway(lot.quantity * lot.unitCost);
    const salvage = Math.min(Math.max(0, percentOfCents(cost, lot.salvagePct)), Math.max(0, cost));
    const e = firstEvent.get(lot.id);
    return {
      index,
      lot,
      m0,
      cost,
      salvage,
      life: Math.max(1, Math.round(lot.lifeMonths)),
      plainStraightLine: lot.method === 'SL' && lot.convention === 'full-month',
      untouchedMonths: e === undefined ? Infinity : Math.max(0, e - m0),
      bookLast: lastActiveIndex(s),
      events: eventCount.get(lot.id) ?? 0,
    };
  });
}
