import { monthLabel, type MonthIndex } from '../../domain/dates';
import { fiscalMonthPosition, fiscalQuarterLabel, fiscalYearLabel, fiscalYearStartMonth, type FiscalCalendar } from '../../domain/fiscal';
import type { LotSchedule, PeriodKind, PeriodRow } from './types';
import { isSharedZero } from './zeros';

/**
 * The rollforward of one lot by month, fiscal quarter or fiscal year: one row per period from the
 * period of the in-service month to the last period with any activity (depreciation, impairment or
 * disposal). Figures are sums of the monthly cents; the first period's additions carry the cost.
 */
export function aggregatePeriods(s: LotSchedule, kind: PeriodKind, calendar: FiscalCalendar): PeriodRow[] {
  return rollupPeriods([s], kind, calendar);
}

/**
 * The rollforward of several lots (a class, the fleet) over a contiguous run of periods, from the
 * earliest lot's first period to the last period with activity in any lot. A lot whose schedule has
 * ended stays on the books with its closing cost and accumulated amount until it is disposed of.
 */
export function rollupPeriods(schedules: readonly LotSchedule[], kind: PeriodKind, calendar: FiscalCalendar): PeriodRow[] {
  if (schedules.length === 0) return [];
  let first = Infinity;
  let lastActive = -Infinity;
  for (const s of schedules) {
    first = Math.min(first, s.startMonth);
    lastActive = Math.max(lastActive, s.startMonth + lastActiveIndex(s));
  }
  const from = periodStart(first, kind, calendar);
  const to = periodStart(lastActive, kind, calendar) + monthsIn(kind) - 1;
  const months = to - from + 1;

  // Monthly flows of all lots, then balances as running sums (each lot's schedule ties month by month).
  const additions = new Float64Array(months);
  const disposedCost = new Float64Array(months);
  const depreciation = new Float64Array(months);
  const impairment = new Float64Array(months);
  const disposedAccum = new Float64Array(months);
  const proceeds = new Float64Array(months);
  const gainLoss = new Float64Array(months);
  for (const s of schedules) {
    const offset = s.startMonth - from;
    const n = Math.min(s.length, months - offset);
    addInto(additions, s.additions, offset, n);
    addInto(disposedCost, s.disposedCost, offset, n);
    addInto(depreciation, s.depreciation, offset, n);
    addInto(impairment, s.impairment, offset, n);
    addInto(disposedAccum, s.disposedAccum, offset, n);
    addInto(proceeds, s.proceeds, offset, n);
    addInto(gainLoss, s.gainLoss, offset, n);
  }

  const rows: PeriodRow[] = [];
  const step = monthsIn(kind);
  let cost = 0;
  let accum = 0;
  for (let start = 0; start < months; start += step) {
    const row: PeriodRow = {
      period: periodLabel(from + start, kind, calendar),
      firstMonth: from + start,
      lastMonth: from + start + step - 1,
      openingCost: cost,
      additions: 0,
      disposedCost: 0,
      closingCost: 0,
      openingAccum: accum,
      depreciation: 0,
      impairment: 0,
      disposedAccum: 0,
      closingAccum: 0,
      openingNbv: cost - accum,
      disposals: 0,
      closingNbv: 0,
      proceeds: 0,
      gainLoss: 0,
    };
    for (let i = start; i < start + step; i++) {
      row.additions += additions[i];
      row.disposedCost += disposedCost[i];
      row.depreciation += depreciation[i];
      row.impairment += impairment[i];
      row.disposedAccum += disposedAccum[i];
      row.proceeds += proceeds[i];
      row.gainLoss += gainLoss[i];
    }
    cost += row.additions - row.disposedCost;
    accum += row.depreciation + row.impairment - row.disposedAccum;
    row.closingCost = cost;
    row.closingAccum = accum;
    row.disposals = row.disposedCost - row.disposedAccum;
    row.closingNbv = cost - accum;
    rows.push(row);
  }
  return rows;
}

/** Index of the last month with depreciation, impairment or a disposal (0 when none). */
function lastActiveIndex(s: LotSchedule): number {
  for (let i = s.length - 1; i > 0; i--) {
    if (s.depreciation[i] !== 0 || s.impairment[i] !== 0 || s.disposedCost[i] !== 0 || s.proceeds[i] !== 0) return i;
  }
  return 0;
}

function addInto(target: Float64Array, source: Float64Array, offset: number, n: number): void {
  if (isSharedZero(source)) return;
  for (let i = 0; i < n; i++) target[offset + i] += source[i];
}

/** Months in a period of this kind. */
export function monthsIn(kind: PeriodKind): number {
  return kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
}

/** First month of the period (month, fiscal quarter, fiscal year) containing m. */
export function periodStart(m: MonthIndex, kind: PeriodKind, calendar: FiscalCalendar): MonthIndex {
  if (kind === 'month') return m;
  if (kind === 'year') return fiscalYearStartMonth(m, calendar);
  return m - (fiscalMonthPosition(m, calendar) % 3);
}

/** The period's label: 2025-01 (month), FY2026-Q1 (fiscal quarter), FY2026 (fiscal year). */
export function periodLabel(m: MonthIndex, kind: PeriodKind, calendar: FiscalCalendar): string {
  if (kind === 'month') return monthLabel(m);
  return kind === 'quarter' ? fiscalQuarterLabel(m, calendar) : fiscalYearLabel(m, calendar);
}
