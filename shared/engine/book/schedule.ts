import { monthIndexOf, type MonthIndex } from '../../domain/dates';
import type { FiscalCalendar } from '../../domain/fiscal';
import type { Fleet, FleetEvent, Lot } from '../../domain/fleet';
import { roundHalfAway, type Cents } from '../../domain/money';
import { shareOf } from './allocate';
import { evenCurve, lotCurve, weightAtMiddle, weightThrough, type Curve } from './curve';
import { orderLotEvents, PHASE_END, PHASE_MIDDLE, PHASE_START, type OrderedEvent } from './event-order';
import { SCHEDULE_FLAG, type LotSchedule } from './types';
import { copyF64, takeFromChunks } from './arena';
import { zerosF64, zerosU8 } from './zeros';

/** Where a lot stands after its last scheduled month. */
export interface LotBookState {
  units: number;
  cost: Cents;
  accum: Cents;
  /** Salvage of the remaining units, as last estimated (never above their carrying amount). */
  salvage: Cents;
  heldForSale: boolean;
  disposedAll: boolean;
}

export interface DetailedLotSchedule {
  schedule: LotSchedule;
  /** Salvage of the remaining units in effect at the end of each month. */
  salvage: Float64Array;
  final: LotBookState;
}

/** The book schedule of one lot; `events` may hold every event of the fleet (others are ignored). */
export function computeLotSchedule(lot: Lot, events: readonly FleetEvent[], calendar: FiscalCalendar): LotSchedule {
  return scheduleLot(lot, ownEvents(lot, events), calendar, null);
}

/** The schedule with the salvage in effect each month and the final state (audit views, tests). */
export function computeLotScheduleDetailed(lot: Lot, events: readonly FleetEvent[], calendar: FiscalCalendar): DetailedLotSchedule {
  const detail: Detail = { salvage: null, final: null };
  const schedule = scheduleLot(lot, ownEvents(lot, events), calendar, detail);
  return { schedule, salvage: detail.salvage!, final: detail.final! };
}

/** The book schedules of every lot of the fleet, in the order of `fleet.lots`. */
export function computeBookSchedules(fleet: Fleet): LotSchedule[] {
  const calendar: FiscalCalendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  const byLot = new Map<string, FleetEvent[]>();
  for (const event of fleet.events) {
    const list = byLot.get(event.lotId);
    if (list) list.push(event);
    else byLot.set(event.lotId, [event]);
  }
  const lots = fleet.lots;
  const out: LotSchedule[] = new Array(lots.length);
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i];
    out[i] = scheduleLot(lot, byLot.size === 0 ? NO_EVENTS : (byLot.get(lot.id) ?? NO_EVENTS), calendar, null);
  }
  return out;
}

const NO_EVENTS: FleetEvent[] = [];

function ownEvents(lot: Lot, events: readonly FleetEvent[]): FleetEvent[] {
  return events.filter((e) => e.lotId === lot.id);
}

/** round(cents x pct / 100), half away from zero; a non-integer percent is first taken to 15 digits, as Excel holds it. */
export function percentOfCents(cents: Cents, pct: number): Cents {
  if (!Number.isFinite(pct)) return 0;
  const exact = (cents * pct) / 100;
  return roundHalfAway(Number.isInteger(pct) ? exact : Number(exact.toPrecision(15)));
}

/** Filled in for computeLotScheduleDetailed only. */
interface Detail {
  salvage: Float64Array | null;
  final: LotBookState | null;
}

function scheduleLot(lot: Lot, events: readonly FleetEvent[], calendar: FiscalCalendar, detail: Detail | null): LotSchedule {
  const m0 = monthOfDate(lot.inService);
  const cost = lotCost(lot);
  const salvage = lotSalvage(lot, cost);
  const life = lotLife(lot);
  if (events.length === 0 && isPlainStraightLine(lot)) return scheduleWithoutEvents(lot, m0, cost, salvage, life, null, detail);
  const curve = lotCurve(lot.method, lot.convention, m0, life, cost, salvage, calendar);
  if (events.length === 0) return scheduleWithoutEvents(lot, m0, cost, salvage, life, curve, detail);
  const ordered = orderLotEvents(events, m0, curve.midMonth);
  return scheduleWithEvents(lot, m0, cost, salvage, life, curve, ordered, detail);
}

