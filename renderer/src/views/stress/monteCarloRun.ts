import { create } from 'zustand';
import type { Fleet } from '../../../../shared/domain/fleet';
import type { MonteCarloResult } from '../../../../shared/engine/stress';
import type { EngineClient } from '../../engine/client';
import type { MonteCarloQuery } from '../../engine/stressProtocol';
import type { EngineInput } from '../../store/selectors';

/**
 * The Monte Carlo run of the Stress view: started by the Run button, reported as it goes, stopped
 * by Cancel. Kept outside the view so a run goes on (and its result stays) while the user looks at
 * another view.
 */
export interface MonteCarloRunState {
  /** stopping: cancelled, waiting for the worker's answer with the paths done so far. */
  status: 'idle' | 'running' | 'stopping' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  /** The finished run, or the paths done before a cancel. */
  result: MonteCarloResult | null;
  error?: string;
  /** What the result was computed from: a later edit makes it out of date. */
  query: MonteCarloQuery | null;
  fleet: Fleet | null;
  computeMs?: number;
  start(client: EngineClient, input: EngineInput, query: MonteCarloQuery): void;
  cancel(): void;
}

let stopRun: (() => void) | null = null;
// Each run's callbacks act only while it is the current run.
let runSeq = 0;

export const useMonteCarloRun = create<MonteCarloRunState>()((set, get) => ({
  status: 'idle',
  done: 0,
  total: 0,
  result: null,
  query: null,
  fleet: null,
  start(client, input, query) {
    if (get().status === 'running' || get().status === 'stopping') stopRun?.();
    const run = ++runSeq;
    const current = () => run === runSeq;
    client.setFleet(input.fleet);
    set({ status: 'running', done: 0, total: query.paths, error: undefined, query, fleet: input.fleet, computeMs: undefined });
    stopRun = client.runMonteCarlo(query, input.exclude, {
      progress: (done, total) => current() && set({ done, total }),
      // A cancelled run that ends with no path keeps the result shown before (it says which run it is).
      done: (o) => {
        if (!current()) return;
        stopRun = null;
        if (o.status === 'ok') set({ status: 'done', result: o.result, done: o.result.paths, computeMs: o.computeMs });
        else if (o.status === 'cancelled') set((s) => ({ status: 'cancelled', result: o.result && o.result.paths > 0 ? o.result : s.result, done: o.result?.paths ?? s.done }));
        else set({ status: 'error', error: o.message });
      },
    });
  },
  cancel() {
    if (get().status !== 'running') return;
    stopRun?.();
    set({ status: 'stopping' });
  },
}));
