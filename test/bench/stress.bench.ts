import type { Benchmark } from './harness';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../shared/domain/fleet';
import { computeBookSchedules } from '../../shared/engine/book';
import type { LotSchedule } from '../../shared/engine/book/types';
import { lifeWhatIf, prepareFleet, runMonteCarlo, sensitivity, type PreparedFleet } from '../../shared/engine/stress';
import { HARDWARE_PRESETS } from '../../shared/presets';

/**
 * Stress engine on 10,000 lots, physical life 72 months (DESIGN.md section 11 and issue 7): lots
 * drawn from the presets (10 ASIC, 4 GPU models) and 84 monthly vintages 2021-2027, As Of
 * 2026-06-30, so lots share model and vintage as a real register does; the "distinct" case gives
 * every lot its own unit cost (GPU lots then cannot share, ASICs under the cash-flow resale model
 * still do). Books are computed in setup (untimed).
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
  prepared: PreparedFleet;
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
      id: `L${i}`, assetClass: p.assetClass, model: p.name, quantity: 1 + Math.floor(rnd() * 500),
      unitCost: distinct ? base + i : base, inService: `${y}-${String(m).padStart(2, '0')}-15`, salvagePct: 0,
      lifeMonths: p.bookLifeMonths, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5',
    });
  }
  const assumptions = { ...DEFAULT_ASSUMPTIONS, asOf: '2026-06-30', drivers: { asicphysicallifemonths: 72, gpuphysicallifemonths: 72 } };
  const fleet: Fleet = { assumptions, lots, events: [], scenarios: [] };
  return { fleet, books: computeBookSchedules(fleet), prepared: prepareFleet(fleet) };
}

const TWELVE = [
  'hashpricephday', 'hashpricedriftyr', 'halvingshiftmonths', 'feeshare', 'uptime', 'asicpowerpricekwh',
  'gpurentdecayyr', 'gpuutilization', 'pue', 'gpupowerpricekwh', 'liquidationfactor', 'discountrate',
];

function mc(s: State) {
  const r = runMonteCarlo(s.fleet, { paths: 1000, seed: 1, books: s.books, prepared: s.prepared });
  if (!r.ok) throw new Error('drivers');
  return r.value;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'stress Monte Carlo 1,000 paths x 10,000 lots x 72 months',
    targetMs: 3000,
    runs: 5,
    setup: () => makeState(false),
    run: mc,
  },
  {
    name: 'stress Monte Carlo 1,000 paths, every lot distinct',
    runs: 3,
    setup: () => makeState(true),
    run: mc,
  },
  {
    name: 'stress tornado 12 drivers x 10,000 lots',
    targetMs: 1000,
    setup: () => makeState(false),
    run: (s: State) => {
      const r = sensitivity(s.fleet, { levers: TWELVE, books: s.books, prepared: s.prepared });
      if (!r.ok) throw new Error('drivers');
      return r.value;
    },
  },
  {
    name: 'stress tornado, every default lever (28) x 10,000 lots',
    setup: () => makeState(false),
    run: (s: State) => {
      const r = sensitivity(s.fleet, { books: s.books, prepared: s.prepared });
      if (!r.ok) throw new Error('drivers');
      return r.value;
    },
  },
  {
    name: 'stress life what-if 5 lives x 10,000 lots',
    setup: () => makeState(false),
    run: (s: State) => lifeWhatIf(s.fleet, { books: s.books }),
  },
];
