import { monthIndexOf, monthStart, parseLocalDate, type LocalDate, type MonthIndex } from '../../domain/dates';
import type { AssetClass, Fleet, Lot } from '../../domain/fleet';
import { findPreset, normaliseModel, type HardwarePreset } from '../../presets/hardware';
import type { LotSchedule } from '../book/types';
import type { MarketDrivers } from './drivers';
import { scratchF64, scratchU8, takeF64, takeU8 } from './columns';
import { anchorFactor, buyerValue, impliedLife, monthlyRate, solveInto } from './kernel';
import { daysPath, hashpriceMonthPath, rentPath } from './market';
import { unitsAfterDisposals } from './units';

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
  // Optional fields are always present on the objects (undefined when absent): one object shape.
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
  /** Fixed avoidable cost per month while held (GPU colocation and operations), cents, at the lot's quantity; 0 for ASICs. */
  fixedCostPerMonth: number;
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
   * Units held per month by lot id, index i = month in-service + i; the last value holds beyond
   * the array. Default: the units still held after the fleet's disposal events (unitsAfterDisposals).
   */
  units?: ReadonlyMap<string, ArrayLike<number>> | Readonly<Record<string, ArrayLike<number>>>;
}

/** Cash flow of each month under the optimal policy: max(0, margin) - fixed while held, 0 after. */
export function cashFlowOf(e: LotEconomics): Float64Array {
  const out = new Float64Array(e.length);
  const held = Math.min(e.economicLifeMonths, e.length);
  for (let i = 0; i < held; i++) out[i] = e.operating[i] === 1 ? e.margin[i] - e.fixedCostPerMonth : -e.fixedCostPerMonth;
  return out;
}

const EMPTY_F = new Float64Array(0);
const EMPTY_U = new Uint8Array(0);
const EMPTY_DATES: readonly LocalDate[] = [];

/** Lots with the same per-unit inputs share one Group: one backward induction for all of them. */
interface Group {
  cls: 0 | 1; // 0 ASIC, 1 GPU
  m0: MonthIndex;
  n: number;
  hashrate: number;
  kw: number;
  gpus: number;
  rent0: number;
  rentDecay: number;
  successors: readonly LocalDate[];
  power: number;
  unitCost: number;
  salvagePct: number;
  // Results per unit, in cents: offsets into the group slabs, and scalars.
  at: number;
  w0: number;
  fixed: number;
  life: number;
  opLife: number;
  implied: number;
  undiscountedAsOf: number;
  next: Group | null; // hash chain
}

function finite(v: number | undefined | null): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** A per-model driver map (keys: preset id, normalised model name or '*'), looked up for a lot. */
class ModelMap<T> {
  private readonly empty: boolean;
  private readonly byModel = new Map<string, T | undefined>();
  constructor(private readonly map: Readonly<Record<string, T>>) {
    this.empty = Object.keys(map).length === 0;
  }
  get(model: string, preset: HardwarePreset | undefined): T | undefined {
    if (this.empty) return undefined;
    if (preset && this.map[preset.id] !== undefined) return this.map[preset.id];
    if (this.byModel.has(model)) return this.byModel.get(model);
    const k = normaliseModel(model ?? '');
    const v = this.map[k] !== undefined ? this.map[k] : this.map['*'];
    this.byModel.set(model, v);
    return v;
  }
}

function lookupLotPower(map: Readonly<Record<string, number>>, id: string): number | undefined {
  if (map[id] !== undefined) return map[id];
  const want = normaliseModel(id);
  for (const k of Object.keys(map)) if (normaliseModel(k) === want) return map[k];
  return undefined;
}

// Hashing doubles by their bits avoids turning numbers into strings (slow) for the group key.
const hashF = new Float64Array(1);
const hashU = new Uint32Array(hashF.buffer);
function mix(h: number, x: number): number {
  hashF[0] = x;
  h = Math.imul(h ^ hashU[0], 0x9e3779b1);
  h = Math.imul(h ^ hashU[1], 0x85ebca77);
  return (h ^ (h >>> 15)) | 0;
}

/** Shared calendar paths over [first, first + length). */
interface Paths {
  first: MonthIndex;
  days: Float64Array;
  hashprice: Float64Array;
  rents: Map<string, Float64Array>;
  /** Resale factor by age in months (0..max life) of the anchor and exponential curves. */
  anchorByAge: Float64Array;
  expByAge: Float64Array;
}

/** Reused buffers for one group's temporaries. */
interface Scratch {
  fixed: Float64Array;
  buyer: Float64Array;
  U: Float64Array;
  retire: Uint8Array;
}

