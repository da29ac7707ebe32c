/**
 * Where a report's tornados and Monte Carlo run: in a worker thread, so that on a machine with a
 * second core they are computed while the sheets before the Stress sheet are written (seconds on
 * a 10,000-lot fleet, about as long as writing the schedules). The figures are the same as in the
 * calling thread: the same pure code on the same fleet, seed and paths. From sources (tests) there
 * is no bundled worker, and the report computes them in its own thread.
 */
import { Worker } from 'node:worker_threads';
import type { Fleet } from '../../../shared/domain/fleet';
import type { Problem } from '../../../shared/domain/problem';
import type { Result } from '../../../shared/domain/result';
import type { StressRuns } from '../../../shared/engine/stress';
import type { StressRunner } from '../../../shared/report';
import { bundledWorkerPath } from '../parse-client';

export const STRESS_WORKER_FILE = 'host-report-stress.worker.mjs';
const MAX_OLD_GENERATION_MB = 2_048;

export interface StressWorkerJob {
  fleet: Fleet;
  options: { paths?: number; seed?: number };
}

export type StressWorkerMessage = { type: 'result'; result: Result<StressRuns, Problem[]> } | { type: 'failed'; message: string };

/** A runner on the bundled worker, or undefined where there is none (run from sources). */
export function workerStressRunner(signal?: AbortSignal, path: string | null = bundledWorkerPath(STRESS_WORKER_FILE)): StressRunner | undefined {
  if (!path) return undefined;
  return (fleet, options) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const job: StressWorkerJob = { fleet, options };
      const worker = new Worker(path, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: MAX_OLD_GENERATION_MB }, stdout: false, stderr: false });
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        void worker.terminate().catch(() => undefined);
        outcome();
      };
      const onAbort = (): void => finish(() => reject(signal!.reason));
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.once('message', (m: StressWorkerMessage) => finish(() => (m.type === 'result' ? resolve(m.result) : reject(new Error(m.message)))));
      worker.once('error', (e) => finish(() => reject(e)));
      worker.once('exit', (code) => finish(() => reject(new Error(`the stress worker stopped (exit code ${code})`))));
    });
}
