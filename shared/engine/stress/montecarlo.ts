/**
 * Monte Carlo of the fleet's economic value (DESIGN.md section 7), seeded and reproducible.
 *
 * Per path, from the month after the market start (earlier months are history):
 * - hashprice = the deterministic path (drift, halvings, fees: economics.md 5.2 reduced form) times
 *   exp(X), where X is the running sum of monthly steps
 *     a Z1 - b (rho Z1 + sqrt(1 - rho^2) Z2) - (a^2 + b^2 - 2 rho a b) / 2,
 *   a = BTC price vol / sqrt(12), b = network hashrate vol / sqrt(12): BTC price and network hashrate
 *   are log-normal random walks and hashprice moves with their ratio. The drift of the two walks is
 *   the Hashprice Drift driver (their ratio's drift); the -variance/2 term keeps the expected
 *   hashprice on the deterministic path, so volatility spreads the outcomes without moving their mean.
 * - GPU rent decay = each model's decay + rent-decay vol x Z3, drawn once per path for every GPU
 *   model (a market-wide draw), bounded to [-50%, 95%]/yr (or the model's own decay if outside).
 * Each path is then valued by the economic engine's backward induction as if that path were known
 * (the value and economic life under that outcome); the bands are percentiles across paths.
 * Zero volatility gives every path the deterministic value.
 */
import { monthLabel, type MonthIndex } from '../../domain/dates';
import type { Fleet } from '../../domain/fleet';
import { roundHalfAway } from '../../domain/money';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { computeBookSchedules } from '../book';
import type { LotSchedule } from '../book/types';
import { marketFromAssumptions } from '../economic';
import { RENT_DECAY_DRAW_MAX, RENT_DECAY_DRAW_MIN, volatilityFromAssumptions, type Volatility } from './keys';
import { booksByLot, buildModel, nbvAt, prepareFleet, setRentShift, solvePath, unitsAt, type PreparedFleet, type StressModel } from './model';
import { samePrepared } from './outcome';
import { percentileSorted } from './percentile';
import { Xoshiro128 } from './rng';

export { DEFAULT_PATHS, DEFAULT_SEED, MAX_PATHS } from './limits';
import { DEFAULT_PATHS, DEFAULT_SEED } from './limits';

export interface MonteCarloOptions {
  /** Number of paths (default 1000). */
  paths?: number;
  /** Seed (default 1): integers up to 2^53 keep all their bits. */
  seed?: number;
  /** Volatilities instead of the Assumptions' keys (decimals per year). */
  volatility?: Partial<Volatility>;
  books?: LotSchedule[];
  prepared?: PreparedFleet;
  /** Called every `progressEvery` paths (default: every 1% of the paths) and at the end. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Checked before each path; true stops the run, which then reports the paths done so far. */
  shouldStop?: () => boolean;
}

/** Cents per month of the bands. */
export interface Band {
  p5: Float64Array;
  p50: Float64Array;
  p95: Float64Array;
  mean: Float64Array;
}

export interface LotRisk {
  lotId: string;
  /** Valued at the as-of month (modelled, in service, within its physical life): the impairment probabilities apply. */
  valued: boolean;
  /** Share of paths with the US GAAP recoverability flag (undiscounted cash flows + salvage < NBV) at the as-of month; NaN if not valued. */
  gaapImpairmentProbability: number;
  /** Share of paths with the IFRS recoverable amount below NBV at the as-of month; NaN if not valued. */
  ifrsImpairmentProbability: number;
  /** Economic life (months from in-service to the optimal retirement at or after the market start) across paths; null when the lot is not held then. */
  economicLife: { p10: number; p50: number; p90: number; mean: number } | null;
}

export interface MonteCarloResult {
  seed: number;
  requestedPaths: number;
  /** Paths done (fewer than requested when stopped). */
  paths: number;
  stopped: boolean;
  volatility: Volatility;
  marketStart: string;
  asOf: string;
  /** Months of the bands: the market start month and on, to the last month a lot is held, at most the horizon. */
  startMonth: MonthIndex;
  length: number;
  /** Fleet economic value at the end of each month. */
  economicValue: Band;
  /** The same with no shock (the economic engine's path). */
  deterministicEconomicValue: Float64Array;
  /** Book NBV of the lots valued in each month (deterministic). */
  bookNbv: Float64Array;
  /** bookNbv - economic value: p5 = bookNbv - EV p95, and so on. */
  gap: Band;
  lots: LotRisk[];
  /** lifeDistribution[k] = share of (lot, path) pairs, over lots held at or after the market start, with an economic life of k months. */
  lifeDistribution: Float64Array;
  /** Mean number of lots flagged by US GAAP recoverability at the as-of month, and the share of paths with at least one. */
  gaapImpairedLotsMean: number;
  anyGaapImpairmentProbability: number;
  unmodelledLots: number;
}

