import { useCallback, useEffect, useState } from 'react';
import { useDocumentStore } from '../store/documentStore';
import { selectEngineInput, type EngineInput } from '../store/selectors';
import type { EngineClient } from './client';
import { getEngineClient } from './engineClient';

/** A worker answer, whatever the query. */
export type WorkerOutcome<T> = { status: 'ok'; value: T; computeMs: number } | { status: 'error'; message: string } | { status: 'cancelled' };

export interface WorkerQueryState<T> {
  status: 'computing' | 'ready' | 'error' | 'cancelled';
  /** The latest value; kept while a newer one is computed (tables and charts do not blink), dropped on an error. */
  value: T | null;
  error?: string;
  computeMs?: number;
  /** Lots left out because their rows have problems in the Fleet grid. */
  excludedLots: number;
  /** Stop the computations in progress. */
  cancel: () => void;
  /** Ask again after a cancel or an error. */
  retry: () => void;
}

/**
 * A figure of the open document computed in the engine worker, asked again when the document or
 * `key` changes (`key` names everything `send` asks; an empty key asks nothing). The client drops
 * answers to older requests; `send` returns its unsubscribe.
 */
export function useWorkerQuery<T>(key: string, send: (client: EngineClient, input: EngineInput, done: (o: WorkerOutcome<T>) => void) => () => void): WorkerQueryState<T> {
  const input = useDocumentStore(selectEngineInput);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Pick<WorkerQueryState<T>, 'status' | 'value' | 'error' | 'computeMs'>>({ status: 'computing', value: null });

  useEffect(() => {
    if (!key) return;
    const client = getEngineClient();
    client.setFleet(input.fleet);
    setState((s) => (s.status === 'computing' ? s : { ...s, status: 'computing' }));
    return send(client, input, (o) => {
      if (o.status === 'ok') setState({ status: 'ready', value: o.value, computeMs: o.computeMs });
      else if (o.status === 'error') setState({ status: 'error', value: null, error: o.message });
      else setState((s) => ({ ...s, status: 'cancelled' }));
    });
    // `send` is a new closure each render; `key` stands for what it asks.
  }, [input.fleet, input.exclude, key, attempt]);

  const cancel = useCallback(() => getEngineClient().cancelAll(), []);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  return { ...state, excludedLots: input.excludedLots, cancel, retry };
}
