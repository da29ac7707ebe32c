import { monthIndexOf, monthStart, parseLocalDate, type LocalDate, type MonthIndex } from '../../domain/dates';
import type { AssetClass, Fleet, Lot } from '../../domain/fleet';
import { findPreset, normaliseModel, type HardwarePreset } from '../../presets/hardware';
import type { LotSchedule } from '../book/types';
import type { MarketDrivers, ResaleModel } from './drivers';
import { anchorFactor, buyerValue, impliedLife, monthlyRate, solveUnit } from './kernel';
import { daysPath, hashpriceMonthPath, rentPath } from './market';

/**
 * Economic value beside book value, per lot and month (DESIGN.md section 6).
 *
 * Arrays: index i is month `startMonth + i`, month 0 the in-service month, `length` = the class's
 * physical life N. Values are in cents per lot (per-unit value x units), rounded half away from zero,
 * and are END-OF-MONTH figures like the book's closing NBV: economicValue[i] = W(i + 1), the value
 * at the start of the next month; economicValue[N - 1] = S(N), the salvage at the end of physical
 * life. `initialValue` is W(0), the value at the start of the in-service month.
 */
export interface LotEconomics {
  lotId: string;
  assetClass: AssetClass;
  model: string;
  /** Preset whose specs filled blanks on the row, if any. */
  presetId?: string;
  /** False when the lot has no market model (class Other, missing specs): arrays are empty. */
  modelled: boolean;
  /** Why the lot is not modelled. */
  issue?: string;
  startMonth: MonthIndex;
  length: number;
  /** W at the start of the in-service month, cents. */
  initialValue: number;
  /** EV at the end of each month, cents. */
  economicValue: Float64Array;
  /** Net salvage S = market value x liquidation factor if sold at the end of each month, cents. */
  salvageValue: Float64Array;
  /** Contribution margin R - V of each month if run, cents (negative when running would lose). */
  margin: Float64Array;
  /** Cash flow under the optimal policy: max(0, margin) - fixed costs while held, 0 after retiring. */
  cashFlow: Float64Array;
  /** 1 in months the units run: held (before the economic life ends) and margin > 0. */
  operating: Uint8Array;
  /** Months from in-service until retiring is optimal (N if never before the end of physical life). */
  economicLifeMonths: number;
  /** Months until the margin stays <= 0 for good (economics.md 5.5 operating economic life). */
  operatingLifeMonths: number;
  /** Book NBV at the end of each month (closingCost - closingAccum), when books were given. */
  bookNbv?: Float64Array;
  /** bookNbv - economicValue (positive: the book overstates the value). */
  gap?: Float64Array;
  /** EV(end of previous month) - EV(end of month); month 0 against initialValue. */
  economicDepreciation: Float64Array;
  /** Straight-line life (months) whose NBV path fits the EV path best, least squares (see kernel.impliedLife). */
  impliedLifeMonths: number;
  /** The month of the impairment flags: the As Of month, else the market start month. */
  asOfMonth: MonthIndex;
  /** Index of asOfMonth in the arrays, -1 when the lot is not held then (before in-service or after its life). */
  asOfIndex: number;
  /** Book NBV at the end of the as-of month, when books were given and the lot is held. */
  bookNbvAtAsOf?: number;
  /** Undiscounted cash flows after the as-of month until the optimal retirement, plus the salvage then. */
  undiscountedCashFlows: number;
  /** US GAAP (ASC 360) step 1: undiscounted cash flows + salvage < NBV at the end of the as-of month. */
  recoverabilityImpaired: boolean;
  /** IFRS (IAS 36) recoverable amount = max(FVLCTS = salvage, value in use) = EV at the end of the as-of month. */
  ifrsRecoverableAmount: number;
  /** Recoverable amount below NBV at the as-of month. */
  ifrsImpaired: boolean;
}

export interface ComputeOptions {
  /**
   * Units held per month by lot id, index i = month in-service + i (e.g. after disposals, from the
   * book engine); the last value holds beyond the array. Default: the lot's quantity.
   */
  units?: ReadonlyMap<string, ArrayLike<number>> | Readonly<Record<string, ArrayLike<number>>>;
}