/** cost = quantity x unit cost, in cents. */
function lotCost(lot: Lot): Cents {
  return roundHalfAway(lot.quantity * lot.unitCost);
}

/** salvage = round(cost x Salvage % / 100), within 0 .. cost. */
function lotSalvage(lot: Lot, cost: Cents): Cents {
  return Math.min(Math.max(0, percentOfCents(cost, lot.salvagePct)), Math.max(0, cost));
}

/** Life in whole months, at least one. */
function lotLife(lot: Lot): number {
  return Number.isFinite(lot.lifeMonths) ? Math.max(1, Math.round(lot.lifeMonths)) : 1;
}

/** SL full-month: the common case, computed without a curve. */
function isPlainStraightLine(lot: Lot): boolean {
  const c = lot.convention;
  return lot.method === 'SL' && c !== 'mid-month' && c !== 'half-year' && c !== 'mid-quarter';
}

/**
 * Month index of a 'yyyy-MM-dd' date, read digit by digit (the register's dates are already
 * validated; anything unusual goes through the domain's strict parser, which throws).
 */
function monthOfDate(date: string): MonthIndex {
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
    const month = digit(date, 5) * 10 + digit(date, 6);
    const day = digit(date, 8) * 10 + digit(date, 9);
    if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) return year * 12 + month - 1;
  }
  return monthIndexOf(date);
}

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

// ---------------------------------------------------------------------------------------------
// Lots without events (nearly all of a fleet).

function lengthWithoutEvents(m0: MonthIndex, life: number, curve: Curve | null): number {
  return curve ? curve.end - m0 + 1 : life;
}

/** One pass over the months: C(t) = base x t / L for SL full-month (curve null), else along the curve. */
function scheduleWithoutEvents(
  lot: Lot,
  m0: MonthIndex,
  cost: Cents,
  salvage: Cents,
  life: number,
  curve: Curve | null,
  detail: Detail | null,
): LotSchedule {
  const length = lengthWithoutEvents(m0, life, curve);
  const zero = zerosF64(length);
  // The lot's own columns; the others are shared zeros.
  const additions = takeFromChunks(length);
  const closingCost = takeFromChunks(length).fill(cost);
  const depreciation = takeFromChunks(length);
  const closingAccum = takeFromChunks(length);
  additions[0] = cost;
  const base = cost - salvage;
  if (base > 0 && curve === null) {
    let previous = 0;
    for (let t = 1; t <= life; t++) {
      const booked = roundHalfAway((base * t) / life);
      depreciation[t - 1] = booked - previous;
      closingAccum[t - 1] = booked;
      previous = booked;
    }
  } else if (base > 0 && curve !== null) {
    const total = curve.total;
    let i = curve.first - m0;
    let previous = 0;
    for (let k = 0; k < curve.segFrom.length; k++) {
      const before = curve.segBefore[k];
      const segTotal = curve.segTotal[k];
      const months = curve.segMonths[k];
      for (let j = 1; j <= months; j++, i++) {
        // Same expression as weightThrough, so lots with and without events give the same cents.
        const booked = roundHalfAway((base * (before + (segTotal * j) / months)) / total);
        depreciation[i] = booked - previous;
        closingAccum[i] = booked;
        previous = booked;
      }
    }
  }
  if (detail) {
    detail.salvage = new Float64Array(length).fill(salvage);
    detail.final = { units: lot.quantity, cost, accum: closingAccum[length - 1], salvage, heldForSale: false, disposedAll: false };
  }
  return {
    lotId: lot.id,
    startMonth: m0,
    length,
    additions,
    disposedCost: zero,
    closingCost,
    depreciation,
    impairment: zero,
    disposedAccum: zero,
    closingAccum,
    proceeds: zero,
    gainLoss: zero,
    flags: zerosU8(length),
  };
}

