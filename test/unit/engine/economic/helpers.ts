import { DEFAULT_ASSUMPTIONS, type Assumptions, type Fleet, type Lot } from '../../../../shared/domain/fleet';
import type { LotSchedule } from '../../../../shared/engine/book/types';
import { marketFromAssumptions, type MarketDrivers } from '../../../../shared/engine/economic';

/** Drivers from an Assumptions sheet with these driver keys; fails the test on problems. */
export function driversFrom(keys: Record<string, number | string>, a: Partial<Assumptions> = {}): MarketDrivers {
  const r = marketFromAssumptions({ ...DEFAULT_ASSUMPTIONS, ...a, drivers: keys });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
  return r.value;
}

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

export function fleetOf(lots: Lot[], a: Partial<Assumptions> = {}): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, ...a }, lots, events: [], scenarios: [] };
}

/** A book schedule with constant cost and the given closing accumulated depreciation per month. */
export function bookOf(lotId: string, startMonth: number, cost: number, accum: number[]): LotSchedule {
  const n = accum.length;
  const z = () => new Float64Array(n);
  const additions = z();
  additions[0] = cost;
  const depreciation = z();
  accum.forEach((a, i) => (depreciation[i] = a - (i === 0 ? 0 : accum[i - 1])));
  return {
    lotId,
    startMonth,
    length: n,
    additions,
    disposedCost: z(),
    closingCost: new Float64Array(n).fill(cost),
    depreciation,
    impairment: z(),
    disposedAccum: z(),
    closingAccum: Float64Array.from(accum),
    proceeds: z(),
    gainLoss: z(),
    flags: new Uint8Array(n),
  };
}

/** Plain numbers of a typed array, for toEqual. */
export const arr = (a: ArrayLike<number> | undefined): number[] => Array.from(a ?? []);
