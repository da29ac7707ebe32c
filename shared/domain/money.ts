/**
 * Money is integer cents in a JS number (exact to 2^53 cents). Amounts in dollars appear only at
 * the edges (files, UI, CLI output).
 */
export type Cents = number;

/** Round half away from zero, as Excel's ROUND(x, 0). */
export function roundHalfAway(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}

/** Cents as a plain decimal string with two decimals: 123456 -> "1234.56", -5 -> "-0.05". */
export function formatCentsPlain(cents: Cents): string {
  const neg = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs - whole * 100;
  return `${neg && abs !== 0 ? '-' : ''}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** A dollar amount (as read from a file) to cents, rounding half away from zero. */
export function dollarsToCents(dollars: number): Cents {
  // Via the decimal string so 1.005 -> 101 (Excel shows 1.005 and rounds it up).
  const s = dollars.toFixed(10);
  return roundHalfAway(Number(s) * 100 + (dollars >= 0 ? 1e-9 : -1e-9));
}
