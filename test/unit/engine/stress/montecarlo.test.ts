import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../shared/domain/dates';
import type { Fleet } from '../../../../shared/domain/fleet';
import { computeBookSchedules } from '../../../../shared/engine/book';
import { computeEconomicValues, marketFromAssumptions, rollupEconomics, type LotEconomics } from '../../../../shared/engine/economic';
import { createMonteCarlo, runMonteCarlo, unitsAfterDisposals, type MonteCarloOptions, type MonteCarloResult } from '../../../../shared/engine/stress';
import { fleetOf, lot, mixedFleet } from './helpers';

const ZERO_VOL = { btcpricevolatilityyr: 0, hashratevolatilityyr: 0, gpurentdecayvolatilityyr: 0 };

function mc(fleet: Fleet, options: MonteCarloOptions): MonteCarloResult {
  const r = runMonteCarlo(fleet, options);
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
  return r.value;
}

function engine(fleet: Fleet): LotEconomics[] {
  const m = marketFromAssumptions(fleet.assumptions);
  if (!m.ok) throw new Error('drivers');
  return computeEconomicValues(fleet, computeBookSchedules(fleet), m.value, { units: unitsAfterDisposals(fleet) });
}

describe('Monte Carlo: reproducible', () => {
  const fleet = mixedFleet(60, 11);

  it('the same seed gives the same numbers, twice in one process', () => {
    const a = mc(fleet, { paths: 120, seed: 7 });
    const b = mc(fleet, { paths: 120, seed: 7 });
    expect(b).toEqual(a);
    expect(a.paths).toBe(120);
    expect(a.stopped).toBe(false);
    // And the run really is random: another seed moves the bands.
    const c = mc(fleet, { paths: 120, seed: 8 });
    expect(Array.from(c.economicValue.p50)).not.toEqual(Array.from(a.economicValue.p50));
  });

  it('a run advanced a few paths at a time equals the one-shot run (each path has its own stream)', () => {
    const created = createMonteCarlo(fleet, { paths: 50, seed: 3 });
    if (!created.ok) throw new Error('drivers');
    const run = created.value;
    while (run.done < run.total) run.step(7);
    expect(run.result()).toEqual(mc(fleet, { paths: 50, seed: 3 }));
  });

  it('progress is reported and shouldStop stops between paths: the result is that of the paths done', () => {
    const seen: number[] = [];
    let asked = 0;
    const r = mc(fleet, { paths: 100, seed: 5, progressEvery: 10, onProgress: (done) => seen.push(done), shouldStop: () => ++asked > 30 });
    expect(r.stopped).toBe(true);
    expect(r.paths).toBe(30);
    expect(r.requestedPaths).toBe(100);
    expect(seen).toEqual([10, 20, 30]);
    const first30 = mc(fleet, { paths: 30, seed: 5 });
    expect(r.economicValue).toEqual(first30.economicValue);
    expect(r.lots).toEqual(first30.lots);
    const all: number[] = [];
    mc(fleet, { paths: 25, seed: 5, onProgress: (done, total) => all.push(done * 1000 + total) });
    expect(all.at(-1)).toBe(25 * 1000 + 25);
  });
});

