import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, monthIndexOf, toLocalDate } from '../../../../shared/domain/dates';
import { fiscalMonthPosition, fiscalYearStartMonth, type FiscalCalendar } from '../../../../shared/domain/fiscal';
import { DEFAULT_ASSUMPTIONS, type FleetEvent, type Lot } from '../../../../shared/domain/fleet';
import { roundHalfAway } from '../../../../shared/domain/money';
import { aggregatePeriods, rollupPeriods } from '../../../../shared/engine/book/periods';
import { computeBookSchedules, computeLotSchedule, computeLotScheduleDetailed } from '../../../../shared/engine/book/schedule';
import type { LotSchedule, PeriodRow } from '../../../../shared/engine/book/types';
import { monthlyTies, sum } from './helpers';

// Properties that must hold for every lot and every log of events (DESIGN.md section 4, section 11).

const RUNS = { numRuns: 300 };

const dateIn = (month: number, day: number) => {
  const y = Math.floor(month / 12);
  const m = (month % 12) + 1;
  return toLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
};

const lotArb: fc.Arbitrary<Lot> = fc
  .record({
    quantity: fc.integer({ min: 1, max: 40 }),
    unitCost: fc.integer({ min: 1, max: 50_000_000 }),
    month: fc.integer({ min: 2020 * 12, max: 2030 * 12 + 11 }),
    day: fc.integer({ min: 1, max: 31 }),
    salvagePct: fc.oneof(fc.constantFrom(0, 5, 10, 12.5, 100), fc.integer({ min: 0, max: 400 }).map((x) => x / 10)),
    years: fc.integer({ min: 1, max: 10 }),
    extraMonths: fc.integer({ min: 0, max: 11 }),
    method: fc.constantFrom('SL', 'SL', 'SL', 'DDB', '150DB', 'SYD') as fc.Arbitrary<Lot['method']>,
    convention: fc.constantFrom('full-month', 'mid-month', 'half-year', 'mid-quarter') as fc.Arbitrary<Lot['convention']>,
  })
  .map((r) => ({
    id: 'L',
    assetClass: 'GPU',
    model: 'H100',
    quantity: r.quantity,
    unitCost: r.unitCost,
    inService: dateIn(r.month, r.day),
    salvagePct: r.salvagePct,
    // SYD needs whole years; other methods take any number of months (1 .. 131).
    lifeMonths: r.method === 'SYD' ? 12 * r.years : Math.max(1, 12 * (r.years - 1) + r.extraMonths + 1),
    method: r.method,
    convention: r.convention,
    taxClass: 'none',
  }));

/** Events of a lot; dates are often drawn from a few shared dates, so events collide on a date or month. */
function eventArb(lot: Lot, sharedDates: string[] = []): fc.Arbitrary<FleetEvent> {
  const m0 = monthIndexOf(lot.inService);
  const cost = lot.quantity * lot.unitCost;
  const anyDate = fc.record({ offset: fc.integer({ min: -2, max: lot.lifeMonths + 14 }), day: fc.integer({ min: 1, max: 31 }) }).map((d) => dateIn(m0 + d.offset, d.day));
  const date = sharedDates.length > 0 ? fc.oneof(anyDate, fc.constantFrom(...sharedDates)) : anyDate;
  const money = fc.integer({ min: 0, max: Math.max(1, Math.round(cost * 1.2)) });
  return fc.oneof(
    fc.record({
      type: fc.constant('change-estimate' as const),
      date,
      lifeMonths: fc.option(fc.integer({ min: 1, max: 140 }), { nil: undefined }),
      salvagePct: fc.option(fc.integer({ min: 0, max: 300 }).map((x) => x / 10), { nil: undefined }),
    }),
    fc.record({ type: fc.constant('impairment' as const), date, fairValue: money }),
    fc.record({ type: fc.constant('held-for-sale' as const), date, fairValueLessCosts: money }),
    fc.record({ type: fc.constant('disposal' as const), date, units: fc.integer({ min: 1, max: lot.quantity }), proceeds: money }),
    fc.record({ type: fc.constant('idle' as const), date, until: fc.option(date, { nil: undefined }) }),
  ).map((e) => ({ ...e, lotId: lot.id }) as FleetEvent);
}

