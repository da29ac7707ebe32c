import { DEFAULT_ASSUMPTIONS, type Fleet, type FleetEvent, type Lot } from '../../../../shared/domain/fleet';
import { fiscalYearOf } from '../../../../shared/domain/fiscal';
import type { LotSchedule } from '../../../../shared/engine/book/types';

/**
 * IRS Publication 946, Appendix A, typed out here independently of the engine's embedded JSON
 * (percent of basis by recovery year). Same values as /work/shared/reference/fixed-assets.md (d).
 */
export const PUB946 = {
  'A-1': {
    3: [33.33, 44.45, 14.81, 7.41],
    5: [20.0, 32.0, 19.2, 11.52, 11.52, 5.76],
    7: [14.29, 24.49, 17.49, 12.49, 8.93, 8.92, 8.93, 4.46],
  },
  'A-2': {
    3: [58.33, 27.78, 12.35, 1.54],
    5: [35.0, 26.0, 15.6, 11.01, 11.01, 1.38],
    7: [25.0, 21.43, 15.31, 10.93, 8.75, 8.74, 8.75, 1.09],
  },
  'A-3': {
    3: [41.67, 38.89, 14.14, 5.3],
    5: [25.0, 30.0, 18.0, 11.37, 11.37, 4.26],
    7: [17.85, 23.47, 16.76, 11.97, 8.87, 8.87, 8.87, 3.34],
  },
  'A-4': {
    3: [25.0, 50.0, 16.67, 8.33],
    5: [15.0, 34.0, 20.4, 12.24, 11.3, 7.06],
    7: [10.71, 25.51, 18.22, 13.02, 9.3, 8.85, 8.86, 5.53],
  },
  'A-5': {
    3: [8.33, 61.11, 20.37, 10.19],
    5: [5.0, 38.0, 22.8, 13.68, 10.94, 9.58],
    7: [3.57, 27.55, 19.68, 14.06, 10.04, 8.73, 8.73, 7.64],
  },
} as const;

export type TableName = keyof typeof PUB946;
export const MQ_TABLE: Record<number, TableName> = { 1: 'A-2', 2: 'A-3', 3: 'A-4', 4: 'A-5' };

let seq = 0;
export function lot(over: Partial<Lot>): Lot {
  seq += 1;
  return {
    id: `L${seq}`,
    assetClass: 'ASIC',
    model: 'test',
    quantity: 1,
    unitCost: 10000,
    inService: '2024-01-15',
    salvagePct: 0,
    lifeMonths: 60,
    method: 'SL',
    convention: 'full-month',
    taxClass: 'MACRS-5',
    bonusPct: 0,
    ...over,
  };
}

export function fleet(lots: Lot[], opts: { fyStart?: number; events?: FleetEvent[]; drivers?: Record<string, number | string> } = {}): Fleet {
  return {
    assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth: opts.fyStart ?? 1, drivers: opts.drivers ?? {} },
    lots,
    events: opts.events ?? [],
    scenarios: [],
  };
}

/** Sum of a column by fiscal year (tax year), in year order. */
export function byTaxYear(s: LotSchedule, fyStart: number, column: Float64Array = s.depreciation): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const y = fiscalYearOf(s.startMonth + i, { startMonth: fyStart });
    out.set(y, (out.get(y) ?? 0) + column[i]);
  }
  return out;
}

export function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** NBV at the end of each month. */
export function nbv(s: LotSchedule): number[] {
  return Array.from({ length: s.length }, (_, i) => s.closingCost[i] - s.closingAccum[i]);
}
