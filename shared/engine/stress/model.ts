/**
 * The valuation model the stress runs share: the fleet's lots resolved into groups of identical
 * per-unit economics (same class, vintage month, specs, power price, rent inputs, and unit cost
 * where it matters), solved with the economic engine's kernels on any hashprice multiplier path and
 * rent-decay shift. With no shock it reproduces computeEconomicValues bit for bit (same inputs, same
 * operations in the same order); a test holds it to that.
 *
 * Only months from the market start (or the month after As Of, if earlier) are solved: the values
 * of earlier months are history, and W(i) depends on months i.. only.
 */
import { monthIndexOf, parseLocalDate, type LocalDate, type MonthIndex } from '../../domain/dates';
import type { Fleet, Lot } from '../../domain/fleet';
import { findPreset, normaliseModel, type HardwarePreset } from '../../presets/hardware';
import type { LotSchedule } from '../book/types';
import {
  anchorFactor, buyerValue, daysPath, takeF64, hashpriceMonthPath, monthlyRate, solveInto, steppedAverage, unitsAfterDisposals, type MarketDrivers,
} from '../economic';

/** Lots that always share a group whatever the drivers: same class, month, model, row specs and unit cost. */
interface StaticGroup {
  lots: number[];
  /**
   * What does not depend on the drivers, worked out on the first run and kept for the next ones
   * (a tornado values the fleet some 25 times): the preset, the normalised model, and the parts of
   * the group key made of the row's specs and its unit cost.
   */
  known?: Known;
}

interface Known {
  preset: HardwarePreset | undefined;
  modelKey: string;
  /** Short interned ids of the row's specs and of its unit cost (short keys hash fast). */
  specKey: string;
  costKey: string;
  /** Class, preset and model: with no row rent and no per-lot power, the drivers' part of the spec follows from these alone. */
  dynSig: string;
  ownRent: boolean;
}

/** The parts of a fleet that do not depend on the drivers, prepared once for many runs. */
export interface PreparedFleet {
  fleet: Fleet;
  statics: StaticGroup[];
  /** In-service month per lot (NaN: not a date). */
  lotMonth: Float64Array;
  /** Units held per month from in-service, for lots with disposals (the last value holds). */
  units: Map<string, Float64Array>;
  /** Interned key parts of the static groups (see knownOf). */
  ids: Map<string, string>;
}

export function prepareFleet(fleet: Fleet): PreparedFleet {
  const lots = fleet.lots;
  const lotMonth = new Float64Array(lots.length);
  const byKey = new Map<string, StaticGroup>();
  const statics: StaticGroup[] = [];
  const monthCache = new Map<string, number>();
  for (let i = 0; i < lots.length; i++) {
    const l = lots[i];
    let m = monthCache.get(l.inService);
    if (m === undefined) {
      m = parseLocalDate(l.inService ?? '') ? monthIndexOf(l.inService) : NaN;
      monthCache.set(l.inService, m);
    }
    lotMonth[i] = m;
    const key = `${l.assetClass}|${m}|${l.model}|${l.hashrateThs}|${l.powerW}|${l.gpusPerUnit}|${l.rentPerGpuHour}|${l.unitCost}|${Number.isFinite(l.quantity) && l.quantity >= 0}`;
    let g = byKey.get(key);
    if (!g) {
      g = { lots: [] };
      byKey.set(key, g);
      statics.push(g);
    }
    g.lots.push(i);
  }
  return { fleet, statics, lotMonth, units: unitsAfterDisposals(fleet, lotMonth), ids: new Map() };
}

/** One shared per-unit computation. Amounts in cents per unit. */
export interface Group {
  cls: 0 | 1;
  m0: MonthIndex;
  n: number;
  /** First index solved; the group is solved only when k0 < n. */
  k0: number;
  active: boolean;
  /** Resale value depends on the path (the buyer's cash-flow model) or not (age curves). */
  cashflow: boolean;
  rm: number;
  /** ASIC: revenue before the hashprice multiplier, own power cost and buyer power cost per month. */
  rev: Float64Array;
  own: Float64Array;
  buyerCost: Float64Array;
  /** GPU: revenue per $ of rent, variable cost, fixed cost per month, rent entry. */
  revFactor: number;
  cost: number;
  fixed: number;
  rent: number;
  /** Net salvage by index k0..n when it does not depend on the path (a view from k0). */
  salvage: Float64Array | null;
  /** Member lots (indexes into fleet.lots). */
  lots: number[];
}

