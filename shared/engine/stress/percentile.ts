/**
 * Percentile of sorted values as Excel's PERCENTILE.INC (type 7 of Hyndman and Fan): rank
 * h = (n - 1) q, linear between the neighbouring order statistics. NaN for no values.
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo];
  return h === lo ? a : a + (h - lo) * (sorted[lo + 1] - a);
}
