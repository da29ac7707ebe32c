import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder, shareOf } from '../../../../shared/engine/book/allocate';

describe('largest-remainder allocation', () => {
  it('splits by hand-computed shares', () => {
    // 100 cents over 1:1:1 -> 33.33 each, floors 33+33+33 = 99, one cent to the first of the equal remainders.
    expect(allocateLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 1,000 over 3:3:4 -> 300, 300, 400 exactly.
    expect(allocateLargestRemainder(1_000, [3, 3, 4])).toEqual([300, 300, 400]);
    // 10 over 2:5:7 (sum 14) -> 1.43, 3.57, 5 -> floors 1, 3, 5 = 9; the cent goes to 0.57 -> [1, 4, 5].
    expect(allocateLargestRemainder(10, [2, 5, 7])).toEqual([1, 4, 5]);
    expect(allocateLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    // 85,715 x 1/3 = 28,571.67 -> 28,572 to the disposed unit; 1 of 2 of 5 cents: 2.5 -> 3 (the half goes to the part).
    expect(shareOf(85_715, 1, 3)).toBe(28_572);
    expect(shareOf(5, 1, 2)).toBe(3);
    // Beyond 2^53 in the product: 9e15 x 7 / 9 = 7e15 exactly.
    expect(shareOf(9_000_000_000_000_000, 7, 9)).toBe(7_000_000_000_000_000);
  });

  it('always ties to the cent, each part within a cent of its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        const whole = weights.reduce((a, b) => a + b, 0);
        const parts = allocateLargestRemainder(total, weights);
        if (whole === 0) return parts.every((p) => p === 0);
        return parts.reduce((a, b) => a + b, 0) === total && parts.every((p, i) => Number.isInteger(p) && Math.abs(p - (total * weights[i]) / whole) < 1);
      }),
    );
  });

  it('shareOf is the first part of a two-way split', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (total, whole, p) => {
        const part = p % (whole + 1);
        const share = shareOf(total, part, whole);
        return Number.isInteger(share) && share >= 0 && share <= total && Math.abs(share - (total * part) / whole) <= 0.5;
      }),
    );
  });
});
