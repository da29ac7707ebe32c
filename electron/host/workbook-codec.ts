/**
 * The production parse/serialize, from shared/workbook. Both front ends (main.ts, web.ts) take
 * their codec from here, so wiring the workbook module is a change to this file alone.
 *
 * Reading and writing run in a worker thread (parse.worker.ts, bundled next to the host as
 * host-parse.worker.mjs) with a memory limit and a timeout, so a huge or hostile file can neither
 * freeze nor crash the process that serves the window. Run from sources (tests), where there is no
 * bundle, they run in the calling thread instead.
 */
import type { Fleet } from '../../shared/domain/fleet';
import { err, type Result } from '../../shared/domain/result';
import type { DocumentFormat } from '../../shared/ipc/contract';
import { serializeFleet } from '../../shared/workbook/xlsx/writeWorkbook';
import type { Codec, ParsedDocument, ParseFailure } from './codec';
import {
  bundledWorkerPath,
  DEFAULT_MAX_OLD_GENERATION_MB,
  DEFAULT_TIMEOUT_MS,
  runInWorker,
  type WorkerJob,
  type WorkerLimits,
  type WorkerOutcome,
} from './parse-client';
import { parseWorkbook } from './workbook-parse';

export interface WorkbookCodecOptions {
  /**
   * The worker to run jobs in: a bundled worker script and its limits. null: run in the calling
   * thread. Default: the bundled worker next to the running bundle, if there is one.
   */
  worker?: (Partial<WorkerLimits> & { path: string }) | null;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} seconds`;

/** Why a worker job did not give a result, as the end of a sentence about the file. */
function outcomeReason(outcome: Exclude<WorkerOutcome, { ok: true }>, limits: WorkerLimits, job: 'reading' | 'writing'): string {
  switch (outcome.reason) {
    case 'timeout':
      return `${job} it took longer than ${seconds(limits.timeoutMs)}, so Fleetbook stopped (is it a very large or damaged file?)`;
    case 'memory':
      return `${job} it needs more than the ${limits.maxOldGenerationSizeMb} MB of memory Fleetbook allows, so Fleetbook stopped (a file far larger than a fleet workbook, or a damaged or hostile one)`;
    case 'crash':
      return `the ${job === 'reading' ? 'reader' : 'writer'} stopped unexpectedly (${outcome.detail})`;
    case 'threw':
      return outcome.detail;
  }
}

export function createWorkbookCodec(options: WorkbookCodecOptions = {}): Codec {
  let limits: WorkerLimits | null | undefined;
  const workerLimits = (): WorkerLimits | null => {
    if (limits !== undefined) return limits;
    const given = options.worker === undefined ? (bundledWorkerPath() ? { path: bundledWorkerPath() as string } : null) : options.worker;
    limits = given
      ? { path: given.path, timeoutMs: given.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxOldGenerationSizeMb: given.maxOldGenerationSizeMb ?? DEFAULT_MAX_OLD_GENERATION_MB }
      : null;
    return limits;
  };
  const run = (job: WorkerJob) => runInWorker(job, workerLimits() as WorkerLimits);

  return {
    parse: async (bytes, name, options): Promise<Result<ParsedDocument, ParseFailure>> => {
      const lim = workerLimits();
      if (!lim) return parseWorkbook(bytes, name, options);
      const outcome = await run({ op: 'parse', bytes, name, options });
      if (outcome.ok) return outcome.value as Result<ParsedDocument, ParseFailure>;
      const reason = outcomeReason(outcome, lim, 'reading');
      return err({ message: outcome.reason === 'threw' ? `Fleetbook could not read ${name}: ${reason}` : `Fleetbook cannot open ${name}: ${reason}.` });
    },
    serialize: async (fleet: Fleet, format: DocumentFormat, original?: Uint8Array): Promise<Uint8Array> => {
      const lim = workerLimits();
      if (!lim) return serializeFleet(fleet, format, original);
      const outcome = await run({ op: 'serialize', fleet, format, original });
      if (outcome.ok) return outcome.value as Uint8Array;
      // The host puts this after "Could not write NAME: ".
      throw new Error(outcomeReason(outcome, lim, 'writing'));
    },
  };
}

export const workbookCodec: Codec = createWorkbookCodec();