interface RentEntry {
  rent0: number;
  decay: number;
  /** Successor step-down factor per month of [first, last). */
  steps: Float64Array;
}

export interface StressModel {
  prepared: PreparedFleet;
  drivers: MarketDrivers;
  /** Market start month (shocks start the month after) and the month of the impairment flags. */
  ms: MonthIndex;
  asOfMonth: MonthIndex;
  first: MonthIndex;
  length: number;
  days: Float64Array;
  /** Deterministic hashprice revenue path of 1 TH/s per month ($), over [first, first + length). */
  hashprice: Float64Array;
  groups: Group[];
  rents: RentEntry[];
  /** Group index per lot, -1 when the lot has no market model. */
  lotGroup: Int32Array;
  /** Why a lot is not modelled. */
  lotIssue: (string | undefined)[];
  maxN: number;
  /** The buyer's monthly discount factor 1 / (1 + r_b,m) and its K-th power (cash-flow resale). */
  buyerD: number;
  buyerDK: number;
  /** solvePath: W and U at the index asked for (NaN when outside the solved months). */
  at: Float64Array;
  /** Scratch of the solve (index = month from in-service): valid for the group last solved. */
  W: Float64Array;
  U: Float64Array;
  S: Float64Array;
  scratch: Scratch;
}

interface Scratch {
  margin: Float64Array;
  buyer: Float64Array;
  fixed: Float64Array;
  retire: Uint8Array;
  views: Map<number, Views>;
  /** Rent per entry and month for the current path. */
  rentPaths: Float64Array[];
  rentShift: number;
}

interface Views {
  margin: Float64Array;
  buyer: Float64Array;
  fixed: Float64Array;
  S: Float64Array;
  W: Float64Array;
  U: Float64Array;
  retire: Uint8Array;
}

const EMPTY = new Float64Array(0);
const EMPTY_DATES: readonly LocalDate[] = [];

function finite(v: number | undefined | null): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A per-model driver map (preset id, normalised model or '*'), as the economic engine reads it. */
function byModel<T>(map: Readonly<Record<string, T>>, modelKey: string, preset: HardwarePreset | undefined): T | undefined {
  if (preset && map[preset.id] !== undefined) return map[preset.id];
  return map[modelKey] !== undefined ? map[modelKey] : map['*'];
}

function internId(ids: Map<string, string>, key: string): string {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = String(ids.size)));
  return id;
}

/** The driver-free facts of a static group, from its first lot (every lot of the group shares them). */
function knownOf(s: StaticGroup, lot: Lot, m0: number, ids: Map<string, string>): Known {
  if (s.known) return s.known;
  const found = findPreset(lot.model ?? '');
  const preset = found && found.assetClass === lot.assetClass ? found : undefined;
  const modelKey = normaliseModel(lot.model ?? '');
  const specKey = internId(ids, `${lot.assetClass}|${m0}|${lot.hashrateThs}|${preset?.hashrateThs}|${lot.powerW}|${preset?.powerW}|${lot.gpusPerUnit}|${preset?.gpusPerUnit}|${lot.rentPerGpuHour}|${preset?.id}`);
  const costKey = internId(ids, `cost ${finite(lot.unitCost) ? lot.unitCost : 0}`);
  const dynSig = `${lot.assetClass}|${preset?.id}|${modelKey}`;
  return (s.known = { preset, modelKey, specKey, costKey, dynSig, ownRent: finite(lot.rentPerGpuHour) });
}

/**
 * Each successor date as the first month whose start is on or after it (the 1st of its own month,
 * else the next month): a date is after the start of month a and by the start of month b exactly
 * when that month is in (a, b]. Month numbers instead of date strings in the resale loop.
 */