const EMPTY_F = new Float64Array(0);
const EMPTY_U = new Uint8Array(0);

/** A lot resolved for valuation: its specs and the group it shares a computation with. */
interface Resolved {
  lot: Lot;
  preset?: HardwarePreset;
  issue?: string;
  m0: MonthIndex;
  group?: Group;
}

interface Group {
  cls: 'ASIC' | 'GPU';
  m0: MonthIndex;
  n: number;
  hashrate: number;
  kw: number;
  gpus: number;
  rentKey: string;
  rent0: number;
  rentDecay: number;
  successors: LocalDate[];
  power: number;
  unitCost: number;
  salvagePct: number;
  // per-unit results (cents), filled by solveGroup
  ev: Float64Array;
  sal: Float64Array;
  margin: Float64Array;
  cash: Float64Array;
  op: Uint8Array;
  w0: number;
  undiscounted: Float64Array;
  life: number;
  opLife: number;
  implied: number;
}

// All fields set at creation so every group has one shape (the hot loops read them).
function newGroup(
  cls: 'ASIC' | 'GPU', m0: MonthIndex, n: number, hashrate: number, kw: number, gpus: number, rentKey: string, rent0: number,
  rentDecay: number, successors: LocalDate[], power: number, unitCost: number, salvagePct: number,
): Group {
  return {
    cls, m0, n, hashrate, kw, gpus, rentKey, rent0, rentDecay, successors, power, unitCost, salvagePct,
    ev: EMPTY_F, sal: EMPTY_F, margin: EMPTY_F, cash: EMPTY_F, op: EMPTY_U, w0: 0, undiscounted: EMPTY_F, life: 0, opLife: 0, implied: NaN,
  };
}

function finite(v: number | undefined | null): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function lookupModel<T>(map: Readonly<Record<string, T>>, model: string, preset: HardwarePreset | undefined): T | undefined {
  if (preset && map[preset.id] !== undefined) return map[preset.id];
  const k = normaliseModel(model ?? '');
  if (map[k] !== undefined) return map[k];
  return map['*'];
}

/** Per-call caches: registers repeat a few models and dates many times. */
interface Caches {
  preset: Map<string, HardwarePreset | null>;
  month: Map<string, MonthIndex | null>;
  hasLotPower: boolean;
}

function presetOf(c: Caches, lot: Lot): HardwarePreset | undefined {
  let p = c.preset.get(lot.model);
  if (p === undefined) {
    p = findPreset(lot.model ?? '') ?? null;
    c.preset.set(lot.model, p);
  }
  return p !== null && p.assetClass === lot.assetClass ? p : undefined;
}

function monthOf(c: Caches, date: LocalDate): MonthIndex | null {
  let m = c.month.get(date);
  if (m === undefined) {
    m = parseLocalDate(date ?? '') ? monthIndexOf(date) : null;
    c.month.set(date, m);
  }
  return m;
}