const caseArb = fc
  .tuple(lotArb, fc.integer({ min: 1, max: 12 }))
  .chain(([lot, startMonth]) =>
    fc.array(eventArb(lot).map((e) => e.date), { minLength: 1, maxLength: 3 }).chain((sharedDates) =>
      fc.record({
        lot: fc.constant(lot),
        calendar: fc.constant<FiscalCalendar>({ startMonth }),
        events: fc.array(eventArb(lot, sharedDates), { maxLength: 6 }),
      }),
    ),
  );

const COLUMNS = ['additions', 'disposedCost', 'closingCost', 'depreciation', 'impairment', 'disposedAccum', 'closingAccum', 'proceeds', 'gainLoss'] as const;
const FLOWS = ['additions', 'disposedCost', 'depreciation', 'impairment', 'disposedAccum', 'proceeds', 'gainLoss'] as const;

function rowTies(r: PeriodRow): boolean {
  return (
    r.openingCost + r.additions - r.disposedCost === r.closingCost &&
    r.openingAccum + r.depreciation + r.impairment - r.disposedAccum === r.closingAccum &&
    r.openingNbv === r.openingCost - r.openingAccum &&
    r.closingNbv === r.closingCost - r.closingAccum &&
    r.disposals === r.disposedCost - r.disposedAccum
  );
}

function nbv(s: LotSchedule, i: number): number {
  return s.closingCost[i] - s.closingAccum[i];
}