const successorMonths = new WeakMap<readonly LocalDate[], Float64Array>();
function stepMonths(dates: readonly LocalDate[]): Float64Array {
  let m = successorMonths.get(dates);
  if (m === undefined) {
    m = Float64Array.from(dates, (e) => monthIndexOf(e) + (e.slice(8, 10) === '01' ? 0 : 1));
    successorMonths.set(dates, m);
  }
  return m;
}

const joinedDates = new WeakMap<readonly LocalDate[], string>();
function datesKey(dates: readonly LocalDate[]): string {
  let k = joinedDates.get(dates);
  if (k === undefined) joinedDates.set(dates, (k = dates.join(',')));
  return k;
}

function lotPower(map: Readonly<Record<string, number>>, id: string): number | undefined {
  if (map[id] !== undefined) return map[id];
  const want = normaliseModel(id);
  for (const k of Object.keys(map)) if (normaliseModel(k) === want) return map[k];
  return undefined;
}

interface Spec {
  cls: 0 | 1;
  n: number;
  hashrate: number;
  kw: number;
  gpus: number;
  rent0: number;
  rentDecay: number;
  successors: readonly LocalDate[];
  power: number;
  unitCost: number;
}

/** The per-unit inputs of a lot under the drivers (the row's specs win, the preset fills blanks), or why there are none. */
function resolve(lot: Lot, m0: number, power: number, d: MarketDrivers, known: Known): Spec | string {
  if (Number.isNaN(m0)) return `In Service "${lot.inService}" is not a date`;
  if (lot.assetClass !== 'ASIC' && lot.assetClass !== 'GPU') return `no market model for class ${lot.assetClass}`;
  if (!finite(lot.quantity) || lot.quantity < 0) return 'Quantity is not a number >= 0';
  const p = known.preset;
  const mk = known.modelKey;
  const unitCost = finite(lot.unitCost) ? lot.unitCost : 0;
  if (lot.assetClass === 'ASIC') {
    const h = finite(lot.hashrateThs) ? lot.hashrateThs : p?.hashrateThs;
    const w = finite(lot.powerW) ? lot.powerW : p?.powerW;
    if (!finite(h) || h <= 0) return 'no Hashrate (TH/s)';
    if (!finite(w) || w < 0) return 'no Power (W)';
    return { cls: 0, n: d.asic.physicalLifeMonths, hashrate: h, kw: w / 1000, gpus: 0, rent0: 0, rentDecay: 0, successors: EMPTY_DATES, power, unitCost };
  }
  const presetGpus = p?.gpusPerUnit ?? 8;
  const g = finite(lot.gpusPerUnit) ? lot.gpusPerUnit : p ? presetGpus : undefined;
  const w = finite(lot.powerW) ? lot.powerW : p?.powerW !== undefined && finite(g) ? (p.powerW * g) / presetGpus : undefined;
  const r = finite(lot.rentPerGpuHour) ? lot.rentPerGpuHour : (byModel(d.gpu.rentByModel, mk, p) ?? p?.rentPerGpuHour);
  if (!finite(g) || g <= 0) return 'no GPUs per Unit';
  if (!finite(w) || w < 0) return 'no Power (W)';
  if (!finite(r) || r < 0) return 'no Rent ($/GPU-hr)';
  return {
    cls: 1, n: d.gpu.physicalLifeMonths, hashrate: 0, kw: w / 1000, gpus: g, rent0: r,
    rentDecay: byModel(d.gpu.rentDecayByModel, mk, p) ?? d.gpu.rentDecay,
    successors: byModel(d.gpu.successorDates, mk, p) ?? EMPTY_DATES, power, unitCost,
  };
}

