/**
 * Report exports as jobs, the same over Electron IPC and the loopback HTTP host (browser mode has
 * no push events): `report:start` chooses where the report goes and starts writing it,
 * `report:status` is polled for the progress and the outcome, `report:cancel` stops it (the
 * temporary file is removed, nothing is left at the target). One export at a time per host.
 *
 * Where the report goes: in Electron the user chooses it in the native save dialog before the job
 * starts; in browser mode the host writes it into its own folder under a free name and hands the
 * page a one-time, tokened URL that downloads it.
 *
 * The Audit sheet's input: the document's name, and the SHA-256 of the file's bytes as the host
 * last read or wrote them when the renderer's document has no unsaved changes; otherwise (unsaved
 * changes, or no file yet) of the workbook as Fleetbook would save it now. A note in the Audit
 * sheet says which.
 *
 * The export itself runs in a worker thread in the built app (export-runner.ts), so the engines
 * never stall the thread that answers the window.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { basename, extname, resolve } from 'node:path';
import type { Fleet } from '../../../shared/domain/fleet';
import { err, ok } from '../../../shared/domain/result';
import type { HostError, HostResult, ReportJobStatus, ReportStarted, ReportJobState, ReportJobResult } from '../../../shared/ipc/contract';
import type { ReportSheetKey } from '../../../shared/report';
import type { SerializeFn } from '../codec';
import type { Documents, DocumentSource } from '../documents';
import { UserFacingError } from '../errors';
import { displayPath, safeFileName } from '../paths';
import { ReportInputError, type ExportReportInput, type ExportReportOptions } from './export-report';
import { defaultExportRunner, type ExportRunner } from './export-runner';

/** The path prefix of download URLs (browser mode); the rest of the path is the one-time token. */
export const DOWNLOAD_PREFIX = '/download/';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How long a finished report may be downloaded (browser mode). */
export const DEFAULT_DOWNLOAD_TTL_MS = 10 * 60_000;
/** Finished jobs remembered for report:status. */
const KEEP_JOBS = 8;

export interface ReportRequest {
  docId: string;
  fleet: Fleet;
  unsaved: boolean;
  sheets: ReportSheetKey[];
  scenario: string | null;
  /** The Stress sheet's Monte Carlo (default 1,000 paths, seed 1). */
  monteCarlo?: { paths: number; seed: number };
}

export interface ReportDownload {
  path: string;
  fileName: string;
}

export interface ReportJobsOptions {
  mode: 'electron' | 'web';
  documents: Documents;
  serialize: SerializeFn;
  /** Where the report goes: the native save dialog (Electron) or a free name in the host's folder
   * (browser mode); null when the user cancelled. */
  chooseTarget(suggestedName: string, documentPath: string | null): Promise<string | null>;
  appVersion: string;
  now: () => Date;
  log: (message: string) => void;
  /** Passed to exportReport (tests: smaller sheets, no compression...). */
  exportOptions?: Pick<ExportReportOptions, 'maxRowsPerSheet' | 'compressionLevel'>;
  /** Where exports run (default: a worker thread in the built app, this thread from sources). */
  runner?: ExportRunner;
  downloadTtlMs?: number;
}

interface Job {
  id: string;
  state: ReportJobState;
  fraction: number;
  result?: ReportJobResult;
  error?: HostError;
  controller: AbortController;
  done: Promise<void>;
}

/** `fleet.xlsx` -> `fleet report.xlsx`. */
export function reportFileName(documentName: string): string {
  const stem = documentName.replace(/\.(xlsx|csv)$/i, '').trim() || 'Fleet';
  return safeFileName(`${stem} report.xlsx`, 'Fleet report.xlsx');
}

function hostErrorOf(e: unknown): HostError | null {
  if (e instanceof ReportInputError) {
    const first = e.problems[0]?.message ?? e.message;
    return { code: 'invalid-request', message: `The report cannot be made as asked: ${first}`, problems: e.problems };
  }
  if (e instanceof UserFacingError) return { code: e.code, message: e.message };
  return null;
}

