import type { AssetClass, Fleet, Lot } from '../../../shared/domain/fleet';
import type { PeriodKind, PeriodRow } from '../../../shared/engine/book/types';
import type { MonteCarloResult } from '../../../shared/engine/stress';
import type { MonteCarloQuery, StressQuery, StressResult } from './stressProtocol';
import type { DeferredQuery, DeferredTable } from './deferredProtocol';

/**
 * Messages between the renderer and the engine worker. The fleet goes over once and then as
 * patches (the lots that changed); results come back packed in one transferable Float64Array.
 */

export type ScheduleScope = { kind: 'fleet' } | { kind: 'class'; assetClass: AssetClass } | { kind: 'lot'; lotId: string };

export interface BookQuery {
  /** The book (GAAP/IFRS) or the tax book (MACRS); default book. */
  book?: 'book' | 'tax';
  period: PeriodKind;
  scope: ScheduleScope;
  /** Indexes of lots to leave out (their rows have problems in the grid). */
  exclude?: readonly number[];
}

/** Book vs economic value for the fleet, a class or a lot (DESIGN.md section 6). */
export interface ValueQuery {
  scope: ScheduleScope;
  exclude?: readonly number[];
}

/** One lot's figures at the as-of month, for the table beside the chart. */
export interface ValueLotRow {
  lotId: string;
  assetClass: AssetClass;
  model: string;
  modelled: boolean;
  issue?: string;
  economicLifeMonths: number;
  impliedLifeMonths: number;
  bookNbvAtAsOf: number | null;
  economicValueAtAsOf: number;
  recoverabilityImpaired: boolean;
  ifrsImpaired: boolean;
}

export interface ValueResult {
  startMonth: number;
  economicValue: Float64Array;
  bookNbv: Float64Array | null;
  gap: Float64Array | null;
  asOfMonth: number;
  lots: ValueLotRow[];
  unmodelledLots: number;
  recoverabilityImpairedLots: number;
  ifrsImpairedLots: number;
}

export type ToWorker =
  | { type: 'fleet'; version: number; fleet: Fleet }
  /** The same fleet with some lots replaced (same length, same events and assumptions). */
  | { type: 'patch'; version: number; baseVersion: number; lots: [index: number, lot: Lot][] }
  | { type: 'query'; id: number; version: number; query: BookQuery }
  | { type: 'value'; id: number; version: number; query: ValueQuery }
  /** Deferred tax by period (deferredProtocol.ts). */
  | { type: 'deferred'; id: number; version: number; query: DeferredQuery }
  | { type: 'stress'; id: number; version: number; query: StressQuery; exclude?: readonly number[] }
  /** Starts a Monte Carlo run, computed in slices between other messages (see stressCore.ts). */
  | { type: 'montecarlo'; id: number; version: number; query: MonteCarloQuery; exclude?: readonly number[] }
  /** Stops run `id`; the worker answers with the result of the paths done so far (stopped). */
  | { type: 'cancel'; id: number; version: number };

export type FromWorker =
  | { type: 'result'; id: number; version: number; table: PeriodTable; computeMs: number }
  | { type: 'value-result'; id: number; version: number; value: ValueResult; computeMs: number }
  | { type: 'deferred-result'; id: number; version: number; table: DeferredTable; computeMs: number }
  | { type: 'stress-result'; id: number; version: number; result: StressResult; computeMs: number }
  | { type: 'progress'; id: number; version: number; done: number; total: number }
  | { type: 'montecarlo-result'; id: number; version: number; result: MonteCarloResult; computeMs: number }
  | { type: 'error'; id: number; version: number; message: string };

/** The numeric fields of a PeriodRow, in packing order. */
export const PERIOD_FIELDS = [
  'firstMonth',
  'lastMonth',
  'openingCost',
  'additions',
  'disposedCost',
  'closingCost',
  'openingAccum',
  'depreciation',
  'impairment',
  'disposedAccum',
  'closingAccum',
  'openingNbv',
  'disposals',
  'closingNbv',
  'proceeds',
  'gainLoss',
] as const satisfies readonly (keyof PeriodRow)[];

/** Period rows packed row-major: values[r * PERIOD_FIELDS.length + f]. */
export interface PeriodTable {
  periods: string[];
  values: Float64Array;
}

export function packPeriods(rows: readonly PeriodRow[]): PeriodTable {
  const w = PERIOD_FIELDS.length;
  const values = new Float64Array(rows.length * w);
  rows.forEach((row, r) => PERIOD_FIELDS.forEach((f, k) => (values[r * w + k] = row[f])));
  return { periods: rows.map((r) => r.period), values };
}

export function unpackPeriods(t: PeriodTable): PeriodRow[] {
  const w = PERIOD_FIELDS.length;
  return t.periods.map((period, r) => {
    const row = { period } as PeriodRow;
    PERIOD_FIELDS.forEach((f, k) => (row[f] = t.values[r * w + k]));
    return row;
  });
}

export function scopeKey(scope: ScheduleScope): string {
  return scope.kind === 'fleet' ? 'fleet' : scope.kind === 'class' ? `class:${scope.assetClass}` : `lot:${scope.lotId}`;
}
