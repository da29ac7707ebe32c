/**
 * The tax book (US federal, DESIGN.md section 5): Section 179 and bonus in the first tax year, then
 * MACRS GDS from the Pub 946 tables, half-year or mid-quarter as the 40 % test of each tax year
 * decides. Tax year = fiscal year. Each lot's schedule is a LotSchedule, so the book's period
 * aggregation and rollforward serve the tax book unchanged.
 *
 * Rounding: per lot (per tranche of units when a lot has disposals) the cumulative amount through
 * each tax year is rounded to the cent and the year's amount is the difference; each year's amount
 * is then spread evenly over its months, again by cumulative rounding. Year sums are therefore the
 * table figures exactly, and month sums are year sums.
 */
import { monthIndexOf } from '../../domain/dates';
import { fiscalMonthPosition, fiscalQuarterOf, fiscalYearOf, type FiscalCalendar } from '../../domain/fiscal';
import type { Fleet, Lot, TaxClass } from '../../domain/fleet';
import type { Cents } from '../../domain/money';
import { SCHEDULE_FLAG, type LotSchedule } from '../book/types';
import { bonusElection40From, bonusRateFor } from './bonus';
import { bigRoundDiv, centsTimesPct, mulDivRound } from './intmath';
import { takeColumn } from './columns';
import { isSharedZero, zerosF64, zerosU8 } from '../book/zeros';
import { isMacrsClass, macrsColumn, recoveryPeriodOf, type MacrsClass, type MacrsColumn, type MacrsConvention } from './tables';

export interface TaxScheduleOptions {
  /**
   * The 40 % election for property placed in service in the first tax year ending after
   * 2025-01-19. Default: the Assumptions driver 'bonuselection40' (see bonusElection40From).
   */
  bonusElection40?: boolean;
  /**
   * Basis counted in the mid-quarter 40 % test. 'before-bonus' (default): cost - Section 179, as
   * Treas. Reg. 1.168(d)-1(b)(4) and 1.168(k)-1(f)(7) have it (bonus does not reduce it).
   * 'after-bonus': the MACRS basis, cost - Section 179 - bonus.
   */
  midQuarterTestBasis?: 'before-bonus' | 'after-bonus';
}

/** The mid-quarter test of one tax year, with the figures that decided it. */
export interface MidQuarterTest {
  /** Fiscal year label (2026 for FY2026). */
  taxYear: number;
  /** Cents of basis placed in service in the tax year (MACRS lots only; same-year disposals left out). */
  totalBasis: Cents;
  /** Of which placed in service in the tax year's last (fourth fiscal) quarter. */
  lastQuarterBasis: Cents;
  /** lastQuarterBasis / totalBasis (0 when nothing was placed in service). */
  share: number;
  /** share > 40 %: the mid-quarter convention applies to all that year's MACRS property. */
  midQuarter: boolean;
}

/** How a lot's tax figures were decided, for display and audit. */
export interface TaxLotDetail {
  lotId: string;
  taxClass: TaxClass;
  cost: Cents;
  section179: Cents;
  bonusPct: number;
  bonusRule: string;
  bonus: Cents;
  /** cost - Section 179 - bonus: what the table percentages apply to. */
  macrsBasis: Cents;
  /** First tax year (fiscal year label) and fiscal quarter placed in service. */
  taxYear: number;
  quarter: number;
  /** Convention and Pub 946 table used; null for tax class 'none'. */
  convention: MacrsConvention | null;
  table: string | null;
}

export interface TaxSchedules {
  /** One per lot, in fleet.lots order. */
  schedules: LotSchedule[];
  /** One per tax year in which MACRS property was placed in service, in year order. */
  midQuarterTests: MidQuarterTest[];
  /** One per lot, in fleet.lots order. */
  lots: TaxLotDetail[];
}

interface Exit {
  /** Month offset from the in-service month (disposals dated earlier count in month 0). */
  offset: number;
  units: number;
  proceeds: Cents;
}

interface Prepared {
  lot: Lot;
  m0: number;
  /** Months of the schedule, and whether every unit leaves (then the last exit ends it). */
  length: number;
  allSold: boolean;
  cost: Cents;
  upfront: Cents;
  detail: TaxLotDetail;
  exits: Exit[];
}