/** The groups and shared paths of a fleet under a set of drivers. */
export function buildModel(prepared: PreparedFleet, d: MarketDrivers): StressModel {
  const lots = prepared.fleet.lots;
  const ms = monthIndexOf(d.marketStart);
  const asOfMonth = monthIndexOf(d.asOf ?? d.marketStart);
  const solveFrom = Math.min(ms, asOfMonth + 1);
  const lotGroup = new Int32Array(lots.length).fill(-1);
  const lotIssue: (string | undefined)[] = new Array(lots.length);
  const hasLotPower = Object.keys(d.powerPriceByLot).length > 0;
  const specKey = new Map<string, number>();
  const specs: { spec: Spec; m0: number; lots: number[] }[] = [];
  const cashflow = [d.asic.resaleModel === 'cashflow', d.gpu.resaleModel === 'cashflow'];

  // The drivers' part of a spec as a key, formatted once per class, preset and model where it can be.
  const driverKeys = new Map<string, string>();
  const driverKey = (spec: Spec, known: Known, cacheable: boolean): string => {
    let k = cacheable ? driverKeys.get(known.dynSig) : undefined;
    if (k === undefined) {
      k = `${spec.n}|${spec.rent0}|${spec.rentDecay}|${datesKey(spec.successors)}|${spec.power}`;
      if (cacheable) driverKeys.set(known.dynSig, k);
    }
    return k;
  };
  const place = (spec: Spec | string, m0: number, members: readonly number[], known: Known, cacheable: boolean): void => {
    if (typeof spec === 'string') {
      for (const i of members) lotIssue[i] = spec;
      return;
    }
    // Unit cost matters for GPU fixed costs and for the age-curve resale models only.
    const costMatters = spec.cls === 1 || !cashflow[spec.cls];
    const key = `${known.specKey}|${driverKey(spec, known, cacheable)}|${costMatters ? known.costKey : ''}`;
    let at = specKey.get(key);
    if (at === undefined) {
      at = specs.length;
      specKey.set(key, at);
      specs.push({ spec, m0, lots: [] });
    }
    const target = specs[at].lots;
    for (const i of members) target.push(i);
  };

  for (const s of prepared.statics) {
    const rep = lots[s.lots[0]];
    const m0 = prepared.lotMonth[s.lots[0]];
    const classPower = rep.assetClass === 'ASIC' ? d.asic.powerPriceKwh : d.gpu.powerPriceKwh;
    const known = knownOf(s, rep, m0, prepared.ids);
    if (!hasLotPower) {
      place(resolve(rep, m0, classPower, d, known), m0, s.lots, known, !known.ownRent);
      continue;
    }
    for (const i of s.lots) place(resolve(lots[i], m0, lotPower(d.powerPriceByLot, lots[i].id) ?? classPower, d, known), m0, [i], known, false);
  }

  let first = Infinity;
  let last = -Infinity;
  let maxN = 0;
  for (const { spec, m0 } of specs) {
    if (m0 < first) first = m0;
    if (m0 + spec.n > last) last = m0 + spec.n;
    if (spec.n > maxN) maxN = spec.n;
  }
  if (specs.length === 0) {
    // Nothing to value: an empty window at the market start.
    first = ms;
    last = ms - 1;
  }
  const length = specs.length > 0 ? last - first + 1 : 0;
  const days = specs.length > 0 ? daysPath(first, length) : EMPTY;
  const anyAsic = specs.some((s) => s.spec.cls === 0);
  const hashprice = anyAsic ? hashpriceMonthPath(d, first, length, days) : EMPTY;

  // Resale age curves as the engine has them.
  const anchorByAge = new Float64Array(maxN + 1);
  const expByAge = new Float64Array(maxN + 1);
  const yearly = 1 - d.resale.exponentialDecay;
  for (let i = 0; i <= maxN; i++) {
    anchorByAge[i] = anchorFactor(d.resale.anchor, i);
    expByAge[i] = Math.pow(yearly, i / 12);
  }

  const rents: RentEntry[] = [];
  const rentIndex = new Map<string, number>();
  const keep = 1 - d.gpu.successorStep;
  const stepValue = (k: number): number => Math.pow(keep, k);
  const groups: Group[] = [];
  const lf = d.resale.liquidationFactor;

  for (const { spec, m0, lots: members } of specs) {
    const n = spec.n;
    const k0 = Math.max(0, solveFrom - m0);
    const gi = groups.length;
    for (const i of members) lotGroup[i] = gi;
    const isCash = cashflow[spec.cls];
    const g: Group = {
      cls: spec.cls, m0, n, k0, active: k0 < n, cashflow: isCash,
      rm: monthlyRate(spec.cls === 0 ? d.asic.discountRate : d.gpu.discountRate),
      rev: EMPTY, own: EMPTY, buyerCost: EMPTY, revFactor: 0, cost: 0, fixed: 0, rent: -1, salvage: null, lots: members,
    };
    groups.push(g);
    if (!g.active) continue;
    const off = m0 - first;
    if (spec.cls === 0) {
      const a = d.asic;
      const revFactor = spec.hashrate * a.uptime * (1 - a.poolFee) * 100;
      const kwhPerDay = spec.kw * 24 * a.uptime * 100;
      const ownPower = kwhPerDay * spec.power;
      const buyerPower = kwhPerDay * d.resale.buyerPowerPriceKwh;
      const step = Math.pow(1 - a.degradation, 1 / 12);
      // Views cut from shared chunks: a tornado builds this model some 25 times over thousands of groups.
      g.rev = takeF64(n);
      g.own = takeF64(n);
      if (isCash) g.buyerCost = takeF64(n);
      let deg = 1;
      for (let i = 0; i < n; i++) {
        const k = off + i;
        g.rev[i] = revFactor * deg * hashprice[k];
        g.own[i] = ownPower * days[k];
        if (isCash) g.buyerCost[i] = buyerPower * days[k];
        deg *= step;
      }
    } else {
      const p = d.gpu;
      g.revFactor = spec.gpus * 730 * p.utilization * 100;
      g.cost = spec.kw * p.pue * 730 * spec.power * (p.idleFraction + (1 - p.idleFraction) * p.utilization) * 100;
      g.fixed = spec.kw * p.coloUsdPerKwMonth * 100 + (p.opsPctCapexPerYear * spec.unitCost) / 12;
      const rk = `${spec.rent0}|${spec.rentDecay}|${spec.successors.join(',')}`;
      let ri = rentIndex.get(rk);
      if (ri === undefined) {
        ri = rents.length;
        rentIndex.set(rk, ri);
        const steps = new Float64Array(length);
        for (let k = 0; k < length; k++) steps[k] = steppedAverage(spec.successors, d.marketStart, first + k, stepValue);
        rents.push({ rent0: spec.rent0, decay: spec.rentDecay, steps });
      }
      g.rent = ri;
    }
    if (!isCash) {
      const S = takeF64(n + 1);
      const steps = spec.cls === 1 ? stepMonths(spec.successors) : EMPTY;
      const age = (spec.cls === 0 ? d.asic.resaleModel : d.gpu.resaleModel) === 'anchor' ? anchorByAge : expByAge;
      for (let i = 0; i <= n; i++) {
        const f = age[i];
        // A successor dated after the in-service month's start and by the start of month m0 + i.
        let s = 1;
        for (let j = 0; j < steps.length; j++) if (steps[j] > m0 && steps[j] <= m0 + i) s *= keep;
        S[i] = spec.unitCost * f * s * lf;
      }
      g.salvage = S.subarray(k0);
    }
  }

  const scratch: Scratch = {
    margin: new Float64Array(maxN + 1),
    buyer: new Float64Array(maxN + 1),
    fixed: new Float64Array(maxN + 1),
    retire: new Uint8Array(maxN + 1),
    views: new Map(),
    rentPaths: rents.map(() => new Float64Array(length)),
    rentShift: NaN,
  };
  const model: StressModel = {
    prepared, drivers: d, ms, asOfMonth, first, length, days, hashprice, groups, rents, lotGroup, lotIssue, maxN,
    buyerD: 1 / (1 + monthlyRate(d.resale.buyerHurdle)),
    buyerDK: Math.pow(1 / (1 + monthlyRate(d.resale.buyerHurdle)), d.resale.buyerPaybackMonths),
    at: new Float64Array(2),
    W: new Float64Array(maxN + 1), U: new Float64Array(maxN + 1), S: new Float64Array(maxN + 1), scratch,
  };
  setRentShift(model, 0, 0, 0);
  return model;
}

