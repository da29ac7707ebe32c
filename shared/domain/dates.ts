/**
 * Dates in the domain are 'yyyy-MM-dd' strings (LocalDate); months are integer indexes
 * (year * 12 + month - 1). Never a local-midnight Date.
 */
export type LocalDate = string;
export type MonthIndex = number;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parse a strict 'yyyy-MM-dd' date; null when malformed or not a real calendar day. */
export function parseLocalDate(s: string): { year: number; month: number; day: number } | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isLocalDate(s: string): boolean {
  return parseLocalDate(s) !== null;
}

export function toLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month index of a LocalDate (throws on a malformed date: validate at the edges first). */
export function monthIndexOf(date: LocalDate): MonthIndex {
  const d = parseLocalDate(date);
  if (!d) throw new Error(`not a yyyy-MM-dd date: ${date}`);
  return d.year * 12 + d.month - 1;
}

export function yearOfMonth(m: MonthIndex): number {
  return Math.floor(m / 12);
}

/** Calendar month 1..12 of a month index. */
export function calendarMonthOf(m: MonthIndex): number {
  return (m % 12) + 1;
}

/** '2025-01' for a month index. */
export function monthLabel(m: MonthIndex): string {
  return `${yearOfMonth(m)}-${String(calendarMonthOf(m)).padStart(2, '0')}`;
}

/** First day of the month as a LocalDate. */
export function monthStart(m: MonthIndex): LocalDate {
  return toLocalDate(yearOfMonth(m), calendarMonthOf(m), 1);
}

/** Last day of the month as a LocalDate. */
export function monthEnd(m: MonthIndex): LocalDate {
  const y = yearOfMonth(m);
  const mo = calendarMonthOf(m);
  return toLocalDate(y, mo, daysInMonth(y, mo));
}
