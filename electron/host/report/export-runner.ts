/**
 * Where a report export runs. The engines behind a report take seconds of solid computing on a large
 * fleet (the Stress sheet's Monte Carlo above all), which would stall the thread that answers the
 * window (Electron's main process: menus, IPC, the progress polls; the web host: every request).
 * So the app runs each export in a worker thread (export.worker.ts, bundled next to the host as
 * host-report-export.worker.mjs) that posts its progress; cancelling asks it to stop (it removes
 * its temporary file) and terminates it if it does not answer soon (busy in the engines), then
 * removes any temporary file it left. Run from sources (tests), there is no bundle: the export
 * then runs in the calling thread.
 */
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../../../shared/domain/problem';
import { UserFacingError } from '../errors';
import { bundledWorkerPath } from '../parse-client';
import { exportReport, ReportInputError, type ExportReportInput, type ExportReportOptions, type ExportReportResult } from './export-report';

export type ExportRunOptions = Pick<ExportReportOptions, 'onProgress' | 'signal' | 'maxRowsPerSheet' | 'compressionLevel'>;
export type ExportRunner = (input: ExportReportInput, outPath: string, options: ExportRunOptions) => Promise<ExportReportResult>;

export const EXPORT_WORKER_FILE = 'host-report-export.worker.mjs';
/** How long a cancelled worker may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 1_500;
/** The worker's V8 heap limit: a 10,000-lot report needs a few hundred MB. */
const MAX_OLD_GENERATION_MB = 3_072;

/** What the worker is given. */
export interface ExportWorkerJob {
  input: ExportReportInput;
  outPath: string;
  options: Pick<ExportReportOptions, 'maxRowsPerSheet' | 'compressionLevel'>;
}

/** What the worker posts. */
export type ExportWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: ExportReportResult }
  | { type: 'cancelled' }
  | { type: 'failed'; kind: 'input'; problems: Problem[] }
  | { type: 'failed'; kind: 'user'; code: UserFacingError['code']; message: string }
  | { type: 'failed'; kind: 'other'; message: string; stack?: string };

/** What the host sends the worker. */
export type ExportWorkerCommand = { type: 'cancel' };

export const inThreadRunner: ExportRunner = (input, outPath, options) => exportReport(input, outPath, options);

/** The export's own temporary files beside `outPath` (export-report.ts names them). */
export async function removeExportTemps(outPath: string): Promise<void> {
  const dir = dirname(outPath);
  const prefix = `.${basename(outPath)}.report-`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(prefix) && n.endsWith('.tmp')).map((n) => unlink(join(dir, n)).catch(() => undefined)));
}

export function workerRunner(workerPath: string): ExportRunner {
  return (input, outPath, options) =>
    new Promise<ExportReportResult>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) return reject(signal.reason);
      const job: ExportWorkerJob = { input, outPath, options: { maxRowsPerSheet: options.maxRowsPerSheet, compressionLevel: options.compressionLevel } };
      let worker: Worker;
      try {
        worker = new Worker(workerPath, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: MAX_OLD_GENERATION_MB }, stdout: false, stderr: false });
      } catch (e) {
        return reject(e);
      }
      let settled = false;
      let killTimer: ReturnType<typeof setTimeout> | undefined;
      const finish = (outcome: () => void, cleanup = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(killTimer);
        signal?.removeEventListener('abort', onAbort);
        void worker.terminate().catch(() => undefined);
        // A worker stopped mid-write cannot remove its temporary file: do it here.
        void (cleanup ? removeExportTemps(outPath) : Promise.resolve()).then(outcome);
      };
      const onAbort = () => {
        worker.postMessage({ type: 'cancel' } satisfies ExportWorkerCommand);
        // Busy in the engines, it reads no message: stop it.
        killTimer = setTimeout(() => finish(() => reject(signal!.reason), true), CANCEL_GRACE_MS);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (m: ExportWorkerMessage) => {
        if (m.type === 'progress') return onProgress?.(m.fraction);
        if (m.type === 'done') return finish(() => resolve(m.result));
        if (m.type === 'cancelled') return finish(() => reject(signal?.reason ?? new Error('cancelled')), true);
        const error = m.kind === 'input' ? new ReportInputError(m.problems) : m.kind === 'user' ? new UserFacingError(m.message, m.code) : Object.assign(new Error(m.message), m.stack ? { stack: m.stack } : {});
        finish(() => reject(error), true);
      });
      worker.on('error', (e: Error & { code?: string }) => {
        const error = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Error('the report needs more memory than Fleetbook allows an export (is the fleet very large?)') : e;
        finish(() => reject(error), true);
      });
      worker.on('exit', (code) => finish(() => reject(new Error(`the export stopped unexpectedly (exit code ${code})`)), true));
    });
}

/** The bundled worker when there is one (the built app), else in the calling thread (sources). */
export function defaultExportRunner(): ExportRunner {
  const path = bundledWorkerPath(EXPORT_WORKER_FILE);
  return path ? workerRunner(path) : inThreadRunner;
}
