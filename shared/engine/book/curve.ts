import type { MonthIndex } from '../../domain/dates';
import { fiscalMonthPosition, fiscalQuarterOf, type FiscalCalendar } from '../../domain/fiscal';
import type { BookMethod, Convention } from '../../domain/fleet';
import { decliningBalancePeriods, syd } from '../excel-functions';

/**
 * The shape of a depreciation plan: a weight per month, in runs of equal weights (segments).
 * Cumulative depreciation through a point is (amount to depreciate) x W(point) / total, W being the
 * cumulative weight. Straight-line and SYD shapes use whole or half weights (scaled to whole numbers
 * where half-year and mid-quarter split a year's worth over n months), so R x W is exact and a
 * cumulative amount that is exactly half a cent rounds as it should (for R x W below 2^53).
 */
export interface Curve {
  /** First month with weight. */
  first: MonthIndex;
  /** Last month with weight. */
  end: MonthIndex;
  /** Segment i covers months segFrom[i] .. segFrom[i] + segMonths[i] - 1, weight segTotal[i] spread evenly. */
  segFrom: number[];
  segMonths: number[];
  segTotal: number[];
  /** Cumulative weight before segment i. */
  segBefore: number[];
  total: number;
  /** Mid-month convention: the first month's weight lies in its second half, the last's in its first. */
  midMonth: boolean;
  /** Straight line (under its convention), as opposed to the declining-balance and SYD shapes. */
  straightLine: boolean;
}

const HALF_MONTHS_FIRST_YEAR_MID_QUARTER = [21, 15, 9, 3]; // 10.5, 7.5, 4.5, 1.5 months' worth

function makeCurve(first: MonthIndex, runs: [months: number, total: number][], midMonth: boolean, straightLine: boolean): Curve {
  const curve: Curve = { first, end: first, segFrom: [], segMonths: [], segTotal: [], segBefore: [], total: 0, midMonth, straightLine };
  let month = first;
  let before = 0;
  for (const [months, total] of runs) {
    if (months <= 0) continue;
    curve.segFrom.push(month);
    curve.segMonths.push(months);
    curve.segTotal.push(total);
    curve.segBefore.push(before);
    // Same expression as weightThrough at the segment's last month, so W(end) === total exactly.
    before = before + (total * months) / months;
    month += months;
  }
  curve.end = month - 1;
  curve.total = before;
  return curve;
}

/** Straight line: equal weight in each of `months` months from `first` (at least one month). */
export function evenCurve(first: MonthIndex, months: number): Curve {
  const n = Math.max(1, months);
  return makeCurve(first, [[n, n]], false, true);
}

/**
 * The shape of a lot's original plan (DESIGN.md section 4). DDB, 150DB and SYD use the full-month
 * convention whatever the lot says (they support no other).
 */
export function lotCurve(
  method: BookMethod,
  convention: Convention,
  m0: MonthIndex,
  life: number,
  cost: number,
  salvage: number,
  calendar: FiscalCalendar,
): Curve {
  if (method === 'DDB' || method === '150DB') return decliningCurve(m0, life, cost, salvage, method === 'DDB' ? 2 : 1.5);
  if (method === 'SYD') return sydCurve(m0, life);
  switch (convention) {
    case 'mid-month':
      return makeCurve(m0, [[1, 0.5], [life - 1, life - 1], [1, 0.5]], true, true);
    case 'half-year':
      return yearConventionCurve(m0, life, 12, calendar);
    case 'mid-quarter':
      return yearConventionCurve(m0, life, HALF_MONTHS_FIRST_YEAR_MID_QUARTER[fiscalQuarterOf(m0, calendar) - 1], calendar);
    default:
      return evenCurve(m0, life);
  }
}

/**
 * Half-year and mid-quarter: the first fiscal year gets `firstHalves` half-months' worth spread over
 * its months in service, then 12 months' worth a year, the last year what remains over as many months
 * as it has months' worth (rounded up). When the life ends in the first fiscal year, that year is
 * also the last: its worth is the whole life, spread over min(months in service, months' worth rounded up).
 */