/**
 * Rents of the path: months before the market start keep the base decay (history); from the
 * market start every model's decay moves by `shift` (bounded, see keys.ts).
 */
export function setRentShift(model: StressModel, shift: number, min: number, max: number): void {
  const sc = model.scratch;
  if (sc.rentShift === shift) return;
  sc.rentShift = shift;
  const { first, length, ms } = model;
  model.rents.forEach((r, ri) => {
    const out = sc.rentPaths[ri];
    const lo = Math.min(min, r.decay);
    const hi = Math.max(max, r.decay);
    const drawn = shift === 0 ? r.decay : Math.min(hi, Math.max(lo, r.decay + shift));
    for (let k = 0; k < length; k++) {
      const m = first + k;
      const decay = m < ms ? r.decay : drawn;
      out[k] = r.rent0 * Math.pow(1 - decay, (m - ms) / 12) * r.steps[k];
    }
  });
}

function viewsOf(model: StressModel, n: number, k0: number): Views {
  const sc = model.scratch;
  const key = n * 4096 + k0;
  let v = sc.views.get(key);
  if (!v) {
    v = {
      margin: sc.margin.subarray(k0, n),
      buyer: sc.buyer.subarray(k0, n),
      fixed: sc.fixed.subarray(k0, n),
      S: model.S.subarray(k0, n + 1),
      W: model.W.subarray(k0, n + 1),
      U: model.U.subarray(k0, n + 1),
      retire: sc.retire.subarray(k0, n + 1),
    };
    sc.views.set(key, v);
  }
  return v;
}

