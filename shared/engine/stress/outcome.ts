/**
 * The figures a scenario or a one-way run is compared on, at the as-of month (As Of, else the
 * market start), as the economic engine and its rollup define them:
 * - book NBV of the whole fleet at the end of the as-of month;
 * - economic value and the book NBV of the lots valued then (modelled and held), and their gap;
 * - impairment flags: US GAAP recoverability (undiscounted cash flows + salvage < NBV) with the
 *   write-down to fair value taken as the economic value, and the IFRS shortfall (NBV - recoverable
 *   amount where it is below NBV);
 * - book depreciation per fiscal year.
 */
import { monthLabel, type MonthIndex } from '../../domain/dates';
import type { FiscalCalendar } from '../../domain/fiscal';
import type { Fleet } from '../../domain/fleet';
import { roundHalfAway } from '../../domain/money';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { computeBookSchedules, rollupPeriods } from '../book';
import type { LotSchedule } from '../book/types';
import { marketFromAssumptions } from '../economic';
import { booksByLot, buildModel, nbvAt, prepareFleet, solveGroup, unitsAt, type PreparedFleet, type StressModel } from './model';

export interface FiscalYearAmount {
  /** FY2026 (the calendar year in which the fiscal year ends). */
  fiscalYear: string;
  /** Cents. */
  amount: number;
}

/** Amounts in cents. */
export interface FleetOutcome {
  asOfMonth: MonthIndex;
  /** yyyy-MM of the as-of month. */
  asOf: string;
  /** Book NBV of every lot at the end of the as-of month. */
  bookNbv: number;
  /** Book NBV of the lots valued at the as-of month (modelled, in service and within their physical life). */
  valuedBookNbv: number;
  economicValue: number;
  /** valuedBookNbv - economicValue (positive: the book overstates the value). */
  gap: number;
  valuedLots: number;
  /** Lots with no market model (class Other, missing specs). */
  unmodelledLots: number;
  gaapImpairedLots: number;
  /** Sum over the lots failing the recoverability test of NBV - economic value (never negative). */
  gaapImpairment: number;
  ifrsImpairedLots: number;
  /** Sum over the lots whose recoverable amount (the economic value) is below NBV of the difference. */
  ifrsImpairment: number;
  /** Book depreciation per fiscal year, every fiscal year the book schedules span. */
  depreciation: FiscalYearAmount[];
}

/** Per lot at the as-of month: economic value and undiscounted cash flows (cents), NaN when not valued. */
export interface AsOfValues {
  asOfMonth: MonthIndex;
  ev: Float64Array;
  undiscounted: Float64Array;
  unmodelledLots: number;
}

/** Solves the deterministic path and reads every lot's as-of figures. */
export function asOfValues(model: StressModel): AsOfValues {
  const p = model.prepared;
  const count = p.fleet.lots.length;
  const ev = new Float64Array(count).fill(NaN);
  const und = new Float64Array(count).fill(NaN);
  const asOf = model.asOfMonth;
  for (const g of model.groups) {
    const k = asOf - g.m0;
    if (!g.active || k < 0 || k >= g.n) continue;
    solveGroup(model, g, null);
    const w = model.W[k + 1];
    const u = model.U[k + 1];
    for (const li of g.lots) {
      const q = unitsAt(p, li, k);
      ev[li] = roundHalfAway(w * q);
      und[li] = roundHalfAway(u * q);
    }
  }
  let unmodelled = 0;
  for (let i = 0; i < count; i++) if (model.lotGroup[i] < 0) unmodelled++;
  return { asOfMonth: asOf, ev, undiscounted: und, unmodelledLots: unmodelled };
}

/** Depreciation per fiscal year of a set of book schedules. */
export function depreciationByFiscalYear(books: readonly LotSchedule[], calendar: FiscalCalendar): FiscalYearAmount[] {
  return rollupPeriods(books, 'year', calendar).map((r) => ({ fiscalYear: r.period, amount: r.depreciation }));
}

/** The outcome from the as-of figures and the book schedules (in fleet.lots order or matched by id). */
export function combineOutcome(fleet: Fleet, values: AsOfValues, books: readonly LotSchedule[], depreciation?: FiscalYearAmount[]): FleetOutcome {
  const byLot = booksByLot(fleet, books);
  const asOf = values.asOfMonth;
  const o: FleetOutcome = {
    asOfMonth: asOf, asOf: monthLabel(asOf), bookNbv: 0, valuedBookNbv: 0, economicValue: 0, gap: 0, valuedLots: 0, unmodelledLots: values.unmodelledLots,
    gaapImpairedLots: 0, gaapImpairment: 0, ifrsImpairedLots: 0, ifrsImpairment: 0,
    depreciation: depreciation ?? depreciationByFiscalYear(books, { startMonth: fleet.assumptions.fiscalYearStartMonth }),
  };
  for (let i = 0; i < byLot.length; i++) {
    const book = byLot[i];
    const nbv = nbvAt(book, asOf);
    o.bookNbv += nbv;
    const ev = values.ev[i];
    if (Number.isNaN(ev)) continue;
    o.valuedLots++;
    o.economicValue += ev;
    if (!book) continue;
    o.valuedBookNbv += nbv;
    if (values.undiscounted[i] < nbv) {
      o.gaapImpairedLots++;
      if (nbv > ev) o.gaapImpairment += nbv - ev;
    }
    if (ev < nbv) {
      o.ifrsImpairedLots++;
      o.ifrsImpairment += nbv - ev;
    }
  }
  o.gap = o.valuedBookNbv - o.economicValue;
  return o;
}

export interface EvaluateOptions {
  /** The fleet's book schedules, if already computed. */
  books?: LotSchedule[];
  /** The fleet prepared for repeated runs (prepareFleet), if already done. */
  prepared?: PreparedFleet;
}

/** The outcome of a fleet under its own Assumptions; problems when the market drivers have any. */
export function evaluateFleet(fleet: Fleet, options: EvaluateOptions = {}): Result<FleetOutcome, Problem[]> {
  const market = marketFromAssumptions(fleet.assumptions);
  if (!market.ok) return err(market.error);
  const prepared = options.prepared && samePrepared(options.prepared, fleet) ? options.prepared : prepareFleet(fleet);
  const books = options.books ?? computeBookSchedules(fleet);
  return ok(combineOutcome(fleet, asOfValues(buildModel(prepared, market.value)), books));
}

/** A prepared fleet serves another fleet object with the same lots and events (e.g. other Assumptions). */
export function samePrepared(p: PreparedFleet, fleet: Fleet): boolean {
  return p.fleet.lots === fleet.lots && p.fleet.events === fleet.events;
}