describe('Monte Carlo: zero volatility is the deterministic result', () => {
  it('one lot: P5 = P50 = P95 = the economic engine\'s value, month by month, to the cent', () => {
    const fleet = fleetOf([lot({ id: 'A', assetClass: 'ASIC', model: 'Antminer S21', quantity: 37, unitCost: 350000, inService: '2025-09-10', lifeMonths: 36 })], {
      asOf: '2026-06-30',
      drivers: ZERO_VOL,
    });
    const r = mc(fleet, { paths: 40, seed: 1 });
    const [e] = engine(fleet);
    expect(r.length).toBeGreaterThan(30);
    for (let j = 0; j < r.length; j++) {
      const want = e.economicValue[r.startMonth + j - e.startMonth];
      expect(r.economicValue.p5[j]).toBe(want);
      expect(r.economicValue.p50[j]).toBe(want);
      expect(r.economicValue.p95[j]).toBe(want);
      expect(r.deterministicEconomicValue[j]).toBe(want);
      expect(Math.abs(r.economicValue.mean[j] - want)).toBeLessThanOrEqual(1);
      expect(r.bookNbv[j]).toBe(e.bookNbv![r.startMonth + j - e.startMonth]);
    }
    expect(r.lots[0].economicLife).toEqual({ p10: e.economicLifeMonths, p50: e.economicLifeMonths, p90: e.economicLifeMonths, mean: e.economicLifeMonths });
    expect(r.lots[0].gaapImpairmentProbability).toBe(e.recoverabilityImpaired ? 1 : 0);
  });

  it('a mixed fleet: every band equals the deterministic path, which is the engine rollup to the rounding of each lot', () => {
    const fleet = mixedFleet(150, 21, ZERO_VOL);
    const r = mc(fleet, { paths: 30, seed: 9 });
    const lots = engine(fleet);
    const roll = rollupEconomics(lots);
    for (let j = 0; j < r.length; j++) {
      const det = r.deterministicEconomicValue[j];
      expect(r.economicValue.p5[j]).toBe(det);
      expect(r.economicValue.p50[j]).toBe(det);
      expect(r.economicValue.p95[j]).toBe(det);
      const m = r.startMonth + j;
      const valued = lots.filter((e) => e.modelled && m >= e.startMonth && m < e.startMonth + e.length).length;
      // The engine rounds each lot to the cent; the Monte Carlo rounds the fleet sum once.
      expect(Math.abs(det - roll.economicValue[m - roll.startMonth])).toBeLessThanOrEqual(valued / 2 + 1);
      expect(r.bookNbv[j]).toBe(roll.bookNbv![m - roll.startMonth]);
    }
    const ms = monthIndexOf('2026-06-01');
    lots.forEach((e, i) => {
      const risk = r.lots[i];
      expect(risk.lotId).toBe(e.lotId);
      expect(risk.valued).toBe(e.asOfIndex >= 0 && e.bookNbvAtAsOf !== undefined);
      if (risk.valued) {
        expect(risk.gaapImpairmentProbability).toBe(e.recoverabilityImpaired ? 1 : 0);
        expect(risk.ifrsImpairmentProbability).toBe(e.ifrsImpaired ? 1 : 0);
      }
      // Lots placed in service after the market start are solved from in-service: the same life.
      if (e.modelled && e.startMonth > ms) expect(risk.economicLife?.p50).toBe(e.economicLifeMonths);
    });
    expect(lots.some((e) => e.recoverabilityImpaired)).toBe(true);
    expect(r.gaapImpairedLotsMean).toBe(lots.filter((e) => e.recoverabilityImpaired).length);
  });

  it('shocks reach only their class: BTC and hashrate volatility leave GPUs fixed, rent-decay volatility leaves ASICs fixed', () => {
    const gpu = fleetOf([lot({ id: 'G', assetClass: 'GPU', model: 'NVIDIA H100 80GB SXM5', quantity: 2, unitCost: 25000000, inService: '2026-02-01' })], {
      asOf: '2026-01-31',
      drivers: { btcpricevolatilityyr: 80, hashratevolatilityyr: 40, gpurentdecayvolatilityyr: 0 },
    });
    const g = mc(gpu, { paths: 20 });
    expect(Array.from(g.economicValue.p5)).toEqual(Array.from(g.economicValue.p95));
    const moved = mc({ ...gpu, assumptions: { ...gpu.assumptions, drivers: { gpurentdecayvolatilityyr: 10 } } }, { paths: 20 });
    // Month 0 is January, before the lot is in service; February is its first month.
    expect(moved.economicValue.p95[1]).toBeGreaterThan(moved.economicValue.p5[1]);
    const asic = fleetOf([lot({ id: 'A', assetClass: 'ASIC', model: 'Antminer S21 XP', quantity: 3, unitCost: 500000, inService: '2026-02-01' })], {
      asOf: '2026-01-31',
      drivers: { btcpricevolatilityyr: 0, hashratevolatilityyr: 0, gpurentdecayvolatilityyr: 30 },
    });
    const a = mc(asic, { paths: 20 });
    expect(Array.from(a.economicValue.p5)).toEqual(Array.from(a.economicValue.p95));
  });
});

