import { useCallback, useEffect, useState } from 'react';
import type { PeriodKind } from '../../../shared/engine/book/types';
import type { DeferredTaxPeriod } from '../../../shared/engine/tax';
import { useDocumentStore } from '../store/documentStore';
import { selectEngineInput } from '../store/selectors';
import { scopeKey, type ScheduleScope } from './protocol';
import { getEngineClient } from './useBookSchedule';

export interface DeferredTaxState {
  status: 'computing' | 'ready' | 'error' | 'cancelled';
  /** The latest periods computed; kept while a newer computation runs, so the table does not blink. */
  rows: DeferredTaxPeriod[];
  /** The tax rate the rows were computed at (Assumptions, Tax Rate %). */
  taxRatePct: number | null;
  error?: string;
  computeMs?: number;
  excludedLots: number;
  cancel: () => void;
  retry: () => void;
}

const NO_ROWS: DeferredTaxPeriod[] = [];

/**
 * Deferred tax of the open document by period, for the fleet, one class or one lot, computed in the
 * engine worker. Recomputes when the document changes; an answer for an older request is dropped.
 */
export function useDeferredTax(period: PeriodKind, scope: ScheduleScope): DeferredTaxState {
  const input = useDocumentStore(selectEngineInput);
  const key = scopeKey(scope);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Pick<DeferredTaxState, 'status' | 'rows' | 'taxRatePct' | 'error' | 'computeMs'>>({
    status: 'computing',
    rows: NO_ROWS,
    taxRatePct: null,
  });

  useEffect(() => {
    const client = getEngineClient();
    client.setFleet(input.fleet);
    setResult((r) => (r.status === 'computing' ? r : { ...r, status: 'computing' }));
    return client.requestDeferred({ period, scope, exclude: input.exclude }, (o) => {
      if (o.status === 'ok') setResult({ status: 'ready', rows: o.result.rows, taxRatePct: o.result.taxRatePct, computeMs: o.computeMs });
      else if (o.status === 'error') setResult({ status: 'error', rows: NO_ROWS, taxRatePct: null, error: o.message });
      else setResult((r) => ({ ...r, status: 'cancelled' }));
    });
    // scope is keyed by its string form; a new object for the same scope is the same request.
  }, [input.fleet, input.exclude, period, key, attempt]);

  const cancel = useCallback(() => getEngineClient().cancelAll(), []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...result, excludedLots: input.excludedLots, cancel, retry };
}
