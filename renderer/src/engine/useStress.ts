import { useCallback, useEffect, useState } from 'react';
import { useDocumentStore } from '../store/documentStore';
import { selectEngineInput } from '../store/selectors';
import type { StressQuery, StressResultOf } from './stressProtocol';
import { getEngineClient } from './useBookSchedule';

export interface StressState<R> {
  status: 'computing' | 'ready' | 'error' | 'cancelled';
  /** The latest result; kept while a newer one is computed, so tables and charts do not blink. */
  result: R | null;
  error?: string;
  computeMs?: number;
  /** Ask again (after a cancel or an error). */
  retry: () => void;
}

/**
 * A stress figure of the open document (scenario comparison, tornado or life what-if), computed in
 * the engine worker; recomputed when the document or the query changes. Null query: nothing asked.
 */
export function useStress<K extends StressQuery['kind']>(query: Extract<StressQuery, { kind: K }> | null): StressState<StressResultOf<K>> {
  const input = useDocumentStore(selectEngineInput);
  // The query by value: a new object asking the same is the same request.
  const key = query ? JSON.stringify(query) : '';
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<StressState<StressResultOf<K>>, 'retry'>>({ status: 'computing', result: null });

  useEffect(() => {
    if (!key) return;
    const client = getEngineClient();
    client.setFleet(input.fleet);
    setState((s) => (s.status === 'computing' ? s : { ...s, status: 'computing' }));
    return client.requestStress(JSON.parse(key) as StressQuery, input.exclude, (o) => {
      if (o.status === 'ok') setState({ status: 'ready', result: o.result as StressResultOf<K>, computeMs: o.computeMs });
      // An error keeps no stale figure: the figures shown must be for what is asked.
      else if (o.status === 'error') setState({ status: 'error', result: null, error: o.message });
      else setState((s) => ({ ...s, status: 'cancelled' }));
    });
  }, [input.fleet, input.exclude, key, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, retry };
}
