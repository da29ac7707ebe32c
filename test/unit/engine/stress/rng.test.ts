import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../../../shared/engine/stress';

describe('xoshiro128**', () => {
  it('matches the reference algorithm on state {1, 2, 3, 4}, worked by hand', () => {
    // Output = rotl(s1 * 5, 7) * 9, then t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
    // 1st: s1 = 2: rotl(10, 7) = 1280, x 9 = 11520. State -> s0 = 7, s1 = 0, s2 = 1026, s3 = 12288.
    // 2nd: s1 = 0 -> 0.                            State -> s0 = 12295, s1 = 1029, s2 = 1029, s3 = 25165824.
    // 3rd: s1 = 1029: 5145 x 128 = 658560, x 9 = 5927040.
    const g = Xoshiro128.fromState(1, 2, 3, 4);
    expect([g.nextU32(), g.nextU32(), g.nextU32()]).toEqual([11520, 0, 5927040]);
  });

  it('same seed and stream, same numbers; another stream or seed, others', () => {
    const take = (g: Xoshiro128) => Array.from({ length: 8 }, () => g.nextU32());
    expect(take(new Xoshiro128(42, 3))).toEqual(take(new Xoshiro128(42, 3)));
    expect(take(new Xoshiro128(42, 3))).not.toEqual(take(new Xoshiro128(42, 4)));
    expect(take(new Xoshiro128(42, 3))).not.toEqual(take(new Xoshiro128(43, 3)));
    // Seeds above 2^32 keep their high bits.
    expect(take(new Xoshiro128(2 ** 40 + 5, 0))).not.toEqual(take(new Xoshiro128(5, 0)));
    const g = new Xoshiro128(42, 3);
    take(g);
    g.reseed(42, 3);
    expect(take(g)).toEqual(take(new Xoshiro128(42, 3)));
  });

  it('uniforms stay inside (0, 1) and normals have mean 0 and variance 1 (20,000 draws, seed 1)', () => {
    const g = new Xoshiro128(1, 0);
    let lo = 1;
    let hi = 0;
    for (let i = 0; i < 20000; i++) {
      const u = g.nextOpen01();
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    let sum = 0;
    let sq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = g.nextNormal();
      sum += z;
      sq += z * z;
    }
    const mean = sum / n;
    // Standard error of the mean 1/sqrt(20000) = 0.007; of the variance ~ sqrt(2/20000) = 0.01.
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sq / n - mean * mean - 1)).toBeLessThan(0.04);
  });
});
