import { useCallback, useEffect, useState } from 'react';
import { useDocumentStore } from '../store/documentStore';
import { selectEngineInput } from '../store/selectors';
import { scopeKey, type ScheduleScope, type ValueResult } from './protocol';
import { getEngineClient } from './useBookSchedule';
import { perfEngine } from '../perf';

export interface ValueState {
  status: 'computing' | 'ready' | 'error' | 'cancelled';
  /** The latest result; kept while a newer computation runs so the chart does not blink. */
  value: ValueResult | null;
  error?: string;
  computeMs?: number;
  cancel: () => void;
  retry: () => void;
}

/** Book NBV vs economic value of the open document for the fleet, a class or a lot, from the worker. */
export function useValue(scope: ScheduleScope): ValueState {
  const input = useDocumentStore(selectEngineInput);
  const key = scopeKey(scope);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Omit<ValueState, 'cancel' | 'retry'>>({ status: 'computing', value: null });

  useEffect(() => {
    const client = getEngineClient();
    const sentAt = performance.now();
    client.setFleet(input.fleet);
    setResult((r) => (r.status === 'computing' ? r : { ...r, status: 'computing' }));
    return client.requestValue({ scope, exclude: input.exclude }, (o) => {
      if (o.status === 'ok') perfEngine('value', o.computeMs, sentAt);
      if (o.status === 'ok') setResult({ status: 'ready', value: o.value, computeMs: o.computeMs });
      else if (o.status === 'error') setResult({ status: 'error', value: null, error: o.message });
      else setResult((r) => ({ ...r, status: 'cancelled' }));
    });
    // scope is keyed by its string form; a new object for the same scope is the same request.
  }, [input.fleet, input.exclude, key, attempt]);

  const cancel = useCallback(() => getEngineClient().cancelAll(), []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...result, cancel, retry };
}