/** A run that can be advanced a few paths at a time (for a worker loop) and read at any point. */
export interface MonteCarloRun {
  readonly total: number;
  readonly done: number;
  /** Runs up to `maxPaths` more paths; returns how many ran. */
  step(maxPaths: number): number;
  /** The result over the paths done so far. */
  result(stopped?: boolean): MonteCarloResult;
}

function parsePaths(paths: number | undefined): number {
  const n = paths ?? DEFAULT_PATHS;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`paths must be a whole number >= 1, not ${n}`);
  return n;
}

export function createMonteCarlo(fleet: Fleet, options: MonteCarloOptions = {}): Result<MonteCarloRun, Problem[]> {
  const market = marketFromAssumptions(fleet.assumptions);
  const volRead = volatilityFromAssumptions(fleet.assumptions);
  const problems = [...(market.ok ? [] : market.error), ...(volRead.ok ? [] : volRead.error)];
  if (!market.ok || !volRead.ok) return err(problems);
  const vol: Volatility = { ...volRead.value, ...options.volatility };
  const total = parsePaths(options.paths);
  const seed = options.seed ?? DEFAULT_SEED;
  const prepared = options.prepared && samePrepared(options.prepared, fleet) ? options.prepared : prepareFleet(fleet);
  const model = buildModel(prepared, market.value);
  const books = booksByLot(fleet, options.books ?? computeBookSchedules(fleet));
  return ok(new Engine(model, books, vol, total, seed, fleet.assumptions.horizonMonths));
}

/** Runs every path (or until shouldStop), reporting progress. */
export function runMonteCarlo(fleet: Fleet, options: MonteCarloOptions = {}): Result<MonteCarloResult, Problem[]> {
  const created = createMonteCarlo(fleet, options);
  if (!created.ok) return created;
  const run = created.value;
  const every = Math.max(1, options.progressEvery ?? Math.ceil(run.total / 100));
  let stopped = false;
  while (run.done < run.total) {
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    run.step(1);
    if (options.onProgress && (run.done % every === 0 || run.done === run.total)) options.onProgress(run.done, run.total);
  }
  return ok(run.result(stopped));
}

class Engine implements MonteCarloRun {
  readonly total: number;
  done = 0;
  private readonly rng: Xoshiro128;
  private readonly start: MonteCarloResult['startMonth'];
  private readonly length: number;
  /** EV per path and band month. */
  private readonly evPaths: Float64Array;
  private readonly det: Float64Array;
  private readonly nbv: Float64Array;
  private readonly groupUnits: Float64Array[];
  private readonly lives: Uint16Array[];
  /** Lots valued at the as-of month, grouped by group (flat[start[gi]] .. flat[start[gi + 1] - 1]): index, units, NBV. */
  private readonly flatStart: Int32Array;
  private readonly flatLot: Int32Array;
  private readonly qAsOf: Float64Array;
  private readonly nbvAsOf: Float64Array;
  private readonly gaap: Uint32Array;
  private readonly ifrs: Uint32Array;
  private readonly mult: Float64Array;
  private readonly pathEv: Float64Array;
  private impairedLotsSum = 0;
  private pathsWithImpairment = 0;