/** The lot's specs with its preset filling blanks (as lotWithPresetSpecs, without copying the lot). */
function resolve(lot: Lot, d: MarketDrivers, c: Caches): Resolved {
  const preset = presetOf(c, lot);
  const m0 = monthOf(c, lot.inService);
  const r: Resolved = { lot, m0: m0 ?? 0 };
  if (preset) r.preset = preset;
  if (m0 === null) {
    r.issue = `In Service "${lot.inService}" is not a date`;
    return r;
  }
  if (lot.assetClass !== 'ASIC' && lot.assetClass !== 'GPU') {
    r.issue = `no market model for class ${lot.assetClass}`;
    return r;
  }
  if (!finite(lot.quantity) || lot.quantity < 0) {
    r.issue = 'Quantity is not a number >= 0';
    return r;
  }
  const unitCost = finite(lot.unitCost) ? lot.unitCost : 0;
  const salvagePct = finite(lot.salvagePct) ? lot.salvagePct : 0;
  const power =
    (c.hasLotPower ? (d.powerPriceByLot[lot.id] ?? lookupLotPower(d.powerPriceByLot, lot.id)) : undefined) ??
    (lot.assetClass === 'ASIC' ? d.asic.powerPriceKwh : d.gpu.powerPriceKwh);
  if (lot.assetClass === 'ASIC') {
    const hashrate = finite(lot.hashrateThs) ? lot.hashrateThs : preset?.hashrateThs;
    const watts = finite(lot.powerW) ? lot.powerW : preset?.powerW;
    if (!finite(hashrate) || hashrate <= 0) r.issue = 'no Hashrate (TH/s): fill it or use a Model that matches a preset';
    else if (!finite(watts) || watts < 0) r.issue = 'no Power (W): fill it or use a Model that matches a preset';
    else {
      const n = d.asic.physicalLifeMonths;
      r.group = newGroup('ASIC', m0, n, hashrate, watts / 1000, 0, '', 0, 0, [], power, unitCost, salvagePct);
    }
    return r;
  }
  const presetGpus = preset?.gpusPerUnit ?? 8;
  const gpus = finite(lot.gpusPerUnit) ? lot.gpusPerUnit : preset ? presetGpus : undefined;
  // A GPU preset is an 8-GPU server: another GPU count scales the preset's power.
  const watts = finite(lot.powerW) ? lot.powerW : preset?.powerW !== undefined && finite(gpus) ? (preset.powerW * gpus) / presetGpus : undefined;
  // The row's own rent wins over the drivers' per-model rent, which wins over the preset's.
  const rent0 = finite(lot.rentPerGpuHour) ? lot.rentPerGpuHour : (lookupModel(d.gpu.rentByModel, lot.model, preset) ?? preset?.rentPerGpuHour);
  if (!finite(gpus) || gpus <= 0) r.issue = 'no GPUs per Unit: fill it or use a Model that matches a preset';
  else if (!finite(watts) || watts < 0) r.issue = 'no Power (W): fill it or use a Model that matches a preset';
  else if (!finite(rent0) || rent0 < 0) r.issue = 'no Rent ($/GPU-hr): fill it, use a Model that matches a preset, or set GPU Rent by Model';
  else {
    const rentDecay = lookupModel(d.gpu.rentDecayByModel, lot.model, preset) ?? d.gpu.rentDecay;
    const successors = lookupModel(d.gpu.successorDates, lot.model, preset) ?? [];
    const n = d.gpu.physicalLifeMonths;
    r.group = newGroup('GPU', m0, n, 0, watts / 1000, gpus, `${rent0}|${rentDecay}|${successors.join(',')}`, rent0, rentDecay, successors, power, unitCost, salvagePct);
  }
  return r;
}

function lookupLotPower(map: Readonly<Record<string, number>>, id: string): number | undefined {
  const want = normaliseModel(id);
  for (const k of Object.keys(map)) if (normaliseModel(k) === want) return map[k];
  return undefined;
}

function groupKey(g: Group): string {
  return `${g.cls}|${g.m0}|${g.n}|${g.hashrate}|${g.kw}|${g.gpus}|${g.rentKey}|${g.power}|${g.unitCost}|${g.salvagePct}`;
}

/** Shared calendar paths over [first, first + length). */
interface Paths {
  first: MonthIndex;
  days: Float64Array;
  hashprice: Float64Array | null;
  rents: Map<string, Float64Array>;
}

/** Per-unit market value at the start of month i = 0..n (before the liquidation factor). */
function resaleValues(model: ResaleModel, g: Group, d: MarketDrivers, buyerFlow: Float64Array, out: Float64Array): void {
  const n = g.n;
  if (model === 'cashflow') {
    buyerValue(buyerFlow, d.resale.buyerPaybackMonths, monthlyRate(d.resale.buyerHurdle), out);
    return;
  }
  // Age curves on the unit cost, stepped down (GPU) for each successor that arrives after in-service.
  const steps = g.cls === 'GPU' ? g.successors : [];
  const inService = monthStart(g.m0);
  const keep = 1 - d.gpu.successorStep;
  for (let i = 0; i <= n; i++) {
    const f = model === 'anchor' ? anchorFactor(d.resale.anchor, i) : Math.pow(1 - d.resale.exponentialDecay, i / 12);
    let s = 1;
    if (steps.length > 0) {
      const at = monthStart(g.m0 + i);
      for (const e of steps) if (e > inService && e <= at) s *= keep;
    }
    out[i] = g.unitCost * f * s;
  }
}

