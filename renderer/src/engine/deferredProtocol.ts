import type { PeriodKind } from '../../../shared/engine/book/types';
import type { DeferredTaxPeriod } from '../../../shared/engine/tax';
import type { ScheduleScope } from './protocol';

/**
 * Deferred tax queries (DESIGN.md section 5) between the renderer and the engine worker: book NBV
 * less tax NBV, times the workbook's tax rate, per period, for the fleet, a class or a lot.
 */
export interface DeferredQuery {
  period: PeriodKind;
  scope: ScheduleScope;
  /** Indexes of lots to leave out (their rows have problems in the grid). */
  exclude?: readonly number[];
}

/** The numeric fields of a DeferredTaxPeriod, in packing order. */
export const DEFERRED_FIELDS = [
  'firstMonth',
  'lastMonth',
  'bookNbv',
  'taxNbv',
  'temporaryDifference',
  'openingDeferredTax',
  'deferredTax',
  'change',
] as const satisfies readonly (keyof DeferredTaxPeriod)[];

/** Periods packed row-major (values[r * DEFERRED_FIELDS.length + f]), and the rate they were computed at. */
export interface DeferredTable {
  periods: string[];
  values: Float64Array;
  taxRatePct: number;
}

export interface DeferredResult {
  rows: DeferredTaxPeriod[];
  taxRatePct: number;
}

export function packDeferred(rows: readonly DeferredTaxPeriod[], taxRatePct: number): DeferredTable {
  const w = DEFERRED_FIELDS.length;
  const values = new Float64Array(rows.length * w);
  rows.forEach((row, r) => DEFERRED_FIELDS.forEach((f, k) => (values[r * w + k] = row[f])));
  return { periods: rows.map((r) => r.period), values, taxRatePct };
}

export function unpackDeferred(t: DeferredTable): DeferredResult {
  const w = DEFERRED_FIELDS.length;
  const rows = t.periods.map((period, r) => {
    const row = { period } as DeferredTaxPeriod;
    DEFERRED_FIELDS.forEach((f, k) => (row[f] = t.values[r * w + k]));
    return row;
  });
  return { rows, taxRatePct: t.taxRatePct };
}