  constructor(
    private readonly model: StressModel,
    books: (LotSchedule | undefined)[],
    private readonly vol: Volatility,
    total: number,
    private readonly seed: number,
    horizon: number,
  ) {
    this.total = total;
    this.rng = new Xoshiro128(seed, 0);
    const { groups, ms, asOfMonth, prepared } = model;
    let end = ms;
    for (const g of groups) if (g.active && g.m0 + g.n > end) end = g.m0 + g.n;
    this.start = ms;
    this.length = Math.max(0, Math.min(end, ms + horizon) - ms);
    const L = this.length;
    this.evPaths = new Float64Array(total * L);
    this.pathEv = new Float64Array(L);
    this.mult = new Float64Array(model.length);
    this.groupUnits = groups.map((g) => {
      if (!g.active) return new Float64Array(0);
      const u = new Float64Array(g.n);
      for (const li of g.lots) for (let i = 0; i < g.n; i++) u[i] += unitsAt(prepared, li, i);
      return u;
    });
    this.lives = groups.map((g) => new Uint16Array(g.active ? total : 0));
    this.nbv = new Float64Array(L);
    const flatLot: number[] = [];
    const flatQ: number[] = [];
    const flatNbv: number[] = [];
    this.flatStart = new Int32Array(groups.length + 1);
    groups.forEach((g, gi) => {
      this.flatStart[gi] = flatLot.length;
      if (!g.active) return;
      const k = asOfMonth - g.m0;
      for (const li of g.lots) {
        const b = books[li];
        if (!b) continue;
        if (k >= 0 && k < g.n) {
          flatLot.push(li);
          flatQ.push(unitsAt(prepared, li, k));
          flatNbv.push(nbvAt(b, asOfMonth));
        }
        // Book NBV over the lot's valued months (as the economic rollup sums it).
        for (let j = 0; j < L; j++) {
          const i = ms + j - g.m0;
          if (i >= 0 && i < g.n) this.nbv[j] += nbvAt(b, ms + j);
        }
      }
    });
    this.flatStart[groups.length] = flatLot.length;
    this.flatLot = Int32Array.from(flatLot);
    this.qAsOf = Float64Array.from(flatQ);
    this.nbvAsOf = Float64Array.from(flatNbv);
    this.gaap = new Uint32Array(flatLot.length);
    this.ifrs = new Uint32Array(flatLot.length);
    this.det = new Float64Array(L);
    this.runPath(null, 0, this.det, -1);
    for (let j = 0; j < L; j++) this.det[j] = roundHalfAway(this.det[j]);
  }

  step(maxPaths: number): number {
    let ran = 0;
    while (ran < maxPaths && this.done < this.total) {
      this.samplePath(this.done);
      this.done++;
      ran++;
    }
    return ran;
  }

  /** Draws path p's shocks (its own stream of the seed) and values it. */
  private samplePath(p: number): void {
    const rng = this.rng;
    rng.reseed(this.seed, p);
    const { model, vol, mult } = this;
    const rentShift = vol.rentDecay * rng.nextNormal();
    const a = vol.btcPrice / Math.sqrt(12);
    const b = vol.hashrate / Math.sqrt(12);
    const rho = vol.correlation;
    const c = Math.sqrt(Math.max(0, 1 - rho * rho));
    const drift = (a * a + b * b - 2 * rho * a * b) / 2;
    const first = model.first;
    const len = model.length;
    let x = 0;
    for (let k = 0; k < len && first + k <= model.ms; k++) mult[k] = 1;
    const end = first + len;
    for (let m = model.ms + 1; m < end; m++) {
      const z1 = rng.nextNormal();
      const z2 = rng.nextNormal();
      x += a * z1 - b * (rho * z1 + c * z2) - drift;
      const k = m - first;
      if (k >= 0) mult[k] = Math.exp(x);
    }
    const L = this.length;
    const out = this.pathEv;
    out.fill(0);
    this.runPath(mult, rentShift, out, p);
    this.evPaths.set(out, p * L);
  }