/** Month index of a 'yyyy-MM-dd' date: digits read in place (hot: once per lot); the strict parser otherwise. */
function monthOf(date: string): number {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    let ok = true;
    for (const i of DIGITS) {
      const c = date.charCodeAt(i);
      if (c < 48 || c > 57) ok = false;
    }
    const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
    const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
    // Days 1..28 exist in every month; anything else goes to the strict parser (which throws on bad dates).
    if (ok && m >= 1 && m <= 12 && d >= 1 && d <= 28) {
      const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
      return y * 12 + m - 1;
    }
  }
  return monthIndexOf(date);
}
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

const MQ_LIMIT_NUM = 4; // "more than 40 %": last * 10 > total * 4, in integers
const MQ_LIMIT_DEN = 10;

/** Tax schedules of every lot, and the mid-quarter test of every tax year. */
export function computeTaxSchedules(fleet: Fleet, options: TaxScheduleOptions = {}): TaxSchedules {
  const cal: FiscalCalendar = { startMonth: fleet.assumptions.fiscalYearStartMonth || 1 };
  const bonusElection40 = options.bonusElection40 ?? bonusElection40From(fleet.assumptions);
  const afterBonus = options.midQuarterTestBasis === 'after-bonus';
  const exitsByLot = disposalsByLot(fleet);

  // Pass 1: basis of each lot and the 40 % test of each tax year.
  const prepared: Prepared[] = [];
  const years = new Map<number, { total: number; last: number }>();
  for (const lot of fleet.lots) {
    const m0 = monthOf(lot.inService);
    const quantity = Math.max(0, lot.quantity);
    const cost = quantity * lot.unitCost;
    const taxYear = fiscalYearOf(m0, cal);
    const quarter = fiscalQuarterOf(m0, cal);
    const macrs = isMacrsClass(lot.taxClass);
    const section179 = macrs ? Math.min(cost, Math.max(0, Math.round(lot.section179 ?? 0))) : 0;
    const rate = bonusRateFor(lot, { bonusElection40, fiscalYearStartMonth: cal.startMonth });
    const bonus = macrs ? centsTimesPct(cost - section179, rate.pct) : 0;
    const macrsBasis = macrs ? cost - section179 - bonus : 0;
    const exits = clampExits(exitsByLot.get(lot.id), m0, quantity);
    if (macrs && quantity > 0) {
      // Units placed in service and disposed of in the same tax year do not count (Treas. Reg. 1.168(d)-1(b)(3)).
      const firstYearLen = 12 - fiscalMonthPosition(m0, cal);
      let sameYear = 0;
      for (const e of exits) if (e.offset < firstYearLen) sameYear += e.units;
      const base = afterBonus ? macrsBasis : cost - section179;
      const counted = mulDivRound(base, quantity - sameYear, quantity);
      let y = years.get(taxYear);
      if (!y) years.set(taxYear, (y = { total: 0, last: 0 }));
      y.total += counted;
      if (quarter === 4) y.last += counted;
    }
    const detail: TaxLotDetail = {
      lotId: lot.id,
      taxClass: lot.taxClass,
      cost,
      section179,
      bonusPct: rate.pct,
      bonusRule: rate.rule,
      bonus,
      macrsBasis,
      taxYear,
      quarter,
      convention: null,
      table: null,
    };
    let held = quantity;
    let lastExit = -1;
    for (const e of exits) {
      held -= e.units;
      lastExit = Math.max(lastExit, e.offset);
    }
    const allSold = exits.length > 0 && held <= 0;
    // To the end of the last recovery tax year (or the last disposal if later); to the disposal when all units leave.
    const recoveryMonths = macrs ? 12 - fiscalMonthPosition(m0, cal) + 12 * recoveryPeriodOf(lot.taxClass as MacrsClass) : 1;
    const length = allSold ? lastExit + 1 : Math.max(recoveryMonths, lastExit + 1);
    prepared.push({ lot, m0, length, allSold, cost, upfront: section179 + bonus, detail, exits });
  }

  const midQuarterTests: MidQuarterTest[] = [...years.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([taxYear, y]) => ({
      taxYear,
      totalBasis: y.total,
      lastQuarterBasis: y.last,
      share: y.total > 0 ? y.last / y.total : 0,
      midQuarter: y.last * MQ_LIMIT_DEN > y.total * MQ_LIMIT_NUM,
    }));
  const mqYears = new Set(midQuarterTests.filter((t) => t.midQuarter).map((t) => t.taxYear));

  // Pass 2: the schedules.
  const schedules: LotSchedule[] = new Array(prepared.length);
  for (let i = 0; i < prepared.length; i++) {
    const p = prepared[i];
    const d = p.detail;
    if (isMacrsClass(d.taxClass)) {
      d.convention = mqYears.has(d.taxYear) ? 'mid-quarter' : 'half-year';
      const col = macrsColumn(d.taxClass, d.convention, d.quarter);
      d.table = col.table;
      schedules[i] = macrsSchedule(p, col, d.convention, cal);
    } else {
      schedules[i] = untaxedSchedule(p);
    }
  }
  return { schedules, midQuarterTests, lots: prepared.map((p) => p.detail) };
}