export class ReportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly downloads = new Map<string, ReportDownload & { expires: number }>();
  /** From report:start (the dialog included) until the export has ended. */
  private busy = false;
  private readonly runner: ExportRunner;

  constructor(private readonly o: ReportJobsOptions) {
    this.runner = o.runner ?? defaultExportRunner();
  }

  async start(request: ReportRequest): Promise<HostResult<ReportStarted | null>> {
    if (this.busy) return err({ code: 'busy', message: 'A report is already being exported: wait for it to finish, or cancel it.' });
    this.busy = true;
    let running = false;
    try {
      const source = await this.o.documents.source(request.docId);
      if (!source.ok) return source;
      let target: string | null;
      try {
        target = await this.o.chooseTarget(reportFileName(source.value.name), source.value.path);
      } catch (e) {
        return err({ code: 'io', message: `Could not choose where to save the report: ${e instanceof Error ? e.message : String(e)}` });
      }
      if (target === null) return ok(null);
      target = resolve(target);
      if (extname(target).toLowerCase() !== '.xlsx') {
        return err({ code: 'invalid-request', message: `A report is an Excel workbook: choose a name ending in .xlsx, not ${basename(target)}.` });
      }
      if (source.value.path && resolve(source.value.path) === target) {
        return err({ code: 'invalid-request', message: `${basename(target)} is the fleet workbook itself: choose another name for the report.` });
      }
      const job: Job = { id: randomUUID(), state: 'running', fraction: 0, controller: new AbortController(), done: Promise.resolve() };
      this.jobs.set(job.id, job);
      this.prune();
      running = true;
      job.done = this.run(job, request, source.value, target).finally(() => {
        this.busy = false;
      });
      return ok({ jobId: job.id, fileName: basename(target) });
    } finally {
      if (!running) this.busy = false;
    }
  }

  status(jobId: string): HostResult<ReportJobStatus> {
    const job = this.jobs.get(jobId);
    if (!job) return err({ code: 'not-found', message: 'Fleetbook no longer knows that report export (was it restarted?).' });
    return ok(this.snapshot(job));
  }

  cancel(jobId: string): HostResult<ReportJobStatus> {
    const job = this.jobs.get(jobId);
    if (!job) return err({ code: 'not-found', message: 'Fleetbook no longer knows that report export (was it restarted?).' });
    if (job.state === 'running') job.controller.abort();
    return ok(this.snapshot(job));
  }

  /** Browser mode: the report behind a download token, once; null when unknown, used or expired. */
  takeDownload(token: string): ReportDownload | null {
    const d = this.downloads.get(token);
    if (!d) return null;
    this.downloads.delete(token);
    return d.expires >= this.o.now().getTime() ? { path: d.path, fileName: d.fileName } : null;
  }

  /** Stop every running export (the host is closing) and wait until their temporary files are gone. */
  async cancelAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.state === 'running');
    for (const j of running) j.controller.abort();
    await Promise.all(running.map((j) => j.done));
  }

  // -------------------------------------------------------------------------------------------

  private snapshot(job: Job): ReportJobStatus {
    return {
      jobId: job.id,
      state: job.state,
      fraction: job.fraction,
      ...(job.result ? { result: job.result } : {}),
      ...(job.error ? { error: job.error } : {}),
    };
  }

  private async run(job: Job, request: ReportRequest, source: DocumentSource, target: string): Promise<void> {
    const { signal } = job.controller;
    try {
      // Answer report:start before the work starts (in this thread when run from sources).
      await new Promise<void>((r) => setImmediate(r));
      const input = await this.input(request, source);
      const written = await this.runner(input, target, {
        ...this.o.exportOptions,
        signal,
        onProgress: (f) => {
          job.fraction = Math.max(job.fraction, Math.min(1, f));
        },
      });
      const fileName = basename(written.path);
      const result: ReportJobResult = { fileName, displayPath: displayPath(written.path), sheets: written.sheets, bytes: written.bytes };
      if (this.o.mode === 'web') result.downloadUrl = this.offerDownload(written.path, fileName);
      Object.assign(job, { state: 'done', fraction: 1, result });
    } catch (e) {
      if (signal.aborted) {
        job.state = 'cancelled';
        return;
      }
      let error = hostErrorOf(e);
      if (!error) {
        this.o.log(`report export failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        error = { code: 'internal', message: `The report could not be written: ${e instanceof Error ? e.message : String(e)}` };
      }
      Object.assign(job, { state: 'failed', error });
    }
  }

  private async input(request: ReportRequest, source: DocumentSource): Promise<ExportReportInput> {
    const { name, original } = source;
    let sourceBytes: Uint8Array;
    let text: string;
    if (original && !request.unsaved) {
      sourceBytes = original.bytes;
      text = `Input File, SHA-256 and size are of ${name} as Fleetbook last read or saved it; the fleet reported had no unsaved changes.`;
    } else {
      sourceBytes = await this.o.serialize(request.fleet, 'xlsx', original?.format === 'xlsx' ? original.bytes : undefined);
      text = `${name} ${original ? 'had unsaved changes' : 'had not been saved to a file'} when the report was made: Input SHA-256 and size are of the workbook as Fleetbook would save it then (.xlsx), not of a file on disk.`;
    }
    return {
      fleet: request.fleet,
      sourceName: name,
      sourceBytes,
      warnings: source.warnings,
      appVersion: this.o.appVersion,
      now: this.o.now(),
      scenario: request.scenario,
      sheets: request.sheets,
      monteCarlo: request.monteCarlo,
      notes: [{ topic: 'Input', text }],
    };
  }

  private offerDownload(path: string, fileName: string): string {
    const now = this.o.now().getTime();
    for (const [t, d] of this.downloads) if (d.expires < now) this.downloads.delete(t);
    const token = randomBytes(24).toString('base64url');
    this.downloads.set(token, { path, fileName, expires: now + (this.o.downloadTtlMs ?? DEFAULT_DOWNLOAD_TTL_MS) });
    return `${DOWNLOAD_PREFIX}${token}`;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, this.jobs.size - KEEP_JOBS))) this.jobs.delete(j.id);
  }
}