/** Group results per unit: W (n + 1), S (n + 1), margin (n + 1, last unused), operating (n + 1). */
interface GroupSlabs {
  W: Float64Array;
  S: Float64Array;
  margin: Float64Array;
  op: Uint8Array;
}

function solveGroup(g: Group, d: MarketDrivers, paths: Paths, slabs: GroupSlabs, tmp: Scratch, asOfMonth: MonthIndex): void {
  const n = g.n;
  const at = g.at;
  const off = g.m0 - paths.first;
  const days = paths.days;
  const W = slabs.W.subarray(at, at + n + 1);
  const S = slabs.S.subarray(at, at + n + 1);
  const margin = slabs.margin.subarray(at, at + n + 1);
  const buyer = tmp.buyer;
  let fixed: Float64Array | null = null;
  if (g.cls === 0) {
    const a = d.asic;
    const hp = paths.hashprice;
    const revFactor = g.hashrate * a.uptime * (1 - a.poolFee) * 100;
    const kwhPerDay = g.kw * 24 * a.uptime * 100;
    const ownPower = kwhPerDay * g.power;
    const buyerPower = kwhPerDay * d.resale.buyerPowerPriceKwh;
    // Hashboard degradation (1 - δ)^(i/12), as a running product of the monthly factor.
    const step = Math.pow(1 - a.degradation, 1 / 12);
    let deg = 1;
    for (let i = 0; i < n; i++) {
      const k = off + i;
      const r = revFactor * deg * hp[k];
      margin[i] = r - ownPower * days[k];
      const b = r - buyerPower * days[k];
      buyer[i] = b > 0 ? b : 0;
      deg *= step;
    }
    g.fixed = 0;
  } else {
    const p = d.gpu;
    const rent = paths.rents.get(rentKey(g))!;
    const revFactor = g.gpus * 730 * p.utilization * 100;
    const cost = g.kw * p.pue * 730 * g.power * (p.idleFraction + (1 - p.idleFraction) * p.utilization) * 100;
    const f = g.kw * p.coloUsdPerKwMonth * 100 + (p.opsPctCapexPerYear * g.unitCost) / 12;
    fixed = tmp.fixed;
    for (let i = 0; i < n; i++) {
      const m = revFactor * rent[off + i] - cost;
      margin[i] = m;
      fixed[i] = f;
      // The GPU buyer runs the unit on the same costs as the owner.
      buyer[i] = (m > 0 ? m : 0) - f;
    }
    g.fixed = f;
  }
  margin[n] = 0;

  // Market value at the start of each month, then net salvage.
  const model = g.cls === 0 ? d.asic.resaleModel : d.gpu.resaleModel;
  const lf = d.resale.liquidationFactor;
  if (model === 'cashflow') {
    buyerValue(n === buyer.length ? buyer : buyer.subarray(0, n), d.resale.buyerPaybackMonths, monthlyRate(d.resale.buyerHurdle), S);
    for (let i = 0; i <= n; i++) S[i] *= lf;
  } else {
    // Age curves on the unit cost, stepped down (GPU) for each successor arriving after in-service.
    const steps = g.cls === 1 ? g.successors : EMPTY_DATES;
    const inService = monthStart(g.m0);
    const keep = 1 - d.gpu.successorStep;
    const age = model === 'anchor' ? paths.anchorByAge : paths.expByAge;
    for (let i = 0; i <= n; i++) {
      const f = age[i];
      let s = 1;
      if (steps.length > 0) {
        const start = monthStart(g.m0 + i);
        for (const e of steps) if (e > inService && e <= start) s *= keep;
      }
      S[i] = g.unitCost * f * s * lf;
    }
  }

  const rate = g.cls === 0 ? d.asic.discountRate : d.gpu.discountRate;
  const lives = solveInto(n, margin, fixed, S, monthlyRate(rate), W, tmp.U, tmp.retire);
  g.life = lives & 0xffff;
  g.opLife = lives >>> 16;
  const op = slabs.op;
  for (let i = 0; i < n; i++) op[at + i] = i < g.life && margin[i] > 0 ? 1 : 0;
  g.w0 = W[0];
  const k = asOfMonth - g.m0;
  g.undiscountedAsOf = k >= 0 && k < n ? tmp.U[k + 1] : 0;
  // End-of-month values are W(1..n).
  g.implied = impliedLife(W.subarray(1), g.unitCost, (g.unitCost * g.salvagePct) / 100);
}

function rentKey(g: Group): string {
  return `${g.rent0}|${g.rentDecay}|${g.successors.join(',')}`;
}

