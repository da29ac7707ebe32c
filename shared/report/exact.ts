/**
 * When a spreadsheet formula gives the app's cents exactly.
 *
 * The app rounds exact quantities half away from zero to the cent; a spreadsheet computes in binary
 * floating point on dollars and rounds with ROUND(x, 2). The two agree whenever the exact quantity
 * is not a half cent (a tie) and sits clearly away from one: the float error, about 1e-16 of the
 * magnitude, is then far smaller than the distance to the rounding boundary. Ties are left as
 * values: Excel and LibreOffice both fudge ROUND near ties in ways that are not documented to the bit.
 */
import { roundHalfAway } from '../domain/money';

/** Money in a cell: cents as dollars. The nearest double to the 2-decimal amount; -0 becomes 0. */
export function dollars(cents: number): number {
  return cents === 0 ? 0 : cents / 100;
}

/** Above this many cents (10^9 dollars) per amount, formulas are not trusted to the cent. */
export const MAX_FORMULA_CENTS = 1e11;

/** True when n / d (integers, d > 0) is exactly halfway between two integers. */
export function isHalfTie(n: number, d: number): boolean {
  if (d % 2 !== 0) return false;
  const twoN = 2 * n;
  if (Number.isSafeInteger(twoN)) return Math.abs(twoN % (2 * d)) === d;
  const r = (2n * BigInt(n)) % (2n * BigInt(d));
  return (r < 0n ? -r : r) === BigInt(d);
}

/**
 * round(base x k / life) for the straight-line cumulative depreciation through month k, in cents,
 * and whether a spreadsheet's ROUND(baseDollars*k/life, 2) is sure to give the same.
 */
export function straightLineCumulative(base: number, k: number, life: number): { cents: number; exact: boolean } {
  const n = base * k;
  return { cents: roundHalfAway(n / life), exact: Number.isSafeInteger(n) && Math.abs(base) < MAX_FORMULA_CENTS && !isHalfTie(n, life) };
}

/**
 * Whether ROUND(amountDollars*pct/100, 2) in a spreadsheet gives `expected` cents: the exact
 * product is not within a millionth of a cent of a tie and rounds to `expected`.
 */
export function percentFormulaExact(cents: number, pct: number, expected: number): boolean {
  if (!Number.isFinite(pct) || !Number.isSafeInteger(cents) || Math.abs(cents) >= MAX_FORMULA_CENTS) return false;
  if (Number.isInteger(pct)) {
    const n = cents * pct;
    return Number.isSafeInteger(n) && !isHalfTie(n, 100) && roundHalfAway(n / 100) === expected;
  }
  const x = (cents * pct) / 100;
  const frac = Math.abs(x - Math.trunc(x));
  const tolerance = Math.max(1e-6, Math.abs(x) * 1e-12);
  return Math.abs(frac - 0.5) > tolerance && roundHalfAway(x) === expected;
}
