/**
 * Exact integer rounding for the tax book. Every tax amount is a ratio of integers (cents x basis
 * points / 10,000, a share of units, a rate in percent); rounding such a ratio in floating point can
 * land on the wrong side of a half, so these helpers divide integers exactly, with BigInt only when
 * a product would leave the safe-integer range.
 */

/** round(n / d), half away from zero; n a safe integer, d a positive integer. Exact. */
export function roundDiv(n: number, d: number): number {
  // The float quotient is within one of the truth; the remainder, computed exactly on safe
  // integers, corrects it (no float modulo: it is a slow library call in hot loops).
  const neg = n < 0;
  const a = neg ? -n : n;
  let q = Math.floor(a / d);
  let r = a - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  if (2 * r >= d) q += 1;
  return neg && q !== 0 ? -q : q; // never -0
}

/** round(a * b / d), half away from zero, exact for integers a, b and positive integer d. */
export function mulDivRound(a: number, b: number, d: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return roundDiv(p, d);
  return Number(bigRoundDiv(BigInt(a) * BigInt(b), BigInt(d)));
}

/** round(n / d), half away from zero, on BigInts (d > 0). */
export function bigRoundDiv(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return neg ? -q : q;
}

const PCT_SCALE = 1_000_000; // percentages are decided exactly up to 6 decimals (21.123456 %)

/**
 * round(cents x pct / 100), half away from zero. Exact when pct has at most 6 decimals (every rate
 * a file or the UI can hold); a float product only decides when it is clearly off a half.
 */
export function centsTimesPct(cents: number, pct: number): number {
  if (Number.isInteger(pct)) return mulDivRound(cents, pct, 100);
  const x = (cents * pct) / 100;
  const frac = Math.abs(x - Math.trunc(x));
  const tol = Math.max(1e-6, Math.abs(x) * 1e-12);
  if (Math.abs(frac - 0.5) > tol) return x < 0 ? 0 - Math.round(-x) : Math.round(x); // 0 - 0 is +0, never -0
  const scaled = Math.round(pct * PCT_SCALE);
  return Number(bigRoundDiv(BigInt(cents) * BigInt(scaled), BigInt(100 * PCT_SCALE)));
}
