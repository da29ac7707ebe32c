/**
 * The numerical kernels of the economic value, on plain typed arrays of one unit's monthly flows
 * (cents). Exported for the Monte Carlo engine, which calls them once per path and group.
 *
 * Time: index i is the i-th month from in-service; a value at index i is "at the start of month i".
 * The flows of month i count undiscounted at its start (DESIGN.md section 6 recursion).
 */

/** Monthly discount rate of an annual rate: (1 + r)^(1/12) - 1. */
export function monthlyRate(annual: number): number {
  return Math.pow(1 + annual, 1 / 12) - 1;
}

export interface UnitSolution {
  /** W(i), i = 0..N: the economic value at the start of month i; W(N) = S(N). */
  W: Float64Array;
  /** 1 where retiring (selling at S) is optimal at the start of month i (ties retire). */
  retire: Uint8Array;
  /**
   * Undiscounted cash flows from the start of month i to the optimal retirement that follows,
   * including the salvage then received (the US GAAP recoverability sum).
   */
  undiscounted: Float64Array;
  /** First i with retire[i] = 1 (N when it is never optimal before the end of physical life). */
  economicLife: number;
  /** Months until the permanent non-positive margin tail: last i with margin > 0, plus 1. */
  operatingLife: number;
}

/**
 * Backward induction with a free monthly switch-off and optimal retirement:
 *   W(N) = S(N);  W(i) = max(S(i), max(0, margin(i)) - fixed(i) + W(i+1) / (1 + rm)).
 * `margin` and `fixed` have N entries, `salvage` N + 1; `fixed` may be null (no fixed costs).
 */
export function solveUnit(margin: Float64Array, fixed: Float64Array | null, salvage: Float64Array, rm: number): UnitSolution {
  const n = margin.length;
  const W = new Float64Array(n + 1);
  const U = new Float64Array(n + 1);
  const retire = new Uint8Array(n + 1);
  const lives = solveInto(n, margin, fixed, salvage, rm, W, U, retire);
  return { W, retire, undiscounted: U, economicLife: lives & 0xffff, operatingLife: lives >>> 16 };
}

/**
 * solveUnit into caller-owned arrays (of at least n + 1 entries; only the first n of margin and
 * fixed are read), for hot loops that reuse buffers. Returns economicLife | operatingLife << 16.
 */
export function solveInto(
  n: number, margin: Float64Array, fixed: Float64Array | null, salvage: Float64Array, rm: number,
  W: Float64Array, U: Float64Array, retire: Uint8Array,
): number {
  const d = 1 / (1 + rm);
  W[n] = salvage[n];
  U[n] = salvage[n];
  retire[n] = 1;
  let operatingLife = 0;
  let economicLife = n;
  for (let i = n - 1; i >= 0; i--) {
    const m = margin[i];
    if (operatingLife === 0 && m > 0) operatingLife = i + 1;
    const flow = (m > 0 ? m : 0) - (fixed === null ? 0 : fixed[i]);
    const keep = flow + W[i + 1] * d;
    const s = salvage[i];
    if (s >= keep) {
      W[i] = s;
      U[i] = s;
      retire[i] = 1;
      economicLife = i;
    } else {
      W[i] = keep;
      U[i] = flow + U[i + 1];
      retire[i] = 0;
    }
  }
  return economicLife | (operatingLife << 16);
}

/**
 * The marginal buyer's cash-flow value at the start of each month (economics.md 5.4, model 2):
 * out[i] = max(0, sum over k = 0 .. min(K, N - i) - 1 of flow[i + k] / (1 + rbm)^k), out[N] = 0.
 * `flow` is the buyer's monthly cash flow (already net of switch-off and fixed costs); the machine
 * earns nothing beyond its physical life.
 */
export function buyerValue(flow: Float64Array, paybackMonths: number, rbm: number, out: Float64Array): Float64Array {
  const n = flow.length;
  const d = 1 / (1 + rbm);
  const dK = Math.pow(d, paybackMonths);
  // Sliding window, backwards: V(i) = flow(i) + d V(i+1) - d^K flow(i+K) (no flow past the life),
  // O(N) instead of O(N K); only the reported value is floored at zero.
  let v = 0;
  for (let i = n - 1; i >= 0; i--) {
    const j = i + paybackMonths;
    v = flow[i] + d * v - (j < n ? dK * flow[j] : 0);
    out[i] = v > 0 ? v : 0;
  }
  out[n] = 0;
  return out;
}

/** Resale factor at an age in months from vintage factors for whole years (linear between them, geometric after the last). */
export function anchorFactor(anchor: readonly number[], ageMonths: number): number {
  const y = ageMonths / 12;
  const last = anchor.length - 1;
  if (y >= last) {
    const ratio = last > 0 && anchor[last - 1] > 0 ? anchor[last] / anchor[last - 1] : 1;
    return anchor[last] * Math.pow(ratio, y - last);
  }
  const k = Math.floor(y);
  const w = y - k;
  return anchor[k] * (1 - w) + anchor[k + 1] * w;
}

/**
 * Implied life: the straight-line life L (whole months, 1..maxLife) whose book path best fits the
 * economic value in least squares, over the months given (0..N-1, values at each month's end):
 *   BV_L(i) = cost - (cost - salvage) * min(i + 1, L) / L   (full-month convention)
 *   L* = argmin_L sum_i (BV_L(i) - ev(i))^2; ties go to the shorter life.
 * NaN when there is nothing to depreciate (cost <= salvage) or no month.
 * O(N + maxLife) without allocation: with e = cost - ev and x = i + 1 the residual is e - D x / L
 * while x < L and e - D after, so running sums over the months before L give each SSE(L).
 */
export function impliedLife(ev: ArrayLike<number>, cost: number, salvage: number, maxLife = 600): number {
  const n = ev.length;
  const D = cost - salvage;
  if (n === 0 || !(D > 0) || maxLife < 1) return NaN;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    const t = cost - ev[i] - D;
    tail += t * t;
  }
  let sE2 = 0;
  let sEX = 0;
  let sX2 = 0;
  let best = NaN;
  let bestSse = Infinity;
  const consider = (L: number): void => {
    const u = D / L;
    const sse = sE2 - 2 * u * sEX + u * u * sX2 + (tail > 0 ? tail : 0);
    if (Number.isNaN(best) || sse < bestSse - 1e-9 * bestSse || (sse <= bestSse + 1e-9 * bestSse && L < best)) {
      bestSse = sse;
      best = L;
    }
  };
  const upTo = Math.min(n + 1, maxLife);
  for (let L = 1; L <= upTo; L++) {
    // Month x = L - 1 moves from the flat tail to the sloped part.
    const x = L - 1;
    if (x >= 1) {
      const e = cost - ev[x - 1];
      sE2 += e * e;
      sEX += e * x;
      sX2 += x * x;
      tail -= (e - D) * (e - D);
    }
    consider(L);
  }
  // Beyond n + 1 every month is on the slope: SSE = sE2 - 2 u sEX + u^2 sX2 is convex in u = D / L,
  // least at u* = sEX / sX2, so the best longer life is next to L* = D sX2 / sEX.
  // (sEX <= 0: the value never falls below cost, and the longest life fits best.)
  if (maxLife > upTo) {
    tail = 0;
    const star = sEX > 0 ? (D * sX2) / sEX : Infinity;
    const clamp = (L: number): number => Math.min(maxLife, Math.max(upTo + 1, L));
    consider(clamp(Math.floor(star)));
    consider(clamp(Math.ceil(star)));
  }
  return best;
}