// ---------------------------------------------------------------------------------------------
// Lots with events: month by month, events at their point in the month.

/** The running book of a lot with events. */
interface Book {
  m0: MonthIndex;
  units: number;
  cost: Cents;
  accum: Cents;
  salvage: Cents;
  life: number;
  /** The plan: `amount` depreciated along `curve` from the cumulative weight `anchor`; `booked` of it so far. */
  curve: Curve;
  anchor: number;
  amount: Cents;
  booked: Cents;
  heldForSale: boolean;
  disposedAll: boolean;
  // This month's movements.
  depreciation: Cents;
  impairment: Cents;
  disposedCost: Cents;
  disposedAccum: Cents;
  proceeds: Cents;
  gainLoss: Cents;
}

/** Book the plan's cumulative depreciation up to cumulative weight `w` (cumulative rounding). */
function depreciateTo(b: Book, w: number): void {
  if (b.heldForSale || b.disposedAll || b.amount <= 0) return;
  const span = b.curve.total - b.anchor;
  const target = span > 0 ? roundHalfAway((b.amount * Math.min(span, w - b.anchor)) / span) : b.amount;
  const d = target - b.booked;
  if (d === 0) return;
  b.booked = target;
  b.accum += d;
  b.depreciation += d;
}

/** Restart the plan: from cumulative weight `w` of `curve`, depreciate `amount` (nothing booked yet). */
function replan(b: Book, curve: Curve, w: number, amount: Cents): void {
  b.curve = curve;
  b.anchor = w;
  b.amount = Math.max(0, amount);
  b.booked = 0;
}

/**
 * Change of estimate (ASC 250 / IAS 8), at the start of month t: the NBV less the (new) salvage,
 * straight line over the months that remain of the (new) life counted from m0; all in t if none.
 * A salvage above the carrying amount stops depreciation and is capped at it (IAS 16.54).
 */
function changeEstimate(b: Book, e: Extract<FleetEvent, { type: 'change-estimate' }>, t: MonthIndex): void {
  if (b.heldForSale) return; // depreciation has stopped; nothing to re-estimate
  if (e.lifeMonths !== undefined && Number.isFinite(e.lifeMonths)) b.life = Math.max(1, Math.round(e.lifeMonths));
  const nbv = b.cost - b.accum;
  if (e.salvagePct !== undefined) b.salvage = Math.max(0, percentOfCents(b.cost, e.salvagePct));
  b.salvage = Math.min(b.salvage, nbv);
  replan(b, evenCurve(t, b.life - (t - b.m0)), 0, nbv - b.salvage);
}

/**
 * Disposal of units at cumulative weight `w`: their cost and accumulated amount leave by
 * largest remainder; the remaining units keep their share of what was still to depreciate and
 * continue along the same curve (their salvage is what remains of their carrying amount).
 */
function dispose(b: Book, e: Extract<FleetEvent, { type: 'disposal' }>, w: number): void {
  const units = Math.min(b.units, Math.max(0, Math.trunc(e.units)));
  if (units <= 0) return;
  const toDepreciate = b.heldForSale ? 0 : b.cost - b.accum - b.salvage;
  const cost = shareOf(b.cost, units, b.units);
  const accum = shareOf(b.accum, units, b.units);
  const salvage = shareOf(b.salvage, units, b.units);
  const keepToDepreciate = toDepreciate - shareOf(toDepreciate, units, b.units);
  const proceeds = roundHalfAway(e.proceeds);
  b.cost -= cost;
  b.accum -= accum;
  b.units -= units;
  b.disposedCost += cost;
  b.disposedAccum += accum;
  b.proceeds += proceeds;
  b.gainLoss += proceeds - (cost - accum);
  const nbv = b.cost - b.accum;
  if (b.units === 0) {
    b.disposedAll = true;
    b.salvage = 0;
  } else if (b.heldForSale) {
    b.salvage = Math.min(b.salvage - salvage, nbv);
  } else {
    const keep = Math.min(Math.max(0, keepToDepreciate), nbv);
    b.salvage = nbv - keep;
    replan(b, b.curve, w, keep);
  }
}

