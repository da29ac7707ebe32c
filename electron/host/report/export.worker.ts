/**
 * The worker thread that writes one report (bundled to dist/electron/host-report-export.worker.mjs
 * by scripts/build-node.mjs; started by export-runner.ts with the job in workerData). It posts its
 * progress (at most every half per cent), then one outcome; a `cancel` message aborts the export,
 * which removes its temporary file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserFacingError } from '../errors';
import { exportReport, ReportInputError } from './export-report';
import type { ExportWorkerCommand, ExportWorkerJob, ExportWorkerMessage } from './export-runner';

const post = (m: ExportWorkerMessage) => parentPort?.postMessage(m);

async function run(job: ExportWorkerJob): Promise<void> {
  const controller = new AbortController();
  parentPort?.on('message', (c: ExportWorkerCommand) => {
    if (c.type === 'cancel') controller.abort();
  });
  let last = -1;
  try {
    const result = await exportReport(job.input, job.outPath, {
      ...job.options,
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction - last >= 0.005 || fraction === 1) {
          last = fraction;
          post({ type: 'progress', fraction });
        }
      },
    });
    post({ type: 'done', result });
  } catch (e) {
    if (controller.signal.aborted) post({ type: 'cancelled' });
    else if (e instanceof ReportInputError) post({ type: 'failed', kind: 'input', problems: e.problems });
    else if (e instanceof UserFacingError) post({ type: 'failed', kind: 'user', code: e.code, message: e.message });
    else post({ type: 'failed', kind: 'other', message: e instanceof Error ? e.message : String(e), stack: e instanceof Error ? e.stack : undefined });
  } finally {
    parentPort?.removeAllListeners('message');
  }
}

void run(workerData as ExportWorkerJob);