describe('book schedule properties', () => {
  it('every cent is an integer and every month ties', () => {
    fc.assert(
      fc.property(caseArb, ({ lot, events, calendar }) => {
        const s = computeLotSchedule(lot, events, calendar);
        for (const c of COLUMNS) for (let i = 0; i < s.length; i++) if (!Number.isInteger(s[c][i])) return false;
        return s.length >= 1 && COLUMNS.every((c) => s[c].length === s.length) && monthlyTies(s);
      }),
      RUNS,
    );
  });

  it('NBV never rises and never goes below the salvage of the remaining units', () => {
    fc.assert(
      fc.property(caseArb, ({ lot, events, calendar }) => {
        const { schedule: s, salvage } = computeLotScheduleDetailed(lot, events, calendar);
        let previous = s.additions[0];
        for (let i = 0; i < s.length; i++) {
          const value = nbv(s, i);
          if (value > previous || s.depreciation[i] < 0 || s.impairment[i] < 0) return false;
          if (salvage[i] < 0 || value < salvage[i]) return false;
          previous = value;
        }
        return true;
      }),
      RUNS,
    );
  });

  it('depreciation + impairment = cost - salvage - NBV at the end, adjusted for disposals', () => {
    fc.assert(
      fc.property(caseArb, ({ lot, events, calendar }) => {
        const { schedule: s, final } = computeLotScheduleDetailed(lot, events, calendar);
        const last = s.length - 1;
        const writtenOff = sum(s.depreciation) + sum(s.impairment) - sum(s.disposedAccum);
        const remainingCost = sum(s.additions) - sum(s.disposedCost);
        if (writtenOff !== remainingCost - nbv(s, last) || remainingCost !== final.cost) return false;
        // Unless held for sale or gone, the life is used up: the remaining units stand at their salvage.
        if (!final.heldForSale && !final.disposedAll && nbv(s, last) !== final.salvage) return false;
        return true;
      }),
      RUNS,
    );
  });

  it('without events the depreciation totals cost - round(cost x salvage %), computed here', () => {
    fc.assert(
      fc.property(lotArb, fc.integer({ min: 1, max: 12 }), (lot, startMonth) => {
        const s = computeLotSchedule(lot, [], { startMonth });
        const cost = lot.quantity * lot.unitCost;
        const salvage = Math.min(cost, roundHalfAway(Number(((cost * lot.salvagePct) / 100).toPrecision(15))));
        return sum(s.depreciation) === cost - salvage && s.closingAccum[s.length - 1] === cost - salvage;
      }),
      RUNS,
    );
  });

  it('with disposals only, the remaining salvage stays within a few cents of salvage % of the remaining cost', () => {
    const disposalsOnly = lotArb.chain((lot) =>
      fc.record({
        lot: fc.constant(lot),
        events: fc.array(eventArb(lot), { maxLength: 5 }).map((es) => es.filter((e) => e.type === 'disposal')),
      }),
    );
    fc.assert(
      fc.property(disposalsOnly, ({ lot, events }) => {
        const { schedule: s, final } = computeLotScheduleDetailed(lot, events, { startMonth: 1 });
        if (final.disposedAll) return s.closingCost[s.length - 1] === 0 && s.closingAccum[s.length - 1] === 0;
        const expected = (final.cost * lot.salvagePct) / 100;
        return Math.abs(nbv(s, s.length - 1) - expected) <= 2 * events.length + 1;
      }),
      RUNS,
    );
  });

  it('does not depend on the order the events were entered', () => {
    const withPermutation = caseArb.chain((c) =>
      fc.record({ c: fc.constant(c), shuffled: fc.shuffledSubarray(c.events, { minLength: c.events.length, maxLength: c.events.length }) }),
    );
    fc.assert(
      fc.property(withPermutation, ({ c, shuffled }) => {
        expect(computeLotSchedule(c.lot, shuffled, c.calendar)).toEqual(computeLotSchedule(c.lot, c.events, c.calendar));
      }),
      RUNS,
    );
  });

  it('month sums = quarter sums = year sums, and every period ties', () => {
    fc.assert(
      fc.property(caseArb, ({ lot, events, calendar }) => {
        const s = computeLotSchedule(lot, events, calendar);
        const months = aggregatePeriods(s, 'month', calendar);
        const quarters = aggregatePeriods(s, 'quarter', calendar);
        const years = aggregatePeriods(s, 'year', calendar);
        for (const rows of [months, quarters, years]) if (!rows.every(rowTies)) return false;
        for (const f of FLOWS) {
          const total = sum(months.map((r) => r[f]));
          if (total !== sum(quarters.map((r) => r[f])) || total !== sum(years.map((r) => r[f])) || total !== sum(s[f])) return false;
        }
        // Each quarter is the sum of its months; it starts on a fiscal-quarter boundary.
        for (const q of quarters) {
          if (fiscalMonthPosition(q.firstMonth, calendar) % 3 !== 0) return false;
          const inside = months.filter((m) => m.firstMonth >= q.firstMonth && m.firstMonth <= q.lastMonth);
          if (sum(inside.map((m) => m.depreciation)) !== q.depreciation) return false;
        }
        for (const y of years) if (fiscalYearStartMonth(y.firstMonth, calendar) !== y.firstMonth) return false;
        return months[0].firstMonth === s.startMonth && months[0].additions === s.additions[0] && months[0].openingCost === 0;
      }),
      RUNS,
    );
  });

  it('a class or fleet rollup ties each period and equals the sum of its lots', () => {
    const fleetArb = fc.tuple(fc.array(caseArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 12 }));
    fc.assert(
      fc.property(fleetArb, ([cases, startMonth]) => {
        const lots = cases.map((c, i) => ({ ...c.lot, id: `L${i}` }));
        const events = cases.flatMap((c, i) => c.events.map((e) => ({ ...e, lotId: `L${i}` })));
        const fleet = { assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth: startMonth }, lots, events, scenarios: [] };
        const calendar = { startMonth };
        const schedules = computeBookSchedules(fleet);
        // The fleet entry point gives each lot's own schedule.
        schedules.forEach((s, i) => expect(s).toEqual(computeLotSchedule(lots[i], events, calendar)));
        for (const kind of ['month', 'quarter', 'year'] as const) {
          const rows = rollupPeriods(schedules, kind, calendar);
          if (!rows.every(rowTies)) return false;
          for (let k = 1; k < rows.length; k++) {
            if (rows[k].openingCost !== rows[k - 1].closingCost || rows[k].firstMonth !== rows[k - 1].lastMonth + 1) return false;
          }
          for (const f of FLOWS) if (sum(rows.map((r) => r[f])) !== sum(schedules.map((s) => sum(s[f])))) return false;
          const closing = rows[rows.length - 1];
          const expectedCost = sum(schedules.map((s) => s.closingCost[s.length - 1]));
          const expectedAccum = sum(schedules.map((s) => s.closingAccum[s.length - 1]));
          if (closing.closingCost !== expectedCost || closing.closingAccum !== expectedAccum) return false;
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('a lot with only a flag gives the same cents as the same lot without events', () => {
    fc.assert(
      fc.property(lotArb, fc.integer({ min: 1, max: 12 }), (lot, startMonth) => {
        const calendar = { startMonth };
        const plain = computeLotSchedule(lot, [], calendar);
        const flagged = computeLotSchedule(lot, [{ lotId: lot.id, type: 'idle', date: lot.inService }], calendar);
        expect({ ...flagged, flags: null }).toEqual({ ...plain, flags: null });
        expect(Array.from(flagged.flags).every((f) => f === 1)).toBe(true);
      }),
      RUNS,
    );
  });
});
