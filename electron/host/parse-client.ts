/**
 * Runs a workbook job (parse or serialize) in a worker thread, with a memory limit and a timeout.
 * A job that runs out of memory, crashes or runs too long is terminated and comes back as a reason
 * the caller can put into words; the calling thread (Electron's main process, the web host) never
 * waits on it longer than the timeout.
 */
import type { ImportOptions } from '../../shared/ipc/contract';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Fleet } from '../../shared/domain/fleet';
import type { WriteFormat } from '../../shared/workbook/xlsx/writeWorkbook';

export type WorkerJob =
  | { op: 'parse'; bytes: Uint8Array; name: string; options?: ImportOptions }
  | { op: 'serialize'; fleet: Fleet; format: WriteFormat; original?: Uint8Array };

/** What the worker posts back: the job's result, or the message of what it threw. */
export type WorkerAnswer = { ok: true; value: unknown } | { ok: false; message: string };

export interface WorkerLimits {
  /** The bundled worker script. */
  path: string;
  timeoutMs: number;
  /** The worker's V8 old-generation heap limit. */
  maxOldGenerationSizeMb: number;
}

export const WORKER_FILE = 'host-parse.worker.mjs';
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_OLD_GENERATION_MB = 1024;

export type WorkerOutcome =
  | { ok: true; value: unknown }
  | { ok: false; reason: 'timeout' | 'memory' | 'crash' | 'threw'; detail: string };

/** A bundled worker (default: this one) next to the running bundle (dist/electron), or null from sources (tests, tsx). */
export function bundledWorkerPath(file: string = WORKER_FILE): string | null {
  let dir: string | null = null;
  if (typeof __dirname === 'string') dir = __dirname;
  else if (typeof import.meta !== 'undefined' && import.meta.url) dir = dirname(fileURLToPath(import.meta.url));
  if (!dir) return null;
  // In the packaged app the worker is unpacked beside the asar archive (electron-builder asarUnpack).
  const path = join(dir.replace(/\.asar([\\/]|$)/, '.asar.unpacked$1'), file);
  return existsSync(path) ? path : null;
}

export function runInWorker(job: WorkerJob, limits: WorkerLimits): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let worker: Worker;
    const finish = (outcome: WorkerOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The job is over either way: a worker that is still running is stopped.
      void worker?.terminate().catch(() => undefined);
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', detail: `no answer after ${limits.timeoutMs} ms` }), limits.timeoutMs);
    try {
      worker = new Worker(limits.path, {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb },
        stdout: false,
        stderr: false,
      });
    } catch (e) {
      finish({ ok: false, reason: 'crash', detail: e instanceof Error ? e.message : String(e) });
      return;
    }
    worker.on('message', (answer: WorkerAnswer) => {
      finish(answer.ok ? { ok: true, value: answer.value } : { ok: false, reason: 'threw', detail: answer.message });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish({ ok: false, reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', detail: e.message });
    });
    worker.on('exit', (code) => {
      finish({ ok: false, reason: 'crash', detail: `the worker stopped with exit code ${code} before answering` });
    });
  });
}
