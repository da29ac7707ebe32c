import type { Benchmark } from './harness';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../shared/domain/fleet';
import { computeBookSchedules } from '../../shared/engine/book';
import type { LotSchedule } from '../../shared/engine/book/types';
import { computeEconomicValues, marketFromAssumptions, rollupByClass, rollupEconomics, type LotEconomics, type MarketDrivers } from '../../shared/engine/economic';
import { HARDWARE_PRESETS } from '../../shared/presets';

/**
 * Economic value for 10,000 lots x 120 months (physical life 120 for both classes): lots drawn from
 * the presets (10 ASIC, 4 GPU models) and 84 monthly vintages, so lots share computations as a real
 * register does; the worst case gives every lot its own unit cost (10,000 distinct computations).
 * Books come from the book engine in setup (untimed), so the gap columns are filled too.
 */
const LOTS = 10_000;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface State {
  fleet: Fleet;
  books: LotSchedule[];
  drivers: MarketDrivers;
}

function makeState(distinct: boolean): State {
  const rnd = lcg(42);
  const models = HARDWARE_PRESETS.filter((p) => p.assetClass === 'ASIC' || p.powerW !== undefined);
  const lots: Lot[] = [];
  for (let i = 0; i < LOTS; i++) {
    const p = models[Math.floor(rnd() * models.length)];
    const k = Math.floor(rnd() * 84);
    const y = 2021 + Math.floor(k / 12);
    const m = (k % 12) + 1;
    const base = p.assetClass === 'ASIC' ? p.hashrateThs! * 1500 : p.serverCapexUsd! * 100;
    lots.push({
      id: `L${i}`,
      assetClass: p.assetClass,
      model: p.name,
      quantity: 1 + Math.floor(rnd() * 500),
      unitCost: distinct ? base + i : base,
      inService: `${y}-${String(m).padStart(2, '0')}-15`,
      salvagePct: 0,
      lifeMonths: p.bookLifeMonths,
      method: 'SL',
      convention: 'full-month',
      taxClass: 'MACRS-5',
    });
  }
  const assumptions = { ...DEFAULT_ASSUMPTIONS, asOf: '2026-06-30', drivers: { asicphysicallifemonths: 120, gpuphysicallifemonths: 120 } };
  const r = marketFromAssumptions(assumptions);
  if (!r.ok) throw new Error('drivers');
  const fleet: Fleet = { assumptions, lots, events: [], scenarios: [] };
  return { fleet, books: computeBookSchedules(fleet), drivers: r.value };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'economic value 10,000 lots x 120 months (presets x vintages)',
    targetMs: 100,
    warmups: 3,
    setup: () => makeState(false),
    run: (s: State) => computeEconomicValues(s.fleet, s.books, s.drivers),
  },
  {
    name: 'economic value 10,000 lots x 120 months, no books',
    targetMs: 100,
    warmups: 3,
    setup: () => makeState(false),
    run: (s: State) => computeEconomicValues(s.fleet, null, s.drivers),
  },
  {
    name: 'economic value 10,000 lots x 120 months, every lot distinct',
    setup: () => makeState(true),
    run: (s: State) => computeEconomicValues(s.fleet, s.books, s.drivers),
  },
  {
    name: 'economic rollups (fleet + by class) of 10,000 lots x 120 months',
    setup: (): LotEconomics[] => {
      const s = makeState(false);
      return computeEconomicValues(s.fleet, s.books, s.drivers);
    },
    run: (list: LotEconomics[]) => [rollupEconomics(list), rollupByClass(list)],
  },
];
