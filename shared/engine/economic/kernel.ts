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
  const d = 1 / (1 + rm);
  W[n] = salvage[n];
  U[n] = salvage[n];
  retire[n] = 1;
  let operatingLife = 0;
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
    } else {
      W[i] = keep;
      U[i] = flow + U[i + 1];
    }
  }
  let economicLife = n;
  for (let i = 0; i <= n; i++) {
    if (retire[i] === 1) {
      economicLife = i;
      break;
    }
  }
  return { W, retire, undiscounted: U, economicLife, operatingLife };
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
  for (let i = 0; i < n; i++) {
    const end = Math.min(n, i + paybackMonths);
    let v = 0;
    let f = 1;
    for (let j = i; j < end; j++) {
      v += flow[j] * f;
      f *= d;
    }
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
 * O(N + maxLife): prefix sums of the residual terms make each L constant time.
 */
export function impliedLife(ev: ArrayLike<number>, cost: number, salvage: number, maxLife = 600): number {
  const n = ev.length;
  const D = cost - salvage;
  if (n === 0 || !(D > 0)) return NaN;
  // With e = cost - ev and x = i + 1: residual = e - D x / L while x < L, e - D once x >= L.
  const pE2 = new Float64Array(n + 1);
  const pEX = new Float64Array(n + 1);
  const pX2 = new Float64Array(n + 1);
  const pTail = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const x = i + 1;
    const e = cost - ev[i];
    pE2[x] = pE2[x - 1] + e * e;
    pEX[x] = pEX[x - 1] + e * x;
    pX2[x] = pX2[x - 1] + x * x;
    pTail[x] = pTail[x - 1] + (e - D) * (e - D);
  }
  let best = NaN;
  let bestSse = Infinity;
  for (let L = 1; L <= maxLife; L++) {
    const k = L - 1 < n ? L - 1 : n;
    const u = D / L;
    const sse = pE2[k] - 2 * u * pEX[k] + u * u * pX2[k] + (pTail[n] - pTail[k]);
    if (Number.isNaN(best) || sse < bestSse - 1e-9 * bestSse) {
      bestSse = sse;
      best = L;
    }
  }
  return best;
}
