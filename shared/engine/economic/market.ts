import { calendarMonthOf, daysInMonth, monthIndexOf, monthStart, yearOfMonth, type LocalDate, type MonthIndex } from '../../domain/dates';
import type { MarketDrivers } from './drivers';

/**
 * Monthly market paths on the calendar (not on a lot's age): every lot of a model sees the same
 * hashprice and rent in a given month. Paths run forward and backward from the market start.
 */

/** Days of each month of [first, first + length). */
export function daysPath(first: MonthIndex, length: number): Float64Array {
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const m = first + i;
    out[i] = daysInMonth(yearOfMonth(m), calendarMonthOf(m));
  }
  return out;
}

/**
 * Day-weighted average over month m of value(n), where n(day) = number of dated events on or before
 * that day minus the number on or before the reference date: events after the reference push n up,
 * events between a past month and the reference push it down. An event dated inside a month splits
 * it by days (the event day counts as after).
 */
export function steppedAverage(events: readonly LocalDate[], ref: LocalDate, m: MonthIndex, value: (n: number) => number): number {
  if (events.length === 0) return value(0);
  let base = 0;
  for (const e of events) if (e <= ref) base--;
  const first = monthStart(m);
  const y = yearOfMonth(m);
  const mo = calendarMonthOf(m);
  const days = daysInMonth(y, mo);
  const lastDay = `${first.slice(0, 8)}${String(days).padStart(2, '0')}`;
  let n = base;
  const inside: number[] = [];
  for (const e of events) {
    if (e < first) n++;
    else if (e <= lastDay) inside.push(Number(e.slice(8, 10)));
  }
  if (inside.length === 0) return value(n);
  inside.sort((a, b) => a - b);
  let acc = 0;
  let from = 1;
  for (const day of inside) {
    acc += (day - from) * value(n);
    n++;
    from = day;
  }
  acc += (days + 1 - from) * value(n);
  return acc / days;
}

/**
 * Hashprice revenue of 1 TH/s over each calendar month, $, before uptime and pool fee:
 *   HP0 / 1000 x (1 + drift)^((m - m_s) / 12) x (fee + (1 - fee) x 2^-n) x days,
 * with n the halvings since the market start (day-weighted in a halving month).
 */
export function hashpriceMonthPath(d: MarketDrivers, first: MonthIndex, length: number, days: Float64Array): Float64Array {
  const a = d.asic;
  const ms = monthIndexOf(d.marketStart);
  const base = a.hashpriceUsdPerPhDay / 1000;
  const fee = a.feeShare;
  const reward = (n: number): number => fee + (1 - fee) * Math.pow(0.5, n);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const m = first + i;
    out[i] = base * Math.pow(1 + a.hashpriceDrift, (m - ms) / 12) * steppedAverage(a.halvingDates, d.marketStart, m, reward) * days[i];
  }
  return out;
}

/**
 * Rent of one GPU-hour in each calendar month, $: rent0 x (1 - decay)^((m - m_s) / 12) x
 * (1 - step)^n, with n the successor arrivals since the market start (day-weighted).
 */
export function rentPath(rent0: number, decay: number, step: number, successors: readonly LocalDate[], marketStart: LocalDate, first: MonthIndex, length: number): Float64Array {
  const ms = monthIndexOf(marketStart);
  const keep = 1 - step;
  const stepValue = (n: number): number => Math.pow(keep, n);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const m = first + i;
    out[i] = rent0 * Math.pow(1 - decay, (m - ms) / 12) * steppedAverage(successors, marketStart, m, stepValue);
  }
  return out;
}
