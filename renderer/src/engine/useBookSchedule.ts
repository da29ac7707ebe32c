import type { PeriodKind, PeriodRow } from '../../../shared/engine/book/types';
import { perfEngine } from '../perf';
import { scopeKey, type ScheduleScope } from './protocol';
import { useWorkerQuery, type WorkerQueryState } from './useWorkerQuery';

export interface BookScheduleState extends Omit<WorkerQueryState<PeriodRow[]>, 'value'> {
  /** The latest rows computed; kept while a newer computation runs, so the table does not blink. */
  rows: PeriodRow[];
}

const NO_ROWS: PeriodRow[] = [];

/**
 * The book (or tax) schedule of the open document, by period, for the fleet, one class or one lot,
 * computed in the engine worker.
 */
export function useBookSchedule(period: PeriodKind, scope: ScheduleScope, book: 'book' | 'tax' = 'book'): BookScheduleState {
  const { value, ...state } = useWorkerQuery<PeriodRow[]>(`${book}|${period}|${scopeKey(scope)}`, (client, input, done) => {
    const sentAt = performance.now();
    return client.request({ book, period, scope, exclude: input.exclude }, (o) => {
      if (o.status !== 'ok') return done(o);
      perfEngine('schedule', o.computeMs, sentAt);
      done({ status: 'ok', value: o.rows, computeMs: o.computeMs });
    });
  });
  return { ...state, rows: value ?? NO_ROWS };
}
