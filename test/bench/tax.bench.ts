import type { Benchmark } from './harness';
import { DEFAULT_ASSUMPTIONS, type Fleet, type FleetEvent, type Lot, type TaxClass } from '../../shared/domain/fleet';
import { toLocalDate } from '../../shared/domain/dates';
import { computeTaxSchedules, deferredTaxByMonth, sumDeferredTax } from '../../shared/engine/tax';
import type { LotSchedule } from '../../shared/engine/book/types';

/**
 * A synthetic fleet: lots placed in service across 120 months (2020-01 .. 2029-12), classes 3/5/7,
 * acquisition dates spread over the bonus regimes, some Section 179, and one lot in 20 partly sold.
 */
function makeFleet(n: number, fiscalYearStartMonth = 7): Fleet {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const classes: TaxClass[] = ['MACRS-3', 'MACRS-5', 'MACRS-5', 'MACRS-7'];
  const lots: Lot[] = [];
  const events: FleetEvent[] = [];
  for (let i = 0; i < n; i++) {
    const m = 2020 * 12 + Math.floor(rnd() * 120);
    const a = m - Math.floor(rnd() * 6);
    const quantity = 1 + Math.floor(rnd() * 500);
    const unitCost = 100_000 + Math.floor(rnd() * 3_000_000);
    const lot: Lot = {
      id: `lot-${i}`,
      assetClass: 'ASIC',
      model: 'S21',
      quantity,
      unitCost,
      inService: toLocalDate(Math.floor(m / 12), (m % 12) + 1, 1 + Math.floor(rnd() * 28)),
      acquired: toLocalDate(Math.floor(a / 12), (a % 12) + 1, 1),
      salvagePct: 0,
      lifeMonths: 48,
      method: 'SL',
      convention: 'full-month',
      taxClass: classes[i % classes.length],
      section179: i % 10 === 0 ? Math.floor(quantity * unitCost * 0.1) : undefined,
    };
    lots.push(lot);
    if (i % 20 === 0) {
      const e = m + 6 + Math.floor(rnd() * 40);
      events.push({ type: 'disposal', lotId: lot.id, date: toLocalDate(Math.floor(e / 12), (e % 12) + 1, 10), units: Math.ceil(quantity / 3), proceeds: 1000 * quantity });
    }
  }
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth }, lots, events, scenarios: [] };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'tax schedules 10,000 lots x 120 months',
    setup: () => makeFleet(10_000),
    run: (fleet: Fleet) => computeTaxSchedules(fleet).schedules.length,
  },
  {
    name: 'tax schedules 100,000 lots x 120 months',
    setup: () => makeFleet(100_000),
    run: (fleet: Fleet) => computeTaxSchedules(fleet).schedules.length,
  },
  {
    name: 'deferred tax 10,000 lots (per lot + fleet total)',
    setup: () => {
      const fleet = makeFleet(10_000);
      const tax = computeTaxSchedules(fleet).schedules;
      // A stand-in for the book: the same lots as 7-year property without bonus (longer, slower).
      const book = computeTaxSchedules({ ...fleet, lots: fleet.lots.map((l) => ({ ...l, taxClass: 'MACRS-7' as const, bonusPct: 0 })) }).schedules;
      return { tax, book };
    },
    run: ({ tax, book }: { tax: LotSchedule[]; book: LotSchedule[] }) => sumDeferredTax(tax.map((t, i) => deferredTaxByMonth(book[i], t, 21))).deferredTax.length,
  },
];
