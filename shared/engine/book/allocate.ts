import type { Cents } from '../../domain/money';

/**
 * Split integer cents in proportion to non-negative integer weights so the parts add up to the
 * total exactly (largest-remainder method): every part gets the floor of its exact share, then the
 * cents left over go one each to the largest remainders; on equal remainders the earlier part wins.
 */
export function allocateLargestRemainder(total: Cents, weights: readonly number[]): Cents[] {
  const parts = weights.map(() => 0);
  let whole = 0;
  for (const w of weights) whole += w;
  if (whole <= 0 || total === 0) return parts;
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const remainders: number[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const [quotient, remainder] = divideExact(magnitude, weights[i], whole);
    parts[i] = quotient;
    remainders.push(remainder);
    given += quotient;
  }
  const order = remainders.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; k < magnitude - given; k++) parts[order[k]] += 1;
  return sign < 0 ? parts.map((p) => (p === 0 ? 0 : -p)) : parts;
}

/**
 * The part of `total` cents that goes with `part` of `whole` units when split in two by largest
 * remainder: the exact share rounded, a half going to this part. The rest is `total` minus it.
 */
export function shareOf(total: Cents, part: number, whole: number): Cents {
  if (part <= 0 || whole <= 0 || total === 0) return 0;
  if (part >= whole) return total;
  const magnitude = Math.abs(total);
  const [quotient, remainder] = divideExact(magnitude, part, whole);
  const share = 2 * remainder >= whole ? quotient + 1 : quotient;
  return total < 0 ? -share : share;
}

/** floor(a * b / c) and its remainder for non-negative integers, exactly (BigInt past 2^53). */
function divideExact(a: number, b: number, c: number): [number, number] {
  const product = a * b;
  if (Number.isSafeInteger(product)) {
    const remainder = product % c;
    return [(product - remainder) / c, remainder];
  }
  const big = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  return [Number(big / bc), Number(big % bc)];
}