describe('Monte Carlo: properties of the bands', () => {
  const fleet = mixedFleet(120, 5);
  const r = mc(fleet, { paths: 300, seed: 2 });

  it('P5 <= P50 <= P95 every month, for the value and the gap; the gap is the NBV less the value', () => {
    expect(r.length).toBeGreaterThan(24);
    for (let j = 0; j < r.length; j++) {
      const e = r.economicValue;
      const g = r.gap;
      expect(e.p5[j]).toBeLessThanOrEqual(e.p50[j]);
      expect(e.p50[j]).toBeLessThanOrEqual(e.p95[j]);
      expect(g.p5[j]).toBeLessThanOrEqual(g.p50[j]);
      expect(g.p50[j]).toBeLessThanOrEqual(g.p95[j]);
      expect(g.p5[j]).toBe(r.bookNbv[j] - e.p95[j]);
      expect(g.p95[j]).toBe(r.bookNbv[j] - e.p5[j]);
      expect(e.p5[j]).toBeGreaterThanOrEqual(0);
    }
    // Volatility spreads the outcomes at the start.
    expect(r.economicValue.p95[0]).toBeGreaterThan(r.economicValue.p5[0]);
  });

  it('economic life: P10 <= P50 <= P90 per lot, and the distribution sums to 1', () => {
    let withLife = 0;
    for (const l of r.lots) {
      if (!l.economicLife) continue;
      withLife++;
      expect(l.economicLife.p10).toBeLessThanOrEqual(l.economicLife.p50);
      expect(l.economicLife.p50).toBeLessThanOrEqual(l.economicLife.p90);
    }
    expect(withLife).toBeGreaterThan(50);
    const total = r.lifeDistribution.reduce((s, x) => s + x, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('impairment probabilities are shares of paths', () => {
    for (const l of r.lots) {
      if (!l.valued) {
        expect(l.gaapImpairmentProbability).toBeNaN();
        continue;
      }
      expect(l.gaapImpairmentProbability * 300).toBeCloseTo(Math.round(l.gaapImpairmentProbability * 300), 9);
      expect(l.gaapImpairmentProbability).toBeGreaterThanOrEqual(0);
      expect(l.gaapImpairmentProbability).toBeLessThanOrEqual(1);
    }
    expect(r.anyGaapImpairmentProbability).toBeGreaterThan(0);
  });

  it('a fleet with nothing to value gives empty bands', () => {
    const r = mc(fleetOf([lot({ id: 'R', assetClass: 'Other', unitCost: 100000 })]), { paths: 5 });
    expect([r.length, r.paths, r.unmodelledLots, r.lots[0].valued, r.lots[0].economicLife]).toEqual([0, 5, 1, false, null]);
  });

  it('bad volatility keys are problems on the Assumptions sheet', () => {
    const bad = runMonteCarlo(mixedFleet(5, 1, { btcpricevolatilityyr: -5, gpurentdecayvolatilityyr: 'lots' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.map((p) => `${p.sheet}: ${p.message}`)).toEqual([
        'Assumptions: BTC Price Volatility (%/yr): -5 is out of range (>= 0 and <= 300)',
        'Assumptions: GPU Rent Decay Volatility (%/yr): "lots" is not a number',
      ]);
    }
  });
});