/** Held for sale: depreciation stops; carrying amount = min(NBV, fair value less costs to sell). */
function holdForSale(b: Book, e: Extract<FleetEvent, { type: 'held-for-sale' }>): void {
  b.heldForSale = true;
  writeDown(b, e.fairValueLessCosts);
}

/**
 * Impairment at the end of month t (after its depreciation), US GAAP: NBV drops to fair value, no
 * reversal; salvage = min(salvage, fair value); then straight line over the life that remains
 * (a straight-line plan continues along its own curve, a declining or SYD plan turns to even months).
 */
function impair(b: Book, e: Extract<FleetEvent, { type: 'impairment' }>, t: MonthIndex): void {
  if (!writeDown(b, e.fairValue) || b.heldForSale) return;
  const fairValue = b.cost - b.accum;
  b.salvage = Math.min(b.salvage, fairValue);
  const w = weightThrough(b.curve, t);
  const amount = fairValue - b.salvage;
  if (amount <= 0 || (b.curve.straightLine && b.curve.total > w)) replan(b, b.curve, w, amount);
  else replan(b, evenCurve(t + 1, b.curve.end - t), 0, amount);
}

/** Write the carrying amount down to `value` if lower (the loss goes to impairment); true if it did. */
function writeDown(b: Book, value: Cents): boolean {
  const nbv = b.cost - b.accum;
  const target = Math.max(0, roundHalfAway(value));
  if (!(target < nbv)) return false;
  const loss = nbv - target;
  b.accum += loss;
  b.impairment += loss;
  b.salvage = Math.min(b.salvage, target);
  return true;
}

function apply(b: Book, o: OrderedEvent, t: MonthIndex, w: number): void {
  if (b.disposedAll) return;
  const e = o.event;
  switch (e.type) {
    case 'change-estimate':
      return changeEstimate(b, e, t);
    case 'disposal':
      return dispose(b, e, w);
    case 'held-for-sale':
      return holdForSale(b, e);
    case 'impairment':
      return impair(b, e, t);
    case 'idle':
      return; // a flag only (set after the run)
  }
}

/** Growable scratch columns for lots with events (their length is known only at the end). */
const scratch = {
  capacity: 0,
  disposedCost: new Float64Array(0),
  closingCost: new Float64Array(0),
  depreciation: new Float64Array(0),
  impairment: new Float64Array(0),
  disposedAccum: new Float64Array(0),
  closingAccum: new Float64Array(0),
  proceeds: new Float64Array(0),
  gainLoss: new Float64Array(0),
  salvage: new Float64Array(0),
  flags: new Uint8Array(0),
};

function ensureScratch(length: number): void {
  if (length <= scratch.capacity) return;
  const capacity = Math.max(256, 2 * scratch.capacity, length);
  const grow = (a: Float64Array) => {
    const b = new Float64Array(capacity);
    b.set(a);
    return b;
  };
  scratch.disposedCost = grow(scratch.disposedCost);
  scratch.closingCost = grow(scratch.closingCost);
  scratch.depreciation = grow(scratch.depreciation);
  scratch.impairment = grow(scratch.impairment);
  scratch.disposedAccum = grow(scratch.disposedAccum);
  scratch.closingAccum = grow(scratch.closingAccum);
  scratch.proceeds = grow(scratch.proceeds);
  scratch.gainLoss = grow(scratch.gainLoss);
  scratch.salvage = grow(scratch.salvage);
  const flags = new Uint8Array(capacity);
  flags.set(scratch.flags);
  scratch.flags = flags;
  scratch.capacity = capacity;
}

