import { DEFAULT_ASSUMPTIONS, type Assumptions, type Fleet, type FleetEvent, type Lot, type ScenarioOverride } from '../../../../shared/domain/fleet';

export function lot(p: Partial<Lot> & Pick<Lot, 'id' | 'assetClass'>): Lot {
  return {
    model: '',
    quantity: 1,
    unitCost: 0,
    inService: '2026-01-01',
    salvagePct: 0,
    lifeMonths: 36,
    method: 'SL',
    convention: 'full-month',
    taxClass: 'MACRS-5',
    ...p,
  };
}

export function fleetOf(lots: Lot[], a: Partial<Assumptions> = {}, more: { events?: FleetEvent[]; scenarios?: ScenarioOverride[] } = {}): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, drivers: {}, ...a }, lots, events: more.events ?? [], scenarios: more.scenarios ?? [] };
}

/** A deterministic pseudo-random stream for building test fleets (not the engine's generator). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ASIC_MODELS = ['Antminer S19j Pro', 'Antminer S21', 'Antminer S21 XP', 'Antminer T21'];
const GPU_MODELS = ['NVIDIA H100 80GB SXM5', 'NVIDIA A100 80GB SXM4', 'NVIDIA B200 192GB'];

/**
 * A mixed register: preset ASICs and GPUs, a custom ASIC and GPU, an Other lot, vintages 2020-2027,
 * some disposals. `count` lots.
 */
export function mixedFleet(count: number, seed: number, drivers: Record<string, number | string> = {}, a: Partial<Assumptions> = {}): Fleet {
  const rnd = lcg(seed);
  const lots: Lot[] = [];
  const events: FleetEvent[] = [];
  for (let i = 0; i < count; i++) {
    const kind = rnd();
    const y = 2020 + Math.floor(rnd() * 8);
    const m = 1 + Math.floor(rnd() * 12);
    const inService = `${y}-${String(m).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const quantity = 1 + Math.floor(rnd() * 40);
    const id = `L${i}`;
    if (kind < 0.45) {
      lots.push(lot({ id, assetClass: 'ASIC', model: ASIC_MODELS[Math.floor(rnd() * ASIC_MODELS.length)], quantity, unitCost: 200000 + Math.floor(rnd() * 300000), inService, lifeMonths: 36, salvagePct: Math.floor(rnd() * 10) }));
    } else if (kind < 0.8) {
      lots.push(lot({ id, assetClass: 'GPU', model: GPU_MODELS[Math.floor(rnd() * GPU_MODELS.length)], quantity, unitCost: 15000000 + Math.floor(rnd() * 25000000), inService, lifeMonths: 60, method: rnd() < 0.5 ? 'SL' : 'DDB' }));
    } else if (kind < 0.88) {
      lots.push(lot({ id, assetClass: 'ASIC', model: 'Custom rig', hashrateThs: 150, powerW: 3200, quantity, unitCost: 250000, inService, lifeMonths: 48, convention: 'mid-month' }));
    } else if (kind < 0.95) {
      lots.push(lot({ id, assetClass: 'GPU', model: 'Custom GPU', gpusPerUnit: 4, powerW: 3000, rentPerGpuHour: 1.5, quantity, unitCost: 8000000, inService, lifeMonths: 48 }));
    } else {
      lots.push(lot({ id, assetClass: 'Other', model: 'Rack', quantity, unitCost: 100000, inService, lifeMonths: 60 }));
    }
    if (rnd() < 0.1 && quantity > 2) {
      const dy = y + 1;
      events.push({ type: 'disposal', lotId: id, date: `${dy}-${String(m).padStart(2, '0')}-15`, units: Math.floor(quantity / 2), proceeds: 1000 });
    }
  }
  return fleetOf(lots, { asOf: '2026-06-30', ...a, drivers: { ...drivers, ...(a.drivers ?? {}) } }, { events });
}