function unitsOf(options: ComputeOptions | undefined, id: string): ArrayLike<number> | undefined {
  const u = options?.units;
  if (!u) return undefined;
  const v = u instanceof Map ? u.get(id) : (u as Readonly<Record<string, ArrayLike<number>>>)[id];
  return v && v.length > 0 ? v : undefined;
}

function unmodelled(lot: Lot, preset: HardwarePreset | undefined, issue: string, m0: MonthIndex, asOfMonth: MonthIndex): LotEconomics {
  // Same field order as a modelled lot: one object shape for every lot.
  return {
    lotId: lot.id,
    assetClass: lot.assetClass,
    model: lot.model,
    presetId: preset?.id,
    modelled: false,
    issue,
    startMonth: m0,
    length: 0,
    initialValue: 0,
    economicValue: EMPTY_F,
    salvageValue: EMPTY_F,
    margin: EMPTY_F,
    fixedCostPerMonth: 0,
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
 * The lots' arrays are views cut from shared 512 KB chunks (columns.ts): to post one lot's array
 * alone to another thread, copy it with slice().
 */
export function computeEconomicValues(fleet: Fleet, books: LotSchedule[] | null, drivers: MarketDrivers, options?: ComputeOptions): LotEconomics[] {
  // The value follows the units still owned: a lot half sold is worth half as much from then on.
  if (!options?.units) options = { ...options, units: unitsAfterDisposals(fleet) };
  const asOfMonth = monthIndexOf(drivers.asOf ?? drivers.marketStart);
  const lots = fleet.lots;
  const count = lots.length;
  const groupOf: (Group | null)[] = new Array(count);
  const presetOfLot: (HardwarePreset | undefined)[] = new Array(count);
  const issueOf: (string | undefined)[] = new Array(count);
  const monthOfLot = new Float64Array(count);
  const presetCache = new Map<string, HardwarePreset | null>();
  const monthCache = new Map<string, number>();
  const hasLotPower = Object.keys(drivers.powerPriceByLot).length > 0;
  const rentByModel = new ModelMap(drivers.gpu.rentByModel);
  const rentDecayByModel = new ModelMap(drivers.gpu.rentDecayByModel);
  const successorsByModel = new ModelMap(drivers.gpu.successorDates);
  const table = new Map<number, Group>();
  const groups: Group[] = [];
  const rentGroups = new Map<string, Group>();
  let first = Infinity;
  let last = -Infinity;
  let groupCells = 0;
  let maxN = 0;
  let anyAsic = false;

  for (let li = 0; li < count; li++) {
    const lot = lots[li];
    groupOf[li] = null;
    // Model -> preset and date -> month, cached: registers repeat a few of each many times.
    let preset = presetCache.get(lot.model);
    if (preset === undefined) {
      preset = findPreset(lot.model ?? '') ?? null;
      presetCache.set(lot.model, preset);
    }
    const p = preset !== null && preset.assetClass === lot.assetClass ? preset : undefined;
    presetOfLot[li] = p;
    let m0 = monthCache.get(lot.inService);
    if (m0 === undefined) {
      m0 = parseLocalDate(lot.inService ?? '') ? monthIndexOf(lot.inService) : NaN;
      monthCache.set(lot.inService, m0);
    }
    monthOfLot[li] = m0;
    if (Number.isNaN(m0)) {
      issueOf[li] = `In Service "${lot.inService}" is not a date`;
      continue;
    }
    if (lot.assetClass !== 'ASIC' && lot.assetClass !== 'GPU') {
      issueOf[li] = `no market model for class ${lot.assetClass}`;
      continue;
    }
    if (!finite(lot.quantity) || lot.quantity < 0) {
      issueOf[li] = 'Quantity is not a number >= 0';
      continue;
    }
    const unitCost = finite(lot.unitCost) ? lot.unitCost : 0;
    const salvagePct = finite(lot.salvagePct) ? lot.salvagePct : 0;
    const power = (hasLotPower ? lookupLotPower(drivers.powerPriceByLot, lot.id) : undefined) ?? (lot.assetClass === 'ASIC' ? drivers.asic.powerPriceKwh : drivers.gpu.powerPriceKwh);
    // The row's specs win; the preset fills blanks (as lotWithPresetSpecs, without copying the lot).
    let cls: 0 | 1;
    let n: number;
    let hashrate = 0;
    let kw: number;
    let gpus = 0;
    let rent0 = 0;
    let rentDecay = 0;
    let successors: readonly LocalDate[] = EMPTY_DATES;
    if (lot.assetClass === 'ASIC') {
      const h = finite(lot.hashrateThs) ? lot.hashrateThs : p?.hashrateThs;
      const w = finite(lot.powerW) ? lot.powerW : p?.powerW;
      if (!finite(h) || h <= 0) {
        issueOf[li] = 'no Hashrate (TH/s): fill it or use a Model that matches a preset';
        continue;
      }
      if (!finite(w) || w < 0) {
        issueOf[li] = 'no Power (W): fill it or use a Model that matches a preset';
        continue;
      }
      cls = 0;
      n = drivers.asic.physicalLifeMonths;
      hashrate = h;
      kw = w / 1000;
    } else {
      const presetGpus = p?.gpusPerUnit ?? 8;
      const g = finite(lot.gpusPerUnit) ? lot.gpusPerUnit : p ? presetGpus : undefined;
      // A GPU preset is an 8-GPU server: another GPU count scales the preset's power.
      const w = finite(lot.powerW) ? lot.powerW : p?.powerW !== undefined && finite(g) ? (p.powerW * g) / presetGpus : undefined;
      // The row's own rent wins over the drivers' per-model rent, which wins over the preset's.
      const r = finite(lot.rentPerGpuHour) ? lot.rentPerGpuHour : (rentByModel.get(lot.model, p) ?? p?.rentPerGpuHour);
      if (!finite(g) || g <= 0) {
        issueOf[li] = 'no GPUs per Unit: fill it or use a Model that matches a preset';
        continue;
      }
      if (!finite(w) || w < 0) {
        issueOf[li] = 'no Power (W): fill it or use a Model that matches a preset';
        continue;
      }
      if (!finite(r) || r < 0) {
        issueOf[li] = 'no Rent ($/GPU-hr): fill it, use a Model that matches a preset, or set GPU Rent by Model';
        continue;
      }
      cls = 1;
      n = drivers.gpu.physicalLifeMonths;
      gpus = g;
      kw = w / 1000;
      rent0 = r;
      rentDecay = rentDecayByModel.get(lot.model, p) ?? drivers.gpu.rentDecay;
      successors = successorsByModel.get(lot.model, p) ?? EMPTY_DATES;
    }

    // Find or make the group (hash chain; successors compare by identity: one array per model entry).
    let h = mix(mix(mix(mix(mix(mix(cls, m0), hashrate), kw), gpus), rent0), rentDecay);
    h = mix(mix(mix(mix(h, power), unitCost), salvagePct), successors.length);
    let g = table.get(h) ?? null;
    const head = g;
    while (
      g !== null &&
      !(g.cls === cls && g.m0 === m0 && g.n === n && g.hashrate === hashrate && g.kw === kw && g.gpus === gpus && g.rent0 === rent0 &&
        g.rentDecay === rentDecay && g.successors === successors && g.power === power && g.unitCost === unitCost && g.salvagePct === salvagePct)
    ) {
      g = g.next;
    }
    if (g === null) {
      g = {
        cls, m0, n, hashrate, kw, gpus, rent0, rentDecay, successors, power, unitCost, salvagePct,
        at: groupCells, w0: 0, fixed: 0, life: 0, opLife: 0, implied: NaN, undiscountedAsOf: 0, next: head,
      };
      table.set(h, g);
      groups.push(g);
      groupCells += n + 1;
      if (n > maxN) maxN = n;
      if (m0 < first) first = m0;
      if (m0 + n > last) last = m0 + n;
      if (cls === 0) anyAsic = true;
      else {
        const rk = rentKey(g);
        if (!rentGroups.has(rk)) rentGroups.set(rk, g);
      }
    }
    groupOf[li] = g;
  }

  // Group results are only needed during this call: reused buffers, no fresh memory per run.
  const gs: GroupSlabs = { W: scratchF64(0, groupCells), S: scratchF64(1, groupCells), margin: scratchF64(2, groupCells), op: scratchU8(groupCells) };
  if (groups.length > 0) {
    const length = last - first + 1;
    const days = daysPath(first, length);
    const anchorByAge = new Float64Array(maxN + 1);
    const expByAge = new Float64Array(maxN + 1);
    const yearly = 1 - drivers.resale.exponentialDecay;
    for (let i = 0; i <= maxN; i++) {
      anchorByAge[i] = anchorFactor(drivers.resale.anchor, i);
      expByAge[i] = Math.pow(yearly, i / 12);
    }
    const paths: Paths = { first, days, hashprice: anyAsic ? hashpriceMonthPath(drivers, first, length, days) : EMPTY_F, rents: new Map(), anchorByAge, expByAge };
    for (const [key, g] of rentGroups) {
      paths.rents.set(key, rentPath(g.rent0, g.rentDecay, drivers.gpu.successorStep, g.successors, drivers.marketStart, first, length));
    }
    const tmp: Scratch = { fixed: new Float64Array(maxN + 1), buyer: new Float64Array(maxN), U: new Float64Array(maxN + 1), retire: new Uint8Array(maxN + 1) };
    for (const g of groups) solveGroup(g, drivers, paths, gs, tmp, asOfMonth);
  }

  // Books usually come in fleet order (the book engine's output): use the index, else match by id.
  let bookById: Map<string, LotSchedule> | null = null;
  const bookOf = (li: number, id: string): LotSchedule | undefined => {
    if (!books) return undefined;
    const b = books[li];
    if (b !== undefined && b.lotId === id) return b;
    if (bookById === null) {
      bookById = new Map();
      for (const x of books) bookById.set(x.lotId, x);
    }
    return bookById.get(id);
  };
  const result: LotEconomics[] = new Array(count);
  for (let li = 0; li < count; li++) {
    const g = groupOf[li];
    const lot = lots[li];
    result[li] = g
      ? scaleLot(lot, presetOfLot[li], g, gs, bookOf(li, lot.id), unitsOf(options, lot.id), asOfMonth)
      : unmodelled(lot, presetOfLot[li], issueOf[li]!, Number.isNaN(monthOfLot[li]) ? 0 : monthOfLot[li], asOfMonth);
  }
  return result;
}


/** Per-unit group results times the lot's units, in whole cents, with the book columns. */
function scaleLot(
  lot: Lot, preset: HardwarePreset | undefined, g: Group, gs: GroupSlabs, book: LotSchedule | undefined,
  units: ArrayLike<number> | undefined, asOfMonth: MonthIndex,
): LotEconomics {
  const n = g.n;
  const qty = lot.quantity;
  const src = g.at;
  const W = gs.W;
  const S = gs.S;
  const M = gs.margin;
  const O = gs.op;
  const ev = takeF64(n);
  const sal = takeF64(n);
  const margin = takeF64(n);
  const op = takeU8(n);
  const dep = takeF64(n);
  const q0 = units ? units[0] : qty;
  const initialValue = roundHalfAway(W[src] * q0);
  // Book columns: closing NBV aligned by month; nothing before the book starts, the last NBV after it ends.
  const nb = book ? takeF64(n) : EMPTY_F;
  const gp = book ? takeF64(n) : EMPTY_F;
  const shift = book ? g.m0 - book.startMonth : 0;
  const bl = book ? book.length : 0;
  const cc = book ? book.closingCost : EMPTY_F;
  const ca = book ? book.closingAccum : EMPTY_F;
  const lastNbv = bl > 0 ? cc[bl - 1] - ca[bl - 1] : 0;
  const uLast = units ? units.length - 1 : 0;
  let prev = initialValue;
  // One pass over the months: each output column is written once (the work is memory-bound).
  for (let i = 0; i < n; i++) {
    const q = units ? units[i <= uLast ? i : uLast] : qty;
    const v = roundHalfAway(W[src + i + 1] * q);
    ev[i] = v;
    sal[i] = roundHalfAway(S[src + i + 1] * q);
    margin[i] = roundHalfAway(M[src + i] * q);
    op[i] = q > 0 ? O[src + i] : 0;
    dep[i] = prev - v;
    prev = v;
    if (book) {
      const j = i + shift;
      const nbv = j < 0 || bl === 0 ? 0 : j < bl ? cc[j] - ca[j] : lastNbv;
      nb[i] = nbv;
      gp[i] = nbv - v;
    }
  }
  const bookNbv = book ? nb : undefined;
  const gap = book ? gp : undefined;

  const k = asOfMonth - g.m0;
  const held = k >= 0 && k < n;
  const qk = held ? (units ? units[k < units.length ? k : units.length - 1] : qty) : 0;
  const undiscounted = held ? roundHalfAway(g.undiscountedAsOf * qk) : 0;
  const recoverable = held ? ev[k] : 0;
  const nbvAsOf = held && bookNbv ? bookNbv[k] : undefined;
  return {
    lotId: lot.id,
    assetClass: lot.assetClass,
    model: lot.model,
    presetId: preset?.id,
    modelled: true,
    issue: undefined,
    startMonth: g.m0,
    length: n,
    initialValue,
    economicValue: ev,
    salvageValue: sal,
    margin,
    fixedCostPerMonth: roundHalfAway(g.fixed * qty),
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
