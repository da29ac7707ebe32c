import type { Benchmark } from './harness';
import type { Fleet, FleetEvent, Lot } from '../../shared/domain/fleet';
import { DEFAULT_ASSUMPTIONS } from '../../shared/domain/fleet';
import { computeBookSchedules } from '../../shared/engine/book/schedule';
import { rollupPeriods } from '../../shared/engine/book/periods';
import type { LotSchedule } from '../../shared/engine/book/types';

/**
 * A deterministic fleet of `count` lots with 120-month lives (the horizon of DESIGN.md section 11):
 * mostly SL full-month as real registers are, some mid-month, half-year, mid-quarter, DDB, 150DB and
 * SYD; in service over 2021..2026; about 3% of lots with an event (disposal, impairment, change of
 * estimate, held for sale, idle).
 */
function makeFleet(count: number): Fleet {
  let seed = 0x2545f491;
  const random = () => {
    // xorshift32: the same fleet on every run
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const pick = <T>(weighted: [T, number][]): T => {
    let r = random();
    for (const [value, weight] of weighted) if ((r -= weight) < 0) return value;
    return weighted[weighted.length - 1][0];
  };
  const lots: Lot[] = [];
  const events: FleetEvent[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2021 + Math.floor(random() * 6);
    const month = 1 + Math.floor(random() * 12);
    const method = pick<Lot['method']>([['SL', 0.85], ['DDB', 0.08], ['150DB', 0.04], ['SYD', 0.03]]);
    const convention = method === 'SL' ? pick<Lot['convention']>([['full-month', 0.8], ['mid-month', 0.1], ['half-year', 0.06], ['mid-quarter', 0.04]]) : 'full-month';
    const lot: Lot = {
      id: `LOT-${i}`,
      assetClass: random() < 0.6 ? 'ASIC' : 'GPU',
      model: 'bench',
      quantity: 1 + Math.floor(random() * 500),
      unitCost: 100_000 + Math.floor(random() * 3_000_000),
      inService: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      salvagePct: pick([[0, 0.5], [5, 0.3], [10, 0.2]]),
      lifeMonths: 120,
      method,
      convention,
      taxClass: 'MACRS-5',
    };
    lots.push(lot);
    if (random() < 0.03) {
      const date = `${year + 1 + Math.floor(random() * 4)}-${String(month).padStart(2, '0')}-15`;
      const type = pick<FleetEvent['type']>([['disposal', 0.4], ['impairment', 0.25], ['change-estimate', 0.2], ['held-for-sale', 0.1], ['idle', 0.05]]);
      const cost = lot.quantity * lot.unitCost;
      if (type === 'disposal') events.push({ lotId: lot.id, type, date, units: Math.max(1, Math.floor(lot.quantity / 3)), proceeds: Math.floor(cost / 5) });
      else if (type === 'impairment') events.push({ lotId: lot.id, type, date, fairValue: Math.floor(cost / 4) });
      else if (type === 'change-estimate') events.push({ lotId: lot.id, type, date, lifeMonths: 72, salvagePct: 2 });
      else if (type === 'held-for-sale') events.push({ lotId: lot.id, type, date, fairValueLessCosts: Math.floor(cost / 6) });
      else events.push({ lotId: lot.id, type, date });
    }
  }
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth: 7 }, lots, events, scenarios: [] };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'book schedule 10,000 lots x 120 months',
    targetMs: 50,
    setup: () => makeFleet(10_000),
    run: (fleet: Fleet) => computeBookSchedules(fleet).length,
  },
  {
    name: 'book schedule 100,000 lots x 120 months',
    targetMs: 500,
    runs: 5,
    setup: () => makeFleet(100_000),
    run: (fleet: Fleet) => computeBookSchedules(fleet).length,
  },
  {
    name: 'book rollup 10,000 lots by month, quarter, fiscal year',
    setup: () => computeBookSchedules(makeFleet(10_000)),
    run: (schedules: LotSchedule[]) => {
      const calendar = { startMonth: 7 };
      return ['month', 'quarter', 'year'].map((kind) => rollupPeriods(schedules, kind as 'month', calendar).length);
    },
  },
];