function disposalsByLot(fleet: Fleet): Map<string, { date: string; units: number; proceeds: number }[]> {
  const map = new Map<string, { date: string; units: number; proceeds: number }[]>();
  for (const ev of fleet.events) {
    if (ev.type !== 'disposal' || !(ev.units > 0)) continue;
    let list = map.get(ev.lotId);
    if (!list) map.set(ev.lotId, (list = []));
    list.push({ date: ev.date, units: ev.units, proceeds: ev.proceeds });
  }
  // Date order; Array.prototype.sort is stable, so same-day events keep their file order.
  for (const list of map.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return map;
}

/** Disposals in date order, each limited to the units still held; none past the last unit. */
function clampExits(list: { date: string; units: number; proceeds: number }[] | undefined, m0: number, quantity: number): Exit[] {
  if (!list) return [];
  const out: Exit[] = [];
  let held = quantity;
  for (const e of list) {
    const units = Math.min(held, Math.floor(e.units)); // whole units only
    if (units <= 0) continue;
    held -= units;
    out.push({ offset: Math.max(0, monthOf(e.date) - m0), units, proceeds: e.proceeds });
  }
  return out;
}

/**
 * Columns from ./columns; columns that stay zero (the impairment column always, the disposal
 * columns of lots without disposals, depreciation and accumulated of untaxed lots) are the book
 * engine's shared read-only zero columns, which period sums recognise and skip.
 */
function allocate(lotId: string, startMonth: number, length: number, disposals: boolean, depreciates: boolean): LotSchedule {
  const zero = zerosF64(length);
  return {
    lotId,
    startMonth,
    length,
    additions: takeColumn(length),
    disposedCost: disposals ? takeColumn(length) : zero,
    closingCost: takeColumn(length),
    depreciation: depreciates ? takeColumn(length) : zero,
    impairment: zero,
    disposedAccum: disposals ? takeColumn(length) : zero,
    closingAccum: depreciates ? takeColumn(length) : zero,
    proceeds: disposals ? takeColumn(length) : zero,
    gainLoss: disposals ? takeColumn(length) : zero,
    flags: zerosU8(length),
  };
}

/**
 * Spread a year's cents over `count` (<= 12) months from `start`, cumulative rounding:
 * month k ends at round(amount x k / count). Split as amount = base x count + r so that only the
 * small r x k / count is rounded: integer arithmetic on small ints, no float modulo per month.
 */
function spread(dep: Float64Array, amount: number, start: number, count: number): void {
  if (amount === 0) return;
  const sign = amount < 0 ? -1 : 1;
  const a = amount * sign;
  const base = Math.floor(a / count);
  const r = a - base * count;
  const twoC = 2 * count;
  let prev = 0;
  for (let k = 1; k <= count; k++) {
    // round half up of r*k/count for r*k >= 0 (half away from zero, the sign applied after).
    const cur = base * k + Math.floor((2 * r * k + count) / twoC);
    dep[start + k - 1] += (cur - prev) * sign;
    prev = cur;
  }
}

function macrsSchedule(p: Prepared, col: MacrsColumn, convention: MacrsConvention, cal: FiscalCalendar): LotSchedule {
  const { lot, m0, cost, upfront, exits } = p;
  const basis = p.detail.macrsBasis;
  const quantity = Math.max(0, lot.quantity);
  const years = col.bp.length; // recovery years: class + 1
  const n1 = 12 - fiscalMonthPosition(m0, cal); // months of the first tax year in service
  const yearStart = (y: number) => (y === 1 ? 0 : n1 + 12 * (y - 2));
  const yearLen = (y: number) => (y === 1 ? n1 : 12);
  const s = allocate(lot.id, m0, p.length, exits.length > 0, true);
  const dep = s.depreciation;

  if (exits.length === 0) {
    // The common case: one tranche, the whole lot. Section 179 and bonus in the in-service month.
    dep[0] += upfront;
    let prevC = 0;
    for (let y = 1; y <= years; y++) {
      const c = mulDivRound(basis, col.cumBp[y], 10000);
      spread(dep, c - prevC, yearStart(y), yearLen(y));
      prevC = c;
    }
  } else {
    const q = BigInt(quantity);
    const up = BigInt(upfront) * 10000n;
    const b = BigInt(basis);
    const tranche = (units: number, exit: Exit | null): number => {
      // Cumulative cents of this tranche (units / quantity of the lot) through tax year y.
      let yExit = Infinity;
      if (exit) yExit = exit.offset < n1 ? 1 : 2 + Math.floor((exit.offset - n1) / 12);
      if (yExit === 1) return 0; // placed in service and disposed of in the same tax year: no depreciation
      const n = BigInt(units);
      const cum = (y: number, fn: number, fd: number): number => {
        // (upfront + basis x (cumBp[y-1] + bp[y-1] x fn/fd) / 10000) x units / quantity
        const w = (up + b * BigInt(col.cumBp[y - 1])) * BigInt(fd) + b * BigInt(col.bp[y - 1] * fn);
        return Number(bigRoundDiv(n * w, q * BigInt(10000 * fd)));
      };
      const c0 = Number(bigRoundDiv(n * up, q * 10000n));
      dep[0] += c0;
      let prevC = c0;
      const last = Math.min(years, yExit);
      for (let y = 1; y <= last; y++) {
        let fn = 1;
        let fd = 1;
        let count = yearLen(y);
        if (y === yExit) {
          [fn, fd] = disposalFraction(convention, p.detail.quarter, fiscalQuarterOf(m0 + exit!.offset, cal), y === years);
          count = exit!.offset - yearStart(y) + 1;
        }
        const c = cum(y, fn, fd);
        spread(dep, c - prevC, yearStart(y), count);
        prevC = c;
      }
      return prevC;
    };
    let rest = quantity;
    for (const e of exits) {
      rest -= e.units;
      const accum = tranche(e.units, e);
      const unitsCost = e.units * lot.unitCost;
      s.disposedCost[e.offset] += unitsCost;
      s.disposedAccum[e.offset] += accum;
      s.proceeds[e.offset] += e.proceeds;
      s.gainLoss[e.offset] += e.proceeds - (unitsCost - accum);
    }
    if (rest > 0) tranche(rest, null);
  }
  finish(s, cost, p);
  return s;
}

/**
 * Share of a full year's table amount taken in the year of disposal. Half-year: half. Mid-quarter:
 * deemed disposed of at the middle of its quarter, 1.5, 4.5, 7.5 or 10.5 months of 12. In the last
 * recovery year the table amount already covers only the months up to the end of the recovery
 * period (6 months half-year; 3q - 1.5 mid-quarter), so the share is of those, at most all of it.
 */
function disposalFraction(convention: MacrsConvention, placedQ: number, disposedQ: number, lastYear: boolean): [number, number] {
  if (convention === 'half-year') return lastYear ? [1, 1] : [1, 2];
  if (!lastYear) return [2 * disposedQ - 1, 8];
  return disposedQ >= placedQ ? [1, 1] : [2 * disposedQ - 1, 2 * placedQ - 1];
}

/** Tax class 'none': the lot carries its cost with no tax depreciation; disposals still leave. */
function untaxedSchedule(p: Prepared): LotSchedule {
  const { lot, m0, cost, exits } = p;
  const s = allocate(lot.id, m0, p.length, exits.length > 0, false);
  for (const e of exits) {
    const unitsCost = e.units * lot.unitCost;
    s.disposedCost[e.offset] += unitsCost;
    s.proceeds[e.offset] += e.proceeds;
    s.gainLoss[e.offset] += e.proceeds - unitsCost;
  }
  finish(s, cost, p);
  return s;
}

/** Additions, running cost and accumulated columns, and the disposed-all flag (shared zero columns are never written). */
function finish(s: LotSchedule, cost: Cents, p: Prepared): void {
  s.additions[0] = cost;
  let c = 0;
  let a = 0;
  const cc = s.closingCost;
  const ca = s.closingAccum;
  const writeAccum = !isSharedZero(ca); // untaxed lots: the shared zero column
  for (let i = 0; i < s.length; i++) {
    c += s.additions[i] - s.disposedCost[i];
    a += s.depreciation[i] - s.disposedAccum[i];
    cc[i] = c;
    if (writeAccum) ca[i] = a;
  }
  if (p.allSold) {
    s.flags = new Uint8Array(s.length);
    s.flags[s.length - 1] = SCHEDULE_FLAG.disposedAll;
  }
}
