import type { PeriodKind } from '../../../shared/engine/book/types';
import type { DeferredTaxPeriod } from '../../../shared/engine/tax';
import type { DeferredResult } from './deferredProtocol';
import { scopeKey, type ScheduleScope } from './protocol';
import { useWorkerQuery, type WorkerQueryState } from './useWorkerQuery';

export interface DeferredTaxState extends Omit<WorkerQueryState<DeferredResult>, 'value'> {
  /** The latest periods computed; kept while a newer computation runs, so the table does not blink. */
  rows: DeferredTaxPeriod[];
  /** The tax rate the rows were computed at (Assumptions, Tax Rate %). */
  taxRatePct: number | null;
}

const NO_ROWS: DeferredTaxPeriod[] = [];

/** Deferred tax of the open document by period, for the fleet, one class or one lot, computed in the engine worker. */
export function useDeferredTax(period: PeriodKind, scope: ScheduleScope): DeferredTaxState {
  const { value, ...state } = useWorkerQuery<DeferredResult>(`${period}|${scopeKey(scope)}`, (client, input, done) =>
    client.requestDeferred({ period, scope, exclude: input.exclude }, (o) => done(o.status === 'ok' ? { status: 'ok', value: o.result, computeMs: o.computeMs } : o)),
  );
  return { ...state, rows: value?.rows ?? NO_ROWS, taxRatePct: value?.taxRatePct ?? null };
}
