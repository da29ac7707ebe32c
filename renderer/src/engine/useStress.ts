import type { StressQuery, StressResult, StressResultOf } from './stressProtocol';
import { useWorkerQuery, type WorkerQueryState } from './useWorkerQuery';

export interface StressState<R> extends Omit<WorkerQueryState<R>, 'value'> {
  /** The latest result; kept while a newer one is computed, so tables and charts do not blink. */
  result: R | null;
}

/**
 * A stress figure of the open document (scenario comparison, tornado or life what-if), computed in
 * the engine worker; recomputed when the document or the query changes. Null query: nothing asked.
 */
export function useStress<K extends StressQuery['kind']>(query: Extract<StressQuery, { kind: K }> | null): StressState<StressResultOf<K>> {
  // The query by value: a new object asking the same is the same request.
  const key = query ? JSON.stringify(query) : '';
  const { value, ...state } = useWorkerQuery<StressResult>(key, (client, input, done) =>
    client.requestStress(JSON.parse(key) as StressQuery, input.exclude, (o) => done(o.status === 'ok' ? { status: 'ok', value: o.result, computeMs: o.computeMs } : o)),
  );
  return { ...state, result: value as StressResultOf<K> | null };
}
