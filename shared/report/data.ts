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
import { computeBookSchedules, percentOfCents } from '../engine/book';
import type { LotSchedule } from '../engine/book/types';
import { computeEconomicValues, marketFromAssumptions, type LotEconomics, type MarketDrivers } from '../engine/economic';
import { computeTaxSchedules, type TaxSchedules } from '../engine/tax';

export interface ReportData {
  /** The fleet the figures are for (the scenario, if any, already applied). */
  fleet: Fleet;
  calendar: FiscalCalendar;
  book: LotSchedule[];
  /** Null when the tax book could not be computed (the reason is in `notes`). */
  tax: TaxSchedules | null;
  economics: { lots: LotEconomics[]; drivers: MarketDrivers } | null;
  /** Remarks from the engines (market driver warnings, why a book is missing). */
  problems: Problem[];
  notes: { topic: string; text: string }[];
}

/** Which engines to run (the sheets left out of an export need not be computed). */
export interface ComputeReportOptions {
  tax?: boolean;
  economics?: boolean;
}

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
    const market = marketFromAssumptions(fleet.assumptions);
    if (market.ok) {
      problems.push(...market.value.warnings);
      const lots = computeEconomicValues(fleet, book, market.value, { units: unitsAfterDisposals(fleet) });
      economics = { lots, drivers: market.value };
    } else {
      problems.push(...market.error);
      notes.push({ topic: 'Book vs Economic', text: 'not written: the market drivers in the Assumptions have problems (listed under Warning)' });
    }
  }
  return { fleet, calendar, book, tax, economics, problems, notes };
}

/**
 * Units held at the end of each month from the in-service month, for lots with disposals: the
 * economic value follows the units still owned (a lot sold in full is worth nothing afterwards).
 * Disposals are taken in date order, each limited to the units still held.
 */
export function unitsAfterDisposals(fleet: Fleet): Map<string, Float64Array> {
  const byLot = new Map<string, { month: MonthIndex; units: number }[]>();
  for (const e of fleet.events) {
    if (e.type !== 'disposal' || !(e.units > 0)) continue;
    const list = byLot.get(e.lotId) ?? [];
    list.push({ month: monthIndexOf(e.date), units: Math.trunc(e.units) });
    byLot.set(e.lotId, list);
  }
  const out = new Map<string, Float64Array>();
  if (byLot.size === 0) return out;
  for (const lot of fleet.lots) {
    const list = byLot.get(lot.id);
    if (!list) continue;
    list.sort((a, b) => a.month - b.month);
    const m0 = monthIndexOf(lot.inService);
    const last = Math.max(0, list[list.length - 1].month - m0);
    const units = new Float64Array(last + 1);
    let held = lot.quantity;
    let next = 0;
    for (let i = 0; i <= last; i++) {
      while (next < list.length && list[next].month - m0 <= i) held -= Math.min(held, list[next++].units);
      units[i] = held;
    }
    out.set(lot.id, units);
  }
  return out;
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
