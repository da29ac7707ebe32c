import { perfEngine } from '../perf';
import { scopeKey, type ScheduleScope, type ValueResult } from './protocol';
import { useWorkerQuery, type WorkerQueryState } from './useWorkerQuery';

export type ValueState = WorkerQueryState<ValueResult>;

/** Book NBV vs economic value of the open document for the fleet, a class or a lot, from the worker. */
export function useValue(scope: ScheduleScope): ValueState {
  return useWorkerQuery<ValueResult>(scopeKey(scope), (client, input, done) => {
    const sentAt = performance.now();
    return client.requestValue({ scope, exclude: input.exclude }, (o) => {
      if (o.status !== 'ok') return done(o);
      perfEngine('value', o.computeMs, sentAt);
      done(o);
    });
  });
}