function solveGroup(g: Group, d: MarketDrivers, paths: Paths): void {
  const n = g.n;
  const off = g.m0 - paths.first;
  const margin = new Float64Array(n);
  const fixed = g.cls === 'GPU' ? new Float64Array(n) : null;
  const buyer = new Float64Array(n);
  const mv = new Float64Array(n + 1);
  const days = paths.days;
  if (g.cls === 'ASIC') {
    const a = d.asic;
    const hp = paths.hashprice!;
    const revFactor = g.hashrate * a.uptime * (1 - a.poolFee) * 100;
    const costPerDay = g.kw * 24 * a.uptime * 100;
    const grow = 1 - a.degradation;
    for (let i = 0; i < n; i++) {
      const k = off + i;
      const deg = grow === 1 ? 1 : Math.pow(grow, i / 12);
      const r = revFactor * deg * hp[k];
      margin[i] = r - costPerDay * days[k] * g.power;
      const b = r - costPerDay * days[k] * d.resale.buyerPowerPriceKwh;
      buyer[i] = b > 0 ? b : 0;
    }
  } else {
    const p = d.gpu;
    const rent = paths.rents.get(g.rentKey)!;
    const revFactor = g.gpus * 730 * p.utilization * 100;
    const cost = g.kw * p.pue * 730 * g.power * (p.idleFraction + (1 - p.idleFraction) * p.utilization) * 100;
    const f = g.kw * p.coloUsdPerKwMonth * 100 + (p.opsPctCapexPerYear * g.unitCost) / 12;
    for (let i = 0; i < n; i++) {
      const m = revFactor * rent[off + i] - cost;
      margin[i] = m;
      fixed![i] = f;
      // The GPU buyer runs the unit on the same costs as the owner.
      buyer[i] = (m > 0 ? m : 0) - f;
    }
  }
  const model = g.cls === 'ASIC' ? d.asic.resaleModel : d.gpu.resaleModel;
  resaleValues(model, g, d, buyer, mv);
  const lf = d.resale.liquidationFactor;
  for (let i = 0; i <= n; i++) mv[i] *= lf;
  const rate = g.cls === 'ASIC' ? d.asic.discountRate : d.gpu.discountRate;
  const sol = solveUnit(margin, fixed, mv, monthlyRate(rate));

  // End-of-month views: value at the start of the next month.
  const ev = sol.W.subarray(1);
  const sal = mv.subarray(1);
  const cash = new Float64Array(n);
  const op = new Uint8Array(n);
  for (let i = 0; i < sol.economicLife && i < n; i++) {
    const m = margin[i];
    cash[i] = (m > 0 ? m : 0) - (fixed === null ? 0 : fixed[i]);
    op[i] = m > 0 ? 1 : 0;
  }
  g.ev = ev;
  g.sal = sal;
  g.margin = margin;
  g.cash = cash;
  g.op = op;
  g.w0 = sol.W[0];
  g.undiscounted = sol.undiscounted;
  g.life = sol.economicLife;
  g.opLife = sol.operatingLife;
  g.implied = impliedLife(ev, g.unitCost, (g.unitCost * g.salvagePct) / 100);
}

function unitsOf(options: ComputeOptions | undefined, id: string): ArrayLike<number> | undefined {
  const u = options?.units;
  if (!u) return undefined;
  const v = u instanceof Map ? u.get(id) : (u as Readonly<Record<string, ArrayLike<number>>>)[id];
  return v && v.length > 0 ? v : undefined;
}

