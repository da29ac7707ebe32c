import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorFactor, buyerValue, impliedLife, monthlyRate, solveUnit } from '../../../../shared/engine/economic';

const f64 = (xs: number[]) => Float64Array.from(xs);

describe('solveUnit (backward induction)', () => {
  it('switches off in a losing month and keeps the unit for a later profitable one', () => {
    // Margins 30, -20, 40, -10; salvage 5 at every start; r = 0; no fixed costs.
    // W(4) = 5; W(3) = max(5, 0 + 5) = 5 (retire, tie); W(2) = max(5, 40 + 5) = 45;
    // W(1) = max(5, 0 + 45) = 45 (switched off, kept); W(0) = max(5, 30 + 45) = 75.
    const s = solveUnit(f64([30, -20, 40, -10]), null, f64([5, 5, 5, 5, 5]), 0);
    expect(Array.from(s.W)).toEqual([75, 45, 45, 5, 5]);
    expect(Array.from(s.retire)).toEqual([0, 0, 0, 1, 1]);
    expect(s.economicLife).toBe(3);
    expect(s.operatingLife).toBe(3);
    // Undiscounted from the start of month 1: 0 (off) + 40 + sale for 5 in month 3 = 45.
    expect(s.undiscounted[1]).toBe(45);
  });

  it('discounts the next month by 1 + r_m', () => {
    // r = 12.68250301%/yr gives r_m = 1% (1.01^12 = 1.1268250301). Margins 100, 100; nothing at the end.
    // W(0) = 100 + 100 / 1.01 = 199.00990099...
    const rm = monthlyRate(0.1268250301);
    expect(rm).toBeCloseTo(0.01, 10);
    const s = solveUnit(f64([100, 100]), null, f64([0, 0, 0]), rm);
    expect(s.W[0]).toBeCloseTo(199.00990099, 6);
  });

  it('fixed costs make early retirement optimal when salvage beats holding', () => {
    // Margins 50, 10, 10; fixed 20; salvage 30, 25, 20, 0; r = 0.
    // W(3) = 0; W(2) = max(20, 10 - 20 + 0) = 20 (retire); W(1) = max(25, -10 + 20) = 25 (retire);
    // W(0) = max(30, 30 + 25) = 55.
    const s = solveUnit(f64([50, 10, 10]), f64([20, 20, 20]), f64([30, 25, 20, 0]), 0);
    expect(Array.from(s.W)).toEqual([55, 25, 20, 0]);
    expect(s.economicLife).toBe(1);
    expect(s.operatingLife).toBe(3);
  });
});

describe('buyerValue', () => {
  it('sums the next K months of buyer flows, discounted, within the physical life', () => {
    // Flows 10, 20, 30, K = 2, r_b,m = 0: starts 0..3 -> 10 + 20, 20 + 30, 30, 0.
    const out = buyerValue(f64([10, 20, 30]), 2, 0, new Float64Array(4));
    expect(Array.from(out)).toEqual([30, 50, 30, 0]);
    // At 100% per month the second month counts half: 10 + 20 / 2 = 20.
    expect(buyerValue(f64([10, 20, 30]), 2, 1, new Float64Array(4))[0]).toBe(20);
    // Negative flows never make the value negative.
    expect(buyerValue(f64([-10, -5]), 2, 0, new Float64Array(3))[0]).toBe(0);
  });
});

describe('anchorFactor', () => {
  const A = [1, 0.78, 0.6, 0.46, 0.35];
  it('interpolates the yearly factors by month and extends the last year-on-year ratio', () => {
    expect(anchorFactor(A, 0)).toBe(1);
    expect(anchorFactor(A, 12)).toBeCloseTo(0.78, 12);
    // 18 months: halfway between 0.78 and 0.60 = 0.69.
    expect(anchorFactor(A, 18)).toBeCloseTo(0.69, 12);
    expect(anchorFactor(A, 48)).toBeCloseTo(0.35, 12);
    // 60 months: 0.35 x (0.35 / 0.46) = 0.266304...
    expect(anchorFactor(A, 60)).toBeCloseTo(0.35 * (0.35 / 0.46), 12);
  });
});

describe('impliedLife', () => {
  it('recovers the life of an exact straight-line path (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 100, max: 10_000_000 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (L, n, cost, sPct) => {
        const salvage = Math.round(cost * sPct);
        fc.pre(cost - salvage > 0);
        // Every life gives a different path over months 0..n-1 (the slope differs in month 0), so
        // the exact path of life L fits only L.
        const ev = Array.from({ length: n }, (_, i) => cost - ((cost - salvage) * Math.min(i + 1, L)) / L);
        expect(impliedLife(ev, cost, salvage, 600)).toBe(L);
      }),
    );
  });

  it('hand case: EV halves in the first month then stays', () => {
    // cost 100, salvage 0, EV 50, 50, 50, 50 over 4 months. SSE(L) for L = 1: (0-50)^2 x 4 = 10,000;
    // L = 2: (50-50)^2 + (0-50)^2 x 3 = 7,500; L = 3: (66.7-50)^2 + (33.3-50)^2 + 2 x 2,500 = 5,555.6;
    // L = 4: 25^2 + 0 + 25^2 + 50^2 = 3,750; L = 5: 30^2 + 10^2 + 10^2 + 30^2 = 2,000;
    // L = 6: 33.3^2 + 16.7^2 + 0 + 16.7^2 = 1,666.7; L = 7: 35.7^2 + 21.4^2 + 7.1^2 + 7.1^2 = 1,836.7. Best: 6.
    expect(impliedLife([50, 50, 50, 50], 100, 0)).toBe(6);
  });

  it('is NaN when nothing depreciates', () => {
    expect(impliedLife([100, 100], 100, 100)).toBeNaN();
    expect(impliedLife([], 100, 0)).toBeNaN();
  });
});

describe('impliedLife against a brute-force search', () => {
  it('matches the argmin of the sum of squares over every life 1..maxLife (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 3000, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 1, max: 300 }),
        (ev, cost, salvage, maxLife) => {
          fc.pre(cost > salvage);
          const sse = (L: number) => ev.reduce((s, v, i) => s + (cost - ((cost - salvage) * Math.min(i + 1, L)) / L - v) ** 2, 0);
          let best = 1;
          for (let L = 2; L <= maxLife; L++) if (sse(L) < sse(best) - 1e-9 * sse(best)) best = L;
          const got = impliedLife(ev, cost, salvage, maxLife);
          // Equal fits (within rounding) are both right answers.
          expect(Math.abs(sse(got) - sse(best))).toBeLessThanOrEqual(1e-7 * Math.max(1, sse(best)));
        },
      ),
    );
  });
});