function scheduleWithEvents(
  lot: Lot,
  m0: MonthIndex,
  cost: Cents,
  salvage: Cents,
  life: number,
  curve: Curve,
  ordered: OrderedEvent[],
  detail: Detail | null,
): LotSchedule {
  const b: Book = {
    m0,
    units: lot.quantity,
    cost,
    accum: 0,
    salvage,
    life,
    curve,
    anchor: 0,
    amount: cost - salvage,
    booked: 0,
    heldForSale: false,
    disposedAll: false,
    depreciation: 0,
    impairment: 0,
    disposedCost: 0,
    disposedAccum: 0,
    proceeds: 0,
    gainLoss: 0,
  };
  const lastEventMonth = ordered[ordered.length - 1].month;
  let anyDisposal = false;
  let anyImpairment = false;
  let next = 0;
  let t = m0;
  for (; ; t++) {
    const i = t - m0;
    ensureScratch(i + 1);
    b.depreciation = b.impairment = b.disposedCost = b.disposedAccum = b.proceeds = b.gainLoss = 0;
    while (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_START) {
      apply(b, ordered[next++], t, weightThrough(b.curve, t - 1));
    }
    if (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_MIDDLE) {
      depreciateTo(b, weightAtMiddle(b.curve, t));
      while (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_MIDDLE) {
        apply(b, ordered[next++], t, weightAtMiddle(b.curve, t));
      }
    }
    depreciateTo(b, weightThrough(b.curve, t));
    while (next < ordered.length && ordered[next].month === t && ordered[next].phase === PHASE_END) {
      apply(b, ordered[next++], t, weightThrough(b.curve, t));
    }
    scratch.disposedCost[i] = b.disposedCost;
    scratch.closingCost[i] = b.cost;
    scratch.depreciation[i] = b.depreciation;
    scratch.impairment[i] = b.impairment;
    scratch.disposedAccum[i] = b.disposedAccum;
    scratch.closingAccum[i] = b.accum;
    scratch.proceeds[i] = b.proceeds;
    scratch.gainLoss[i] = b.gainLoss;
    scratch.salvage[i] = b.salvage;
    scratch.flags[i] = (b.heldForSale ? SCHEDULE_FLAG.heldForSale : 0) | (b.disposedAll ? SCHEDULE_FLAG.disposedAll : 0);
    if (b.disposedCost !== 0 || b.proceeds !== 0) anyDisposal = true;
    if (b.impairment !== 0) anyImpairment = true;
    if (b.disposedAll) break;
    const lastMonth = b.heldForSale ? lastEventMonth : Math.max(lastEventMonth, b.curve.end);
    if (t >= lastMonth) break;
  }
  const length = t - m0 + 1;
  let anyFlag = false;
  for (let i = 0; i < length && !anyFlag; i++) anyFlag = scratch.flags[i] !== 0;
  for (const o of ordered) {
    if (o.event.type !== 'idle' || o.month - m0 >= length) continue;
    const until = o.event.until ? Math.max(o.month, monthIndexOf(o.event.until)) : Infinity;
    const last = Math.min(length - 1, until - m0);
    for (let i = o.month - m0; i <= last; i++) scratch.flags[i] |= SCHEDULE_FLAG.idle;
    anyFlag = true;
  }

  const zero = zerosF64(length);
  const copy = (a: Float64Array) => copyF64(a, length);
  const additions = takeFromChunks(length);
  additions[0] = cost;
  const schedule: LotSchedule = {
    lotId: lot.id,
    startMonth: m0,
    length,
    additions,
    disposedCost: anyDisposal ? copy(scratch.disposedCost) : zero,
    closingCost: copy(scratch.closingCost),
    depreciation: copy(scratch.depreciation),
    impairment: anyImpairment ? copy(scratch.impairment) : zero,
    disposedAccum: anyDisposal ? copy(scratch.disposedAccum) : zero,
    closingAccum: copy(scratch.closingAccum),
    proceeds: anyDisposal ? copy(scratch.proceeds) : zero,
    gainLoss: anyDisposal ? copy(scratch.gainLoss) : zero,
    flags: anyFlag ? scratch.flags.slice(0, length) : zerosU8(length),
  };
  if (detail) {
    detail.salvage = scratch.salvage.slice(0, length);
    detail.final = { units: b.units, cost: b.cost, accum: b.accum, salvage: b.salvage, heldForSale: b.heldForSale, disposedAll: b.disposedAll };
  }
  return schedule;
}