function yearConventionCurve(m0: MonthIndex, life: number, firstHalves: number, calendar: FiscalCalendar): Curve {
  const lifeHalves = 2 * life;
  const monthsInFirstYear = 12 - fiscalMonthPosition(m0, calendar);
  const halves1 = Math.min(firstHalves, lifeHalves);
  const rest = lifeHalves - halves1;
  const months1 = rest === 0 ? Math.min(monthsInFirstYear, Math.ceil(halves1 / 2)) : monthsInFirstYear;
  const fullYears = Math.floor(rest / 24);
  const lastHalves = rest % 24;
  const lastMonths = Math.ceil(lastHalves / 2);
  // Weight unit: a month's worth = 2 x lcm(months1, lastMonths), so every month's weight is an integer.
  const unit = 2 * lcm(months1, Math.max(1, lastMonths));
  const halfUnit = unit / 2;
  const runs: [number, number][] = [[months1, halves1 * halfUnit]];
  if (fullYears > 0) runs.push([12 * fullYears, 12 * fullYears * unit]);
  if (lastHalves > 0) runs.push([lastMonths, lastHalves * halfUnit]);
  return makeCurve(m0, runs, false, true);
}

let periodScratch = new Float64Array(16);

/** DDB / 150DB: asset-year y gets VDB(cost, salvage, L/12, y-1, min(y, L/12), factor), spread evenly. */
function decliningCurve(m0: MonthIndex, life: number, cost: number, salvage: number, factor: number): Curve {
  const years = Math.ceil(life / 12);
  const lifeYears = life / 12;
  if (periodScratch.length < years) periodScratch = new Float64Array(years);
  const periods = decliningBalancePeriods(cost, salvage, lifeYears, factor, false, years, periodScratch);
  const runs: [number, number][] = [];
  let sum = 0;
  for (let y = 1; y <= years; y++) {
    const months = Math.min(12, life - 12 * (y - 1));
    // VDB(y-1, min(y, L/12)): the whole period, or its fraction in a short last asset-year.
    const amount = periods[y - 1] * (Math.min(y, lifeYears) - (y - 1));
    runs.push([months, amount]);
    sum += amount;
  }
  if (!(sum > 0)) return evenCurve(m0, life);
  return makeCurve(m0, runs, false, false);
}

/**
 * SYD: asset-year y gets SYD(cost, salvage, L/12, y) spread over its 12 months; as integer weights,
 * the year's digit per month. A life that is not whole years (rejected by validation) falls back to
 * SYD's digits over the asset-years, the short last year prorated, normalised to the whole amount.
 */
function sydCurve(m0: MonthIndex, life: number): Curve {
  const runs: [number, number][] = [];
  if (life % 12 === 0) {
    const n = life / 12;
    for (let y = 1; y <= n; y++) runs.push([12, 12 * (n - y + 1)]);
  } else {
    const years = Math.ceil(life / 12);
    for (let y = 1; y <= years; y++) {
      const months = Math.min(12, life - 12 * (y - 1));
      runs.push([months, (syd(1, 0, life / 12, y) * months) / 12]);
    }
  }
  return makeCurve(m0, runs, false, false);
}

/** Cumulative weight through the end of month t. */
export function weightThrough(c: Curve, t: MonthIndex): number {
  if (t < c.first) return 0;
  if (t >= c.end) return c.total;
  const s = segmentOf(c, t);
  const k = t - c.segFrom[s] + 1;
  return c.segBefore[s] + (c.segTotal[s] * k) / c.segMonths[s];
}

/** Cumulative weight at the middle of month t (for disposals under the mid-month convention). */
export function weightAtMiddle(c: Curve, t: MonthIndex): number {
  if (t < c.first) return 0;
  if (t > c.end) return c.total;
  const before = weightThrough(c, t - 1);
  if (c.midMonth) {
    if (t === c.first) return before; // placed in service at mid-month: nothing yet
    if (t === c.end) return c.total; // the last half month lies in the first half
  }
  return (before + weightThrough(c, t)) / 2;
}

function segmentOf(c: Curve, t: MonthIndex): number {
  let s = c.segFrom.length - 1;
  while (s > 0 && c.segFrom[s] > t) s--;
  return s;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