  /** Values one path into `out` (EV per band month); p >= 0 also records lives and impairment flags. */
  private runPath(mult: Float64Array | null, rentShift: number, out: Float64Array, p: number): void {
    const model = this.model;
    setRentShift(model, rentShift, RENT_DECAY_DRAW_MIN, RENT_DECAY_DRAW_MAX);
    const { groups, ms, asOfMonth } = model;
    const L = this.length;
    const qAsOf = this.qAsOf;
    const nbvAsOf = this.nbvAsOf;
    let impaired = 0;
    const res = model.at;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi];
      if (!g.active) continue;
      const k = asOfMonth - g.m0;
      const life = solvePath(model, g, mult, this.groupUnits[gi], out, g.m0 - ms, Math.max(g.k0, ms - g.m0), Math.min(g.n, ms + L - g.m0), k + 1);
      if (p < 0) continue;
      this.lives[gi][p] = life;
      if (k < 0 || k >= g.n) continue;
      const w = res[0];
      const u = res[1];
      const gaap = this.gaap;
      const ifrs = this.ifrs;
      for (let t = this.flatStart[gi], end = this.flatStart[gi + 1]; t < end; t++) {
        const nbv = nbvAsOf[t];
        const q = qAsOf[t];
        if (roundHalfAway(u * q) < nbv) {
          gaap[t]++;
          impaired++;
        }
        if (roundHalfAway(w * q) < nbv) ifrs[t]++;
      }
    }
    if (p >= 0) {
      this.impairedLotsSum += impaired;
      if (impaired > 0) this.pathsWithImpairment++;
    }
  }

  result(stopped = this.done < this.total): MonteCarloResult {
    const { model, length: L, done: P } = this;
    const ev: Band = { p5: new Float64Array(L), p50: new Float64Array(L), p95: new Float64Array(L), mean: new Float64Array(L) };
    const gap: Band = { p5: new Float64Array(L), p50: new Float64Array(L), p95: new Float64Array(L), mean: new Float64Array(L) };
    const column = new Float64Array(P);
    for (let j = 0; j < L; j++) {
      let sum = 0;
      for (let p = 0; p < P; p++) {
        const v = this.evPaths[p * L + j];
        column[p] = v;
        sum += v;
      }
      column.sort();
      ev.p5[j] = roundHalfAway(percentileSorted(column, 0.05));
      ev.p50[j] = roundHalfAway(percentileSorted(column, 0.5));
      ev.p95[j] = roundHalfAway(percentileSorted(column, 0.95));
      ev.mean[j] = P > 0 ? roundHalfAway(sum / P) : NaN;
      const nbv = this.nbv[j];
      gap.p5[j] = nbv - ev.p95[j];
      gap.p50[j] = nbv - ev.p50[j];
      gap.p95[j] = nbv - ev.p5[j];
      gap.mean[j] = nbv - ev.mean[j];
    }

    const lotsList = model.prepared.fleet.lots;
    const lots: LotRisk[] = lotsList.map((l) => ({ lotId: l.id, valued: false, gaapImpairmentProbability: NaN, ifrsImpairmentProbability: NaN, economicLife: null }));
    const dist = new Float64Array(model.maxN + 1);
    let distCount = 0;
    model.groups.forEach((g, gi) => {
      if (!g.active || P === 0) return;
      const hist = new Float64Array(g.n + 1);
      const lives = this.lives[gi];
      let sum = 0;
      for (let p = 0; p < P; p++) {
        hist[lives[p]]++;
        sum += lives[p];
      }
      const life = { p10: fromHistogram(hist, P, 0.1), p50: fromHistogram(hist, P, 0.5), p90: fromHistogram(hist, P, 0.9), mean: sum / P };
      const held = g.m0 + g.n > model.ms;
      if (held) for (const li of g.lots) lots[li].economicLife = life;
      for (let t = this.flatStart[gi]; t < this.flatStart[gi + 1]; t++) {
        const r = lots[this.flatLot[t]];
        r.valued = true;
        r.gaapImpairmentProbability = this.gaap[t] / P;
        r.ifrsImpairmentProbability = this.ifrs[t] / P;
      }
      if (held) {
        for (let v = 0; v <= g.n; v++) dist[v] += hist[v] * g.lots.length;
        distCount += P * g.lots.length;
      }
    });
    if (distCount > 0) for (let v = 0; v < dist.length; v++) dist[v] /= distCount;

    let unmodelled = 0;
    for (let i = 0; i < model.lotGroup.length; i++) if (model.lotGroup[i] < 0) unmodelled++;
    return {
      seed: this.seed,
      requestedPaths: this.total,
      paths: P,
      stopped,
      volatility: { ...this.vol },
      marketStart: model.drivers.marketStart,
      asOf: monthLabel(model.asOfMonth),
      startMonth: this.start,
      length: L,
      economicValue: ev,
      deterministicEconomicValue: this.det.slice(),
      bookNbv: this.nbv.slice(),
      gap,
      lots,
      lifeDistribution: dist,
      gaapImpairedLotsMean: P > 0 ? this.impairedLotsSum / P : NaN,
      anyGaapImpairmentProbability: P > 0 ? this.pathsWithImpairment / P : NaN,
      unmodelledLots: unmodelled,
    };
  }
}

/** Percentile (as percentileSorted) of the values counted in hist[v] (v = 0, 1, ...), `count` in all. */
function fromHistogram(hist: Float64Array, count: number, q: number): number {
  const h = (count - 1) * q;
  const lo = Math.floor(h);
  const at = (r: number): number => {
    let cum = 0;
    for (let v = 0; v < hist.length; v++) {
      cum += hist[v];
      if (cum > r) return v;
    }
    return hist.length - 1;
  };
  const a = at(lo);
  return h === lo ? a : a + (h - lo) * (at(lo + 1) - a);
}
