import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsTimesPct, computeTaxSchedules, deferredTaxByMonth, mulDivRound, roundDiv, sumDeferredTax } from '../../../../shared/engine/tax';
import { monthIndexOf } from '../../../../shared/domain/dates';
import type { LotSchedule } from '../../../../shared/engine/book/types';
import { fleet, lot } from './helpers';

/** A book schedule built by hand: cost in month 0, the given monthly depreciation. */
function bookSchedule(lotId: string, inService: string, cost: number, dep: number[]): LotSchedule {
  const n = dep.length;
  const z = () => new Float64Array(n);
  const s: LotSchedule = {
    lotId,
    startMonth: monthIndexOf(inService),
    length: n,
    additions: z(),
    disposedCost: z(),
    closingCost: z(),
    depreciation: Float64Array.from(dep),
    impairment: z(),
    disposedAccum: z(),
    closingAccum: z(),
    proceeds: z(),
    gainLoss: z(),
    flags: new Uint8Array(n),
  };
  s.additions[0] = cost;
  let a = 0;
  for (let i = 0; i < n; i++) {
    a += dep[i];
    s.closingCost[i] = cost;
    s.closingAccum[i] = a;
  }
  return s;
}

describe('deferred tax = (book NBV - tax NBV) x tax rate', () => {
  // Lot A: 1,000.00, book straight line over 36 months (cumulative round(100000 k / 36)); tax
  // MACRS 5-year half-year from January 2025, no bonus.
  // Lot B: 500.00, book straight line over 24 months to a 50.00 salvage (1875 a month); tax:
  // acquired 2025-03-01, 100 % bonus in March 2025.
  const a = lot({ unitCost: 100000, inService: '2025-01-01' });
  const b = lot({ unitCost: 50000, inService: '2025-03-01', acquired: '2025-03-01', bonusPct: undefined });
  const tax = computeTaxSchedules(fleet([a, b]));
  const bookA = bookSchedule(a.id, '2025-01-01', 100000, Array.from({ length: 36 }, (_, i) => Math.round((100000 * (i + 1)) / 36) - Math.round((100000 * i) / 36)));
  const bookB = bookSchedule(b.id, '2025-03-01', 50000, Array(24).fill(1875));
  const dA = deferredTaxByMonth(bookA, tax.schedules[0], 21);
  const dB = deferredTaxByMonth(bookB, tax.schedules[1], 21);
  const i = (d: { startMonth: number }, date: string) => monthIndexOf(date) - d.startMonth;

  it('lot A, month by month', () => {
    // Jan 2025: book 100000 - round(2777.78) = 97222; tax 100000 - round(20000/12 = 1666.67) = 98333;
    // difference -1111; x 21 % = -233.31 -> -233 (a deferred tax asset).
    const jan = i(dA, '2025-01-01');
    expect([dA.bookNbv[jan], dA.taxNbv[jan], dA.temporaryDifference[jan], dA.deferredTax[jan]]).toEqual([97222, 98333, -1111, -233]);
    // Dec 2025: book 100000 - 33333 = 66667; tax 100000 - 20000 = 80000; -13333 x 21 % = -2799.93 -> -2800.
    expect(dA.deferredTax[i(dA, '2025-12-01')]).toBe(-2800);
    // Jan 2026: book 100000 - round(36111.11) = 63889; tax 80000 - round(32000/12 = 2666.67) = 77333;
    // -13444 x 21 % = -2823.24 -> -2823.
    expect(dA.temporaryDifference[i(dA, '2026-01-01')]).toBe(-13444);
    expect(dA.deferredTax[i(dA, '2026-01-01')]).toBe(-2823);
    // Jan 2028, after the book schedule ended (NBV 0 carried): tax 100000 - 71200 - round(11520/12) = 27840;
    // -27840 x 21 % = -5846.4 -> -5846.
    expect([dA.bookNbv[i(dA, '2028-01-01')], dA.taxNbv[i(dA, '2028-01-01')], dA.deferredTax[i(dA, '2028-01-01')]]).toEqual([0, 27840, -5846]);
    // Over the union of months: the tax schedule runs to December 2030.
    expect(dA.startMonth).toBe(monthIndexOf('2025-01-01'));
    expect(dA.deferredTax.length).toBe(72);
  });

  it('lot B: book NBV carried at salvage after its schedule ends', () => {
    // Mar 2025: book 50000 - 1875 = 48125, tax 0: 48125 x 21 % = 10106.25 -> 10106 (a liability).
    expect(dB.deferredTax[0]).toBe(10106);
    // From Feb 2027 the book NBV is the 50.00 salvage: 5000 x 21 % = 1050, to the tax schedule's end.
    expect(dB.deferredTax[i(dB, '2027-02-01')]).toBe(1050);
    expect(dB.deferredTax[dB.deferredTax.length - 1]).toBe(1050);
    expect(dB.bookNbv[dB.bookNbv.length - 1]).toBe(5000);
  });

  it('the fleet: sums of the lots, lot B counting from March 2025', () => {
    const f = sumDeferredTax([dA, dB]);
    expect(f.startMonth).toBe(monthIndexOf('2025-01-01'));
    // Jan 2025: only A: -233. Mar 2025: A: book 91667, tax 95000: -3333 x 21 % = -699.93 -> -700; + B 10106 = 9406.
    expect(f.deferredTax[0]).toBe(-233);
    expect(f.deferredTax[2]).toBe(-700 + 10106);
    // December 2030: A fully depreciated in both books (0), B at salvage: 1050.
    expect(f.deferredTax[f.deferredTax.length - 1]).toBe(1050);
    expect(f.bookNbv[2]).toBe(91667 + 48125);
  });

  it('a lot without tax depreciation (tax class none): a deferred tax asset as book depreciates', () => {
    const c = lot({ unitCost: 12000, inService: '2025-01-01', taxClass: 'none' });
    const t = computeTaxSchedules(fleet([c])).schedules[0];
    const d = deferredTaxByMonth(bookSchedule(c.id, '2025-01-01', 12000, Array(12).fill(1000)), t, 25);
    // Month 12: book 0, tax 12000: -12000 x 25 % = -3000.
    expect(d.deferredTax.length).toBe(12);
    expect(d.deferredTax[11]).toBe(-3000);
  });
});