/**
 * Solves one (active) group on the current path: `mult` = hashprice multiplier per month of the
 * model's window (null: none); rents as set by setRentShift. Fills model.W / model.U / model.S at
 * indexes k0..n (model.S only for the cash-flow resale model) and returns the economic life (first optimal retirement at or after k0; n if none).
 */
export function solveGroup(model: StressModel, g: Group, mult: Float64Array | null): number {
  const n = g.n;
  const k0 = g.k0;
  const off = g.m0 - model.first;
  const sc = model.scratch;
  const margin = sc.margin;
  const buyer = sc.buyer;
  const v = viewsOf(model, n, k0);
  if (g.cls === 0) {
    const rev = g.rev;
    const own = g.own;
    const bc = g.buyerCost;
    const cash = g.cashflow;
    for (let i = k0; i < n; i++) {
      const r = mult === null ? rev[i] : rev[i] * mult[off + i];
      margin[i] = r - own[i];
      if (cash) {
        const b = r - bc[i];
        buyer[i] = b > 0 ? b : 0;
      }
    }
  } else {
    const rent = sc.rentPaths[g.rent];
    const rf = g.revFactor;
    const cost = g.cost;
    const f = g.fixed;
    const fixed = sc.fixed;
    for (let i = k0; i < n; i++) {
      const m = rf * rent[off + i] - cost;
      margin[i] = m;
      fixed[i] = f;
      buyer[i] = (m > 0 ? m : 0) - f;
    }
  }
  let S: Float64Array;
  if (g.cashflow) {
    const d = model.drivers.resale;
    buyerValue(v.buyer, d.buyerPaybackMonths, monthlyRate(d.buyerHurdle), v.S);
    const lf = d.liquidationFactor;
    const full = model.S;
    for (let i = k0; i <= n; i++) full[i] *= lf;
    S = v.S;
  } else {
    S = g.salvage!;
  }
  const lives = solveInto(n - k0, v.margin, g.cls === 1 ? v.fixed : null, S, g.rm, v.W, v.U, v.retire);
  return k0 + (lives & 0xffff);
}

/**
 * solveGroup fused into one backward pass for the Monte Carlo's hot loop: margins, the buyer's
 * cash-flow value (the same sliding window as kernel.buyerValue), salvage and the recursion of
 * kernel.solveInto, with the same operations in the same order (so the same bits), keeping only
 * W(i + 1) and U(i + 1) as it goes. Adds W(i + 1) x units[i] into out[base + i] for i in
 * [from, to); puts W and U at index `at` into model.at; returns the economic life as solveGroup.
 */
