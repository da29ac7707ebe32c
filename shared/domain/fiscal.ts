import { calendarMonthOf, yearOfMonth, type MonthIndex } from './dates';

/**
 * Fiscal calendar: the fiscal year starts in `startMonth` (1..12) and is labelled by the calendar
 * year in which it ends (FY2026 = July 2025 .. June 2026 when startMonth = 7).
 */
export interface FiscalCalendar {
  startMonth: number;
}

/** Fiscal year label number (2026 for FY2026) of a month. */
export function fiscalYearOf(m: MonthIndex, cal: FiscalCalendar): number {
  const y = yearOfMonth(m);
  const mo = calendarMonthOf(m);
  if (cal.startMonth === 1) return y;
  return mo >= cal.startMonth ? y + 1 : y;
}

/** 0-based month position inside its fiscal year (0..11). */
export function fiscalMonthPosition(m: MonthIndex, cal: FiscalCalendar): number {
  return (((calendarMonthOf(m) - cal.startMonth) % 12) + 12) % 12;
}

/** Fiscal quarter 1..4 of a month. */
export function fiscalQuarterOf(m: MonthIndex, cal: FiscalCalendar): number {
  return Math.floor(fiscalMonthPosition(m, cal) / 3) + 1;
}

/** Month index of the first month of the fiscal year containing m. */
export function fiscalYearStartMonth(m: MonthIndex, cal: FiscalCalendar): MonthIndex {
  return m - fiscalMonthPosition(m, cal);
}

export function fiscalYearLabel(m: MonthIndex, cal: FiscalCalendar): string {
  return `FY${fiscalYearOf(m, cal)}`;
}

export function fiscalQuarterLabel(m: MonthIndex, cal: FiscalCalendar): string {
  return `FY${fiscalYearOf(m, cal)}-Q${fiscalQuarterOf(m, cal)}`;
}