describe('percent of cents, half away from zero, exact', () => {
  it('halves go away from zero', () => {
    // 150 x 21 % = 31.5 -> 32; -150 -> -32.
    expect([centsTimesPct(150, 21), centsTimesPct(-150, 21)]).toEqual([32, -32]);
  });
  it('a decimal rate whose float product falls just under the half', () => {
    // 1000 x 16.15 % = 161.5 exactly (in floating point 1000 * 16.15 / 100 = 161.49999999999997): 162.
    expect((1000 * 16.15) / 100).toBeLessThan(161.5);
    expect(centsTimesPct(1000, 16.15)).toBe(162);
    expect(centsTimesPct(-1000, 16.15)).toBe(-162);
    // 3 x 21.5 % = 0.645 -> 1; 7 x 21.5 % = 1.505 -> 2.
    expect([centsTimesPct(3, 21.5), centsTimesPct(7, 21.5)]).toEqual([1, 2]);
  });
});

describe('integer division rounding (roundDiv, mulDivRound)', () => {
  it('agrees with exact BigInt rounding, halves away from zero, up to the safe-integer range', () => {
    const exact = (n: bigint, d: bigint) => {
      const a = n < 0n ? -n : n;
      const q = a / d + (2n * (a % d) >= d ? 1n : 0n);
      return Number(n < 0n ? -q : q);
    };
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 1_000_000_000 }), (n, d) => {
        expect(roundDiv(n, d)).toBe(exact(BigInt(n), BigInt(d)));
      }),
      { numRuns: 2000 },
    );
    // Products past 2^53 go through BigInt.
    expect(mulDivRound(2 ** 50 + 1, 10000, 20000)).toBe(exact((2n ** 50n + 1n) * 10000n, 20000n));
    expect([roundDiv(5, 10), roundDiv(-5, 10), roundDiv(4, 10), roundDiv(-15, 10)]).toEqual([1, -1, 0, -2]);
  });
});
