/** Fiscal-year figures of a lot's monthly schedule (book or tax), summed from its monthly cents. */
import { monthLabel, type MonthIndex } from '../domain/dates';
import { fiscalYearLabel, fiscalYearStartMonth, type FiscalCalendar } from '../domain/fiscal';
import type { LotSchedule } from '../engine/book/types';

/** A run of consecutive fiscal years. */
export interface FiscalYears {
  /** First month of the first fiscal year. */
  firstStart: MonthIndex;
  count: number;
  labels: string[];
}

export function fiscalYears(firstMonth: MonthIndex, lastMonth: MonthIndex, calendar: FiscalCalendar): FiscalYears {
  const firstStart = fiscalYearStartMonth(firstMonth, calendar);
  const count = Math.max(1, Math.floor((lastMonth - firstStart) / 12) + 1);
  const labels: string[] = [];
  for (let i = 0; i < count; i++) labels.push(fiscalYearLabel(firstStart + 12 * i, calendar));
  return { firstStart, count, labels };
}

/** Index of the fiscal year holding month m. */
export function fiscalYearIndex(years: FiscalYears, m: MonthIndex): number {
  return Math.floor((m - years.firstStart) / 12);
}

export interface YearFigures {
  openingCost: number;
  additions: number;
  disposedCost: number;
  closingCost: number;
  openingAccum: number;
  depreciation: number;
  impairment: number;
  disposedAccum: number;
  closingAccum: number;
  proceeds: number;
  gainLoss: number;
}

export function emptyYear(): YearFigures {
  return { openingCost: 0, additions: 0, disposedCost: 0, closingCost: 0, openingAccum: 0, depreciation: 0, impairment: 0, disposedAccum: 0, closingAccum: 0, proceeds: 0, gainLoss: 0 };
}

/** Cost and accumulated amount at the end of month m: nothing before the schedule, the last figures after it. */
function balanceAt(s: LotSchedule, m: MonthIndex): [number, number] {
  const i = m - s.startMonth;
  if (i < 0 || s.length === 0) return [0, 0];
  const j = Math.min(i, s.length - 1);
  return [s.closingCost[j], s.closingAccum[j]];
}

/** The figures of the twelve months from `start`, into `out`. */
export function yearFigures(s: LotSchedule, start: MonthIndex, out: YearFigures): YearFigures {
  const [oc, oa] = balanceAt(s, start - 1);
  const [cc, ca] = balanceAt(s, start + 11);
  out.openingCost = oc;
  out.openingAccum = oa;
  out.closingCost = cc;
  out.closingAccum = ca;
  out.additions = out.disposedCost = out.depreciation = out.impairment = out.disposedAccum = out.proceeds = out.gainLoss = 0;
  const from = Math.max(0, start - s.startMonth);
  const to = Math.min(s.length - 1, start + 11 - s.startMonth);
  for (let i = from; i <= to; i++) {
    out.additions += s.additions[i];
    out.disposedCost += s.disposedCost[i];
    out.depreciation += s.depreciation[i];
    out.impairment += s.impairment[i];
    out.disposedAccum += s.disposedAccum[i];
    out.proceeds += s.proceeds[i];
    out.gainLoss += s.gainLoss[i];
  }
  return out;
}

export function addYear(into: YearFigures, y: YearFigures): void {
  into.openingCost += y.openingCost;
  into.additions += y.additions;
  into.disposedCost += y.disposedCost;
  into.closingCost += y.closingCost;
  into.openingAccum += y.openingAccum;
  into.depreciation += y.depreciation;
  into.impairment += y.impairment;
  into.disposedAccum += y.disposedAccum;
  into.closingAccum += y.closingAccum;
  into.proceeds += y.proceeds;
  into.gainLoss += y.gainLoss;
}

/** Month labels ('2025-01'), cached by month index. */
const monthLabels = new Map<MonthIndex, string>();
export function cachedMonthLabel(m: MonthIndex): string {
  let s = monthLabels.get(m);
  if (s === undefined) monthLabels.set(m, (s = monthLabel(m)));
  return s;
}
