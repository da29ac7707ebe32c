import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTaxSchedules, deferredTaxByMonth, sumDeferredTax } from '../../../../shared/engine/tax';
import { fiscalQuarterOf, fiscalYearOf } from '../../../../shared/domain/fiscal';
import { monthIndexOf, toLocalDate } from '../../../../shared/domain/dates';
import type { FleetEvent, Lot, TaxClass } from '../../../../shared/domain/fleet';
import { byTaxYear, fleet, lot, MQ_TABLE, PUB946, sum } from './helpers';

const lotArb = fc
  .record({
    cls: fc.constantFrom<TaxClass>('MACRS-3', 'MACRS-5', 'MACRS-7'),
    year: fc.integer({ min: 2018, max: 2031 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    quantity: fc.integer({ min: 1, max: 40 }),
    unitCost: fc.integer({ min: 1, max: 5_000_000 }),
    s179Pct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    bonusPct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    acquiredMonthsBefore: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  })
  .map((r): Lot => {
    const m = r.year * 12 + r.month - 1 - (r.acquiredMonthsBefore ?? 0);
    return lot({
      taxClass: r.cls,
      inService: toLocalDate(r.year, r.month, r.day),
      acquired: r.acquiredMonthsBefore === undefined ? undefined : toLocalDate(Math.floor(m / 12), (m % 12) + 1, 1),
      quantity: r.quantity,
      unitCost: r.unitCost,
      section179: r.s179Pct === undefined ? undefined : Math.floor((r.quantity * r.unitCost * r.s179Pct) / 100),
      bonusPct: r.bonusPct,
    });
  });

/** A plain check: vitest's expect is too slow for every cell of 300 random fleets. */
function check(ok: boolean, what: string, month: number): void {
  if (!ok) throw new Error(`${what} fails at month ${month}`);
}

const fleetArb = fc.record({ lots: fc.array(lotArb, { minLength: 1, maxLength: 6 }), fyStart: fc.integer({ min: 1, max: 12 }) });

describe('tax schedule properties (random lots, no disposals)', () => {
  it('total tax depreciation = cost; cents integers >= 0; NBV falls to 0 and never below', () => {
    fc.assert(
      fc.property(fleetArb, ({ lots, fyStart }) => {
        const r = computeTaxSchedules(fleet(lots, { fyStart }));
        lots.forEach((l, k) => {
          const s = r.schedules[k];
          expect(s.lotId).toBe(l.id);
          expect(s.startMonth).toBe(monthIndexOf(l.inService));
          expect(sum(s.depreciation)).toBe(l.quantity * l.unitCost);
          let prev = Infinity;
          for (let i = 0; i < s.length; i++) {
            check(Number.isInteger(s.depreciation[i]) && s.depreciation[i] >= 0, 'integer cents >= 0', i);
            const nbv = s.closingCost[i] - s.closingAccum[i];
            check(nbv >= 0 && nbv <= prev, 'NBV >= 0 and not rising', i);
            prev = nbv;
          }
          expect(prev).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('convention from the 40 % test recomputed here; month sums per tax year = Section 179 + bonus + basis x Pub 946 %, cumulative-rounded', () => {
    fc.assert(
      fc.property(fleetArb, ({ lots, fyStart }) => {
        const cal = { startMonth: fyStart };
        const r = computeTaxSchedules(fleet(lots, { fyStart }));
        // The 40 % test on cost - Section 179, by tax year.
        const tally = new Map<number, [number, number]>();
        for (const l of lots) {
          const m = monthIndexOf(l.inService);
          const t = tally.get(fiscalYearOf(m, cal)) ?? [0, 0];
          const basis = l.quantity * l.unitCost - (l.section179 ?? 0);
          t[0] += basis;
          if (fiscalQuarterOf(m, cal) === 4) t[1] += basis;
          tally.set(fiscalYearOf(m, cal), t);
        }
        lots.forEach((l, k) => {
          const m = monthIndexOf(l.inService);
          const [total, last] = tally.get(fiscalYearOf(m, cal))!;
          const table = last * 10 > total * 4 ? MQ_TABLE[fiscalQuarterOf(m, cal)] : 'A-1';
          const d = r.lots[k];
          expect(d.table).toBe(table);
          const pct = PUB946[table][Number(l.taxClass.slice(6)) as 3 | 5 | 7];
          let cumBp = 0;
          let prevC = 0;
          const expected = pct.map((p, y) => {
            cumBp += Math.round(p * 100);
            const c = Math.round((d.macrsBasis * cumBp) / 10000);
            const a = c - prevC + (y === 0 ? d.section179 + d.bonus : 0);
            prevC = c;
            return a;
          });
          expect([...byTaxYear(r.schedules[k], fyStart).values()]).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('tax schedule properties (random disposals)', () => {
  const withDisposals = fleetArb.chain(({ lots, fyStart }) =>
    fc
      .array(
        fc.record({
          k: fc.nat({ max: lots.length - 1 }),
          monthsAfter: fc.integer({ min: -2, max: 110 }),
          units: fc.integer({ min: 1, max: 30 }),
          proceeds: fc.integer({ min: 0, max: 10_000_000 }),
        }),
        { maxLength: 8 },
      )
      .map((ds) => ({
        lots,
        fyStart,
        events: ds.map((d): FleetEvent => {
          const m = monthIndexOf(lots[d.k].inService) + d.monthsAfter;
          return { type: 'disposal', lotId: lots[d.k].id, date: toLocalDate(Math.floor(m / 12), (m % 12) + 1, 15), units: d.units, proceeds: d.proceeds };
        }),
      })),
  );

  it('rollforward ties every month; disposed NBV and gains consistent; what is kept ends at tax NBV 0', () => {
    fc.assert(
      fc.property(withDisposals, ({ lots, fyStart, events }) => {
        const r = computeTaxSchedules(fleet(lots, { fyStart, events }));
        lots.forEach((l, k) => {
          const s = r.schedules[k];
          let cost = 0;
          let accum = 0;
          for (let i = 0; i < s.length; i++) {
            for (const col of [s.additions, s.disposedCost, s.depreciation, s.disposedAccum, s.gainLoss]) check(Number.isInteger(col[i]), 'integer cents', i);
            check(s.impairment[i] === 0, 'no impairment in the tax book', i);
            cost += s.additions[i] - s.disposedCost[i];
            accum += s.depreciation[i] - s.disposedAccum[i];
            check(s.closingCost[i] === cost && s.closingAccum[i] === accum, 'rollforward ties', i);
            check(s.depreciation[i] >= 0, 'depreciation >= 0', i);
            check(s.disposedAccum[i] <= s.disposedCost[i], 'disposed accumulated <= disposed cost', i);
            check(s.gainLoss[i] === s.proceeds[i] - (s.disposedCost[i] - s.disposedAccum[i]), 'gain = proceeds - NBV disposed', i);
            check(accum >= 0 && accum <= cost, '0 <= accumulated <= cost', i);
          }
          // Kept units are fully recovered at the end; when none are kept the lot leaves the books.
          expect(s.closingCost[s.length - 1] - s.closingAccum[s.length - 1]).toBe(0);
          expect(sum(s.depreciation)).toBeLessThanOrEqual(l.quantity * l.unitCost);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('deferred tax: cents of (book - tax NBV) x rate rounded half away; lots sum to the fleet', () => {
    fc.assert(
      fc.property(withDisposals, fc.integer({ min: 0, max: 50 }), ({ lots, fyStart, events }, rate) => {
        // Two tax books of the same fleet stand in for book and tax (only the arithmetic is tested here).
        const tax = computeTaxSchedules(fleet(lots, { fyStart, events })).schedules;
        const other = computeTaxSchedules(fleet(lots.map((l) => ({ ...l, taxClass: 'MACRS-7' as const, bonusPct: 0 })), { fyStart, events })).schedules;
        const perLot = tax.map((t, k) => deferredTaxByMonth(other[k], t, rate));
        for (const d of perLot) {
          for (let i = 0; i < d.deferredTax.length; i++) {
            const x = BigInt(d.temporaryDifference[i]) * BigInt(rate);
            const q = (x < 0n ? -x : x) / 100n;
            const rem = (x < 0n ? -x : x) % 100n;
            const rounded = Number(rem >= 50n ? q + 1n : q) * (x < 0n ? -1 : 1);
            check(d.deferredTax[i] === rounded, 'deferred tax rounded half away', i);
          }
        }
        const total = sumDeferredTax(perLot);
        for (let i = 0; i < total.deferredTax.length; i++) {
          let s = 0;
          for (const d of perLot) {
            const j = Math.min(total.startMonth + i - d.startMonth, d.deferredTax.length - 1);
            if (j >= 0) s += d.deferredTax[j];
          }
          check(total.deferredTax[i] === s, 'lots sum to the fleet', i);
        }
      }),
      { numRuns: 100 },
    );
  });
});