export function solvePath(
  model: StressModel, g: Group, mult: Float64Array | null, units: Float64Array, out: Float64Array, base: number, from: number, to: number, at: number,
): number {
  const n = g.n;
  const k0 = g.k0;
  const off = g.m0 - model.first;
  const d = 1 / (1 + g.rm);
  const cash = g.cashflow;
  const ring = model.scratch.buyer;
  const K = model.drivers.resale.buyerPaybackMonths;
  const db = model.buyerD;
  const dK = model.buyerDK;
  const lf = model.drivers.resale.liquidationFactor;
  const sal = g.salvage;
  const asic = g.cls === 0;
  const rev = g.rev;
  const own = g.own;
  const bc = g.buyerCost;
  const rent = asic ? EMPTY : model.scratch.rentPaths[g.rent];
  const rf = g.revFactor;
  const cost = g.cost;
  const f = asic ? 0 : g.fixed;
  const res = model.at;
  res[0] = NaN;
  res[1] = NaN;
  // W(n) = U(n) = S(n): the buyer values nothing beyond the physical life.
  let w1 = cash ? 0 * lf : sal![n - k0];
  let u1 = w1;
  if (at === n) {
    res[0] = w1;
    res[1] = u1;
  }
  let v = 0;
  let life = n;
  if (asic && cash) {
    // The common case (ASICs under the buyer's cash-flow resale model), without branches on the kind.
    for (let i = n - 1; i >= k0; i--) {
      if (i >= from && i < to) out[base + i] += w1 * units[i];
      const r = mult === null ? rev[i] : rev[i] * mult[off + i];
      const m = r - own[i];
      const bb = r - bc[i];
      const b = bb > 0 ? bb : 0;
      ring[i] = b;
      const j = i + K;
      v = b + db * v - (j < n ? dK * ring[j] : 0);
      const s = (v > 0 ? v : 0) * lf;
      const flow = (m > 0 ? m : 0) - 0;
      const keep = flow + w1 * d;
      if (s >= keep) {
        w1 = s;
        u1 = s;
        life = i;
      } else {
        w1 = keep;
        u1 = flow + u1;
      }
      if (i === at) {
        res[0] = w1;
        res[1] = u1;
      }
    }
    return life;
  }
  for (let i = n - 1; i >= k0; i--) {
    if (i >= from && i < to) out[base + i] += w1 * units[i];
    let m: number;
    let b: number;
    if (asic) {
      const r = mult === null ? rev[i] : rev[i] * mult[off + i];
      m = r - own[i];
      b = 0;
    } else {
      m = rf * rent[off + i] - cost;
      b = (m > 0 ? m : 0) - f;
    }
    let s: number;
    if (cash) {
      ring[i] = b;
      const j = i + K;
      v = b + db * v - (j < n ? dK * ring[j] : 0);
      s = (v > 0 ? v : 0) * lf;
    } else {
      s = sal![i - k0];
    }
    const flow = (m > 0 ? m : 0) - f;
    const keep = flow + w1 * d;
    if (s >= keep) {
      w1 = s;
      u1 = s;
      life = i;
    } else {
      w1 = keep;
      u1 = flow + u1;
    }
    if (i === at) {
      res[0] = w1;
      res[1] = u1;
    }
  }
  return life;
}

/** Book NBV at the end of `month` (0 before the schedule starts; the last NBV holds after it ends). */
export function nbvAt(book: LotSchedule | undefined, month: MonthIndex): number {
  if (!book || book.length === 0) return 0;
  const j = month - book.startMonth;
  if (j < 0) return 0;
  const k = j < book.length ? j : book.length - 1;
  return book.closingCost[k] - book.closingAccum[k];
}

/** Units of a lot at index k from in-service. */
export function unitsAt(prepared: PreparedFleet, li: number, k: number): number {
  const lot = prepared.fleet.lots[li];
  const u = prepared.units.size > 0 ? prepared.units.get(lot.id) : undefined;
  if (!u || u.length === 0) return lot.quantity;
  return u[k < u.length ? k : u.length - 1];
}

/** Books by lot index (the book engine returns them in fleet.lots order). */
export function booksByLot(fleet: Fleet, books: readonly LotSchedule[]): (LotSchedule | undefined)[] {
  const lots = fleet.lots;
  if (books.length === lots.length && books.every((b, i) => b.lotId === lots[i].id)) return books as LotSchedule[];
  const byId = new Map(books.map((b) => [b.lotId, b]));
  return lots.map((l) => byId.get(l.id));
}
