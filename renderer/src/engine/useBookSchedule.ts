import { useCallback, useEffect, useState } from 'react';
import type { PeriodKind, PeriodRow } from '../../../shared/engine/book/types';
import { useDocumentStore } from '../store/documentStore';
import { selectEngineInput } from '../store/selectors';
import { EngineClient } from './client';
import { scopeKey, type ScheduleScope } from './protocol';
import { perfEngine } from '../perf';

let shared: EngineClient | null = null;

/** The app's one engine worker client, started on first use. */
export function getEngineClient(): EngineClient {
  shared ??= new EngineClient(() => new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return shared;
}

export interface BookScheduleState {
  status: 'computing' | 'ready' | 'error' | 'cancelled';
  /** The latest rows computed; kept while a newer computation runs, so the table does not blink. */
  rows: PeriodRow[];
  error?: string;
  computeMs?: number;
  /** Lots left out because their rows have problems in the Fleet grid. */
  excludedLots: number;
  /** Stop the computation in progress. */
  cancel: () => void;
  /** Start again after a cancel or an error. */
  retry: () => void;
}

const NO_ROWS: PeriodRow[] = [];

/**
 * The book schedule of the open document, by period, for the fleet, one class or one lot,
 * computed in the engine worker. Recomputes when the document changes; a result that arrives
 * for an older document or an older choice is dropped.
 */
export function useBookSchedule(period: PeriodKind, scope: ScheduleScope, book: 'book' | 'tax' = 'book'): BookScheduleState {
  const input = useDocumentStore(selectEngineInput);
  const key = scopeKey(scope);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ status: BookScheduleState['status']; rows: PeriodRow[]; error?: string; computeMs?: number }>({
    status: 'computing',
    rows: NO_ROWS,
  });

  useEffect(() => {
    const client = getEngineClient();
    const sentAt = performance.now();
    client.setFleet(input.fleet);
    setResult((r) => (r.status === 'computing' ? r : { ...r, status: 'computing' }));
    return client.request({ book, period, scope, exclude: input.exclude }, (o) => {
      if (o.status === 'ok') perfEngine('schedule', o.computeMs, sentAt);
      if (o.status === 'ok') setResult({ status: 'ready', rows: o.rows, computeMs: o.computeMs });
      else if (o.status === 'error') setResult({ status: 'error', rows: NO_ROWS, error: o.message });
      else setResult((r) => ({ ...r, status: 'cancelled' }));
    });
    // scope is keyed by its string form; a new object for the same scope is the same request.
  }, [input.fleet, input.exclude, book, period, key, attempt]);

  const cancel = useCallback(() => getEngineClient().cancelAll(), []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...result, excludedLots: input.excludedLots, cancel, retry };
}
