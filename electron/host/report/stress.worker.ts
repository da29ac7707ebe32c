/**
 * The worker thread that runs a report's tornados and Monte Carlo (bundled to
 * dist/electron/host-report-stress.worker.mjs; started by stress-runner.ts with the job in
 * workerData) while the calling thread writes the sheets before the Stress sheet. Posts one result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { stressRuns } from '../../../shared/engine/stress';
import type { StressWorkerJob, StressWorkerMessage } from './stress-runner';

const job = workerData as StressWorkerJob;
let message: StressWorkerMessage;
try {
  message = { type: 'result', result: stressRuns(job.fleet, job.options) };
} catch (e) {
  message = { type: 'failed', message: e instanceof Error ? e.message : String(e) };
}
parentPort?.postMessage(message);
