/**
 * `exportReport`: the report workbook of a fleet (DESIGN.md section 8), streamed into a temporary
 * file beside the target, flushed, then renamed over it, so the target is never half-written (the
 * same discipline as atomic-write.ts, which takes whole buffers; a large report is never one).
 * The engines run here in Node on the same code as everywhere else, so the report's figures are the
 * app's and the CLI's to the cent.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Fleet } from '../../../shared/domain/fleet';
import type { Problem } from '../../../shared/domain/problem';
import { formatProblem } from '../../../shared/domain/problem';
import { applyScenario, isBaseName } from '../../../shared/engine/stress';
import { buildReportModel, computeReportData, type AuditNote, type ReportSheetKey, type StressRunner } from '../../../shared/report';
import { normaliseKey } from '../../../shared/workbook/normalise';
import { ioMessage, UserFacingError } from '../errors';
import { workerStressRunner } from './stress-runner';
import { writeXlsx } from './xlsx-writer';

export interface ExportReportInput {
  /** The fleet as read from the file (the base case: a scenario is applied here). */
  fleet: Fleet;
  /** The input file's name as shown to the user (recorded in the Audit sheet). */
  sourceName: string;
  /** The input file's bytes, for its SHA-256 in the Audit sheet. */
  sourceBytes: Uint8Array;
  /** Warnings from reading the input; each goes into the Audit sheet as `Sheet!Cell: message`. */
  warnings: readonly Problem[];
  appVersion: string;
  /** The export time (injected so reports are reproducible in tests). */
  now: Date;
  /** A scenario of the file's Scenarios sheet to apply, or none for the base case. */
  scenario?: string | null;
  /** The sheets to write (default all). The Audit sheet is always written. */
  sheets?: readonly ReportSheetKey[];
  /** More notes for the Audit sheet (e.g. what the input SHA-256 is of). */
  notes?: readonly AuditNote[];
  /** Paths and seed of the Stress sheet's Monte Carlo (default 1,000 paths, seed 1, as `fleetbook stress`). */
  monteCarlo?: { paths?: number; seed?: number };
}

export interface ExportReportOptions {
  /** The share of rows written, 0 to 1, called as the file is written. */
  onProgress?(fraction: number): void;
  /** Cancels the export: the temporary file is removed and the target left as it was. */
  signal?: AbortSignal;
  /** Rows a sheet may hold, header included (default Excel's 1,048,576). */
  maxRowsPerSheet?: number;
  /** Deflate level 0-9 (default 1). */
  compressionLevel?: number;
  /**
   * Where the tornados and the Monte Carlo run: default a worker thread beside the bundle (see
   * stress-runner.ts), null in this thread.
   */
  stressRunner?: StressRunner | null;
}

export interface ExportReportResult {
  path: string;
  /** The sheet names written, in order. */
  sheets: string[];
  /** Cells written as live formulas (each with its cached result). */
  formulaCells: number;
  rows: number;
  bytes: number;
}

/** The input cannot be reported as asked (an unknown scenario, say): each problem as `Sheet!Cell: message`. */
export class ReportInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ReportInputError';
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function exportReport(input: ExportReportInput, outPath: string, options: ExportReportOptions = {}): Promise<ExportReportResult> {
  // Stops the stress worker when the export ends early (cancelled, a write failed) or has no more use for it.
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await writeReport(input, outPath, options, stop.signal);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    stop.abort();
  }
}

async function writeReport(input: ExportReportInput, outPath: string, options: ExportReportOptions, stressSignal: AbortSignal): Promise<ExportReportResult> {
  options.signal?.throwIfAborted();
  // The scenario, as the stress engine applies it everywhere else (the Stress view, the CLI).
  let fleet = input.fleet;
  let scenarioName: string | null = null;
  let overrides: Fleet['scenarios'] = [];
  if (input.scenario && !isBaseName(input.scenario)) {
    const applied = applyScenario(fleet, input.scenario);
    if (!applied.ok) throw new ReportInputError(applied.error);
    fleet = applied.value;
    const want = normaliseKey(input.scenario);
    overrides = input.fleet.scenarios.filter((s) => normaliseKey(s.scenario) === want);
    scenarioName = overrides[0]?.scenario ?? input.scenario;
  }
  const wants = (key: ReportSheetKey) => !input.sheets || input.sheets.includes(key);
  // The Summary shows tax and economic figures too.
  const data = computeReportData(fleet, {
    tax: wants('tax') || wants('deferred') || wants('summary'),
    economics: wants('economic') || wants('summary') || wants('lots'),
    stress: wants('stress'),
    baseFleet: input.fleet,
    monteCarlo: input.monteCarlo,
    stressRunner: options.stressRunner === undefined ? workerStressRunner(stressSignal) : (options.stressRunner ?? undefined),
  });
  if (input.notes) data.notes.unshift(...input.notes);
  const model = buildReportModel(
    data,
    {
      appVersion: input.appVersion,
      exportedAt: input.now.toISOString(),
      sourceName: input.sourceName,
      sourceSha256: sha256Hex(input.sourceBytes),
      sourceSize: input.sourceBytes.length,
      scenario: scenarioName,
      scenarioOverrides: overrides,
      warnings: [...input.warnings],
    },
    { sheets: input.sheets, maxRowsPerSheet: options.maxRowsPerSheet },
  );

  const dir = dirname(outPath);
  const tmp = join(dir, `.${basename(outPath)}.report-${randomBytes(6).toString('hex')}.tmp`);
  let stage = 'write';
  let stream: WriteStream | undefined;
  try {
    // flush: the descriptor is fsync'ed before it is closed, so the data is on disk before the rename.
    stream = createWriteStream(tmp, { flags: 'wx', mode: 0o666, flush: true, highWaterMark: 1 << 20 });
    const closed = new Promise<void>((resolve, reject) => {
      stream!.once('close', resolve);
      stream!.once('error', reject);
    });
    closed.catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      stream!.once('open', () => resolve());
      stream!.once('error', reject);
    });
    const result = await writeXlsx(model, stream, {
      level: options.compressionLevel,
      created: input.now,
      application: `Fleetbook ${input.appVersion}`,
      signal: options.signal,
      onRows: options.onProgress ? (written, total) => options.onProgress!(total > 0 ? Math.min(1, written / total) : 1) : undefined,
    });
    stream.end();
    await closed;
    const bytes = stream.bytesWritten;
    stage = 'rename';
    options.signal?.throwIfAborted();
    await rename(tmp, outPath);
    await syncFolder(dir);
    options.onProgress?.(1);
    return { path: outPath, sheets: result.sheets, formulaCells: result.formulaCells, rows: result.rows, bytes };
  } catch (e) {
    if (stream && !stream.closed) {
      stream.destroy();
      await new Promise<void>((resolve) => (stream!.closed ? resolve() : stream!.once('close', () => resolve())));
    }
    await unlink(tmp).catch(() => undefined);
    if (isNodeIoError(e)) throw new UserFacingError(ioMessage(e, `${stage === 'rename' ? 'replace' : 'write'} ${basename(outPath)}`, dir));
    throw e;
  }
}

function isNodeIoError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && 'syscall' in e;
}

/** Flush the folder entry so the rename survives a power cut (POSIX; some file systems refuse, harmlessly). */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const h = await open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // the data itself is already flushed
  }
}