function unmodelled(r: Resolved, asOfMonth: MonthIndex): LotEconomics {
  // Same field order as scaleLot's result: one object shape for every lot.
  return {
    lotId: r.lot.id,
    assetClass: r.lot.assetClass,
    model: r.lot.model,
    presetId: r.preset?.id,
    modelled: false,
    issue: r.issue,
    startMonth: r.m0,
    length: 0,
    initialValue: 0,
    economicValue: EMPTY_F,
    salvageValue: EMPTY_F,
    margin: EMPTY_F,
    cashFlow: EMPTY_F,
    operating: EMPTY_U,
    economicLifeMonths: 0,
    operatingLifeMonths: 0,
    bookNbv: undefined,
    gap: undefined,
    economicDepreciation: EMPTY_F,
    impliedLifeMonths: NaN,
    asOfMonth,
    asOfIndex: -1,
    bookNbvAtAsOf: undefined,
    undiscountedCashFlows: 0,
    recoverabilityImpaired: false,
    ifrsRecoverableAmount: 0,
    ifrsImpaired: false,
  };
}

/**
 * Economic value of every lot, in fleet.lots order. Lots that share model specs, vintage (in-service
 * month), unit cost, salvage % and drivers share one per-unit computation; each lot then only
 * scales it by its units. `books` (the book engine's schedules, matched by lot id) adds the book
 * NBV, the gap and the impairment flags; without books those flags are false.
 *
 * The lots' arrays are views into a few shared buffers (one allocation per column instead of one
 * per lot and column): to post one lot's array elsewhere, copy it with slice().
 */
export function computeEconomicValues(fleet: Fleet, books: LotSchedule[] | null, drivers: MarketDrivers, options?: ComputeOptions): LotEconomics[] {
  const asOfMonth = monthIndexOf(drivers.asOf ?? drivers.marketStart);
  const caches: Caches = { preset: new Map(), month: new Map(), hasLotPower: Object.keys(drivers.powerPriceByLot).length > 0 };
  const lots = fleet.lots;
  const resolved: Resolved[] = new Array(lots.length);

  // Group lots and find the calendar span the paths must cover.
  const groups = new Map<string, Group>();
  let first = Infinity;
  let last = -Infinity;
  let anyAsic = false;
  let total = 0;
  const rentKeys = new Map<string, Group>();
  for (let li = 0; li < lots.length; li++) {
    const r = resolve(lots[li], drivers, caches);
    resolved[li] = r;
    const g = r.group;
    if (!g) continue;
    total += g.n;
    const key = groupKey(g);
    const prior = groups.get(key);
    if (prior) {
      r.group = prior;
      continue;
    }
    groups.set(key, g);
    if (g.m0 < first) first = g.m0;
    if (g.m0 + g.n > last) last = g.m0 + g.n;
    if (g.cls === 'ASIC') anyAsic = true;
    else if (!rentKeys.has(g.rentKey)) rentKeys.set(g.rentKey, g);
  }

  if (groups.size > 0) {
    const length = last - first + 1;
    const days = daysPath(first, length);
    const paths: Paths = {
      first,
      days,
      hashprice: anyAsic ? hashpriceMonthPath(drivers, first, length, days) : null,
      rents: new Map(),
    };
    for (const [key, g] of rentKeys) {
      paths.rents.set(key, rentPath(g.rent0, g.rentDecay, drivers.gpu.successorStep, g.successors, drivers.marketStart, first, length));
    }
    for (const g of groups.values()) solveGroup(g, drivers, paths);
  }

  const bookById = new Map<string, LotSchedule>();
  if (books) for (const b of books) bookById.set(b.lotId, b);
  const slabs: Slabs = {
    at: 0,
    ev: new Float64Array(total),
    sal: new Float64Array(total),
    margin: new Float64Array(total),
    cash: new Float64Array(total),
    dep: new Float64Array(total),
    op: new Uint8Array(total),
    nbv: books ? new Float64Array(total) : EMPTY_F,
    gap: books ? new Float64Array(total) : EMPTY_F,
  };

  const out: LotEconomics[] = new Array(resolved.length);
  for (let li = 0; li < resolved.length; li++) {
    const r = resolved[li];
    const g = r.group;
    out[li] = g ? scaleLot(r, g, bookById.get(r.lot.id), unitsOf(options, r.lot.id), asOfMonth, slabs) : unmodelled(r, asOfMonth);
  }
  return out;
}

