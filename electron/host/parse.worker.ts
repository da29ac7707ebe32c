/**
 * The worker thread that reads and writes workbooks (bundled to dist/electron/host-parse.worker.mjs
 * by scripts/build-node.mjs). One job per worker: the client starts it with the job in workerData,
 * under a memory limit and a timeout, and it posts one answer. A hostile file can then exhaust
 * only this thread, which the client terminates and reports.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serializeFleet } from '../../shared/workbook/xlsx/writeWorkbook';
import type { WorkerAnswer, WorkerJob } from './parse-client';
import { parseWorkbook } from './workbook-parse';

async function run(job: WorkerJob): Promise<WorkerAnswer> {
  try {
    if (job.op === 'parse') return { ok: true, value: await parseWorkbook(job.bytes, job.name, job.options) };
    return { ok: true, value: await serializeFleet(job.fleet, job.format, job.original) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

void run(workerData as WorkerJob).then((answer) => parentPort?.postMessage(answer));