/** Column buffers shared by the lots, filled left to right. */
interface Slabs {
  at: number;
  ev: Float64Array;
  sal: Float64Array;
  margin: Float64Array;
  cash: Float64Array;
  dep: Float64Array;
  op: Uint8Array;
  nbv: Float64Array;
  gap: Float64Array;
}

/** Per-unit group results times the lot's units, in whole cents, with the book columns. */
function scaleLot(r: Resolved, g: Group, book: LotSchedule | undefined, units: ArrayLike<number> | undefined, asOfMonth: MonthIndex, slabs: Slabs): LotEconomics {
  const n = g.n;
  const at = slabs.at;
  slabs.at += n;
  const qty = r.lot.quantity;
  const uEv = g.ev;
  const uSal = g.sal;
  const uMargin = g.margin;
  const uCash = g.cash;
  const uOp = g.op;
  const ev = slabs.ev.subarray(at, at + n);
  const sal = slabs.sal.subarray(at, at + n);
  const margin = slabs.margin.subarray(at, at + n);
  const cash = slabs.cash.subarray(at, at + n);
  const op = slabs.op.subarray(at, at + n);
  const dep = slabs.dep.subarray(at, at + n);
  const uLast = units ? units.length - 1 : 0;
  const q0 = units ? units[0] : qty;
  const initialValue = roundHalfAway(g.w0 * q0);
  let prev = initialValue;
  for (let i = 0; i < n; i++) {
    const q = units ? units[i <= uLast ? i : uLast] : qty;
    const v = roundHalfAway(uEv[i] * q);
    ev[i] = v;
    sal[i] = roundHalfAway(uSal[i] * q);
    margin[i] = roundHalfAway(uMargin[i] * q);
    cash[i] = roundHalfAway(uCash[i] * q);
    op[i] = q > 0 ? uOp[i] : 0;
    dep[i] = prev - v;
    prev = v;
  }

  let bookNbv: Float64Array | undefined;
  let gap: Float64Array | undefined;
  if (book) {
    bookNbv = slabs.nbv.subarray(at, at + n);
    gap = slabs.gap.subarray(at, at + n);
    const shift = g.m0 - book.startMonth;
    const bl = book.length;
    const cc = book.closingCost;
    const ca = book.closingAccum;
    const lastNbv = bl > 0 ? cc[bl - 1] - ca[bl - 1] : 0;
    for (let i = 0; i < n; i++) {
      const j = i + shift;
      // Before the book starts there is nothing on the books; after it ends the last NBV holds.
      const nbv = j < 0 || bl === 0 ? 0 : j < bl ? cc[j] - ca[j] : lastNbv;
      bookNbv[i] = nbv;
      gap[i] = nbv - ev[i];
    }
  }

  const k = asOfMonth - g.m0;
  const held = k >= 0 && k < n;
  const qk = held ? (units ? units[k <= uLast ? k : uLast] : qty) : 0;
  const undiscounted = held ? roundHalfAway(g.undiscounted[k + 1] * qk) : 0;
  const recoverable = held ? ev[k] : 0;
  const nbvAsOf = held && bookNbv ? bookNbv[k] : undefined;
  return {
    lotId: r.lot.id,
    assetClass: r.lot.assetClass,
    model: r.lot.model,
    presetId: r.preset?.id,
    modelled: true,
    issue: undefined,
    startMonth: g.m0,
    length: n,
    initialValue,
    economicValue: ev,
    salvageValue: sal,
    margin,
    cashFlow: cash,
    operating: op,
    economicLifeMonths: g.life,
    operatingLifeMonths: g.opLife,
    bookNbv,
    gap,
    economicDepreciation: dep,
    impliedLifeMonths: g.implied,
    asOfMonth,
    asOfIndex: held ? k : -1,
    bookNbvAtAsOf: nbvAsOf,
    undiscountedCashFlows: undiscounted,
    recoverabilityImpaired: nbvAsOf !== undefined && undiscounted < nbvAsOf,
    ifrsRecoverableAmount: recoverable,
    ifrsImpaired: nbvAsOf !== undefined && recoverable < nbvAsOf,
  };
}
