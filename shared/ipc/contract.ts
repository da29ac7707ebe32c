/**
 * The typed contract between the renderer and the host, the same for Electron IPC and for the
 * loopback HTTP host of browser mode.
 *
 * - Every channel has a zod schema for its request (checked by the host, whatever the transport)
 *   and a response type; every response is a Result: failures are values with a message a person
 *   can read, never thrown errors (Electron passes only an Error's `message` across IPC).
 * - The renderer never names a path: documents are known by a host-side `docId`, recent files by a
 *   `recentId`, recovered work by a `recoveryId`. Paths live on the host only.
 */
import { z } from 'zod';
import type { Fleet } from '../domain/fleet';
import type { Problem } from '../domain/problem';
import type { Result } from '../domain/result';
import { REPORT_SHEET_KEYS } from '../report/types';
import { MAX_PATHS } from '../engine/stress/limits';
import type { API_METHODS, ApiMethod, Channel } from './channels';
import { fleetSchema } from './fleet-schema';

export * from './channels';
export { fleetSchema } from './fleet-schema';

/** The largest file the host opens (bytes). Hosts may be configured lower, never higher. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Errors

export type HostErrorCode =
  /** The payload did not match the channel's schema, or the channel does not exist. */
  | 'invalid-request'
  /** The request came from somewhere the host does not trust (IPC sender, token). */
  | 'forbidden'
  /** Not available in this mode (e.g. the native open dialog in the browser). */
  | 'unsupported'
  /** The document, recent entry or recovery entry is gone. */
  | 'not-found'
  | 'too-large'
  /** The file could not be read as a fleet; `problems` says where. */
  | 'invalid-file'
  /** Reading or writing failed (disk full, permissions...). */
  | 'io'
  /** The host is already doing this (one report export at a time). */
  | 'busy'
  | 'internal';

export interface HostError {
  code: HostErrorCode;
  /** One sentence for the user. */
  message: string;
  /** Each problem with its place (`Fleet!E14: ...`), when a file could not be read. */
  problems?: Problem[];
  /** The header row of the file's Fleet sheet, when it could not be read: for a column mapping. */
  columns?: FileColumns;
}

export interface FileColumns {
  sheet: string;
  headers: string[];
}

/** How to read a register whose headers or dates Fleetbook cannot match by itself. */
export interface ImportOptions {
  /** File header -> Fleetbook column name. */
  mapping?: Record<string, string>;
  /** How to read dates such as 03/04/2025. */
  dateLocale?: 'US' | 'EU';
}

export type HostResult<T> = Result<T, HostError>;

// ---------------------------------------------------------------------------------------------
// Values

export interface AppInfo {
  name: string;
  version: string;
  mode: 'electron' | 'web';
  platform: string;
  /** Nothing has been opened on this machine yet: the renderer opens the built-in sample fleet. */
  firstStart: boolean;
}

export type DocumentFormat = 'xlsx' | 'csv';

export interface OpenedDocument {
  docId: string;
  /** File name for the title bar, e.g. `fleet.xlsx`. */
  name: string;
  /** Where the file is, for display only (home shortened to ~); null when it has no file yet. */
  displayPath: string | null;
  fleet: Fleet;
  /** Problems that did not stop the file from loading. */
  warnings: Problem[];
}

export interface NewDocument {
  docId: string;
  name: string;
}

export interface RecentEntry {
  /** Stable across runs; not the path. */
  id: string;
  name: string;
  displayPath: string;
  /** ISO timestamp. */
  openedAt: string;
}

export interface SavedInfo {
  docId: string;
  name: string;
  displayPath: string;
  /** ISO timestamp. */
  savedAt: string;
  /** File name of the previous version kept beside it, or null when there was none. */
  backupName: string | null;
}

export type SaveOutcome =
  | ({ needsSaveAs: false } & SavedInfo)
  /** The document cannot be written back to its file (none yet, changed on disk, content that
   * would be lost...): ask the user for Save As. */
  | { needsSaveAs: true; reason: string };

export interface AutosaveInfo {
  /** ISO timestamp. */
  savedAt: string;
}

export interface RecoveryEntry {
  id: string;
  name: string;
  /** Where the work came from, for display; null when it never had a file. */
  displayPath: string | null;
  /** ISO timestamp of the last autosave. */
  savedAt: string;
  lotCount: number;
}

/** A report export, run as a job: the same over IPC and HTTP (browser mode has no push events,
 * so the renderer polls report:status). */
export type ReportJobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ReportStarted {
  jobId: string;
  /** The report's file name, e.g. `fleet report.xlsx`. */
  fileName: string;
}

export interface ReportJobResult {
  fileName: string;
  /** Where the report was written, for display only (home shortened to ~). */
  displayPath: string;
  /** The sheet names written, in order. */
  sheets: string[];
  bytes: number;
  /** Browser mode: a one-time, tokened URL (same origin) that downloads the report. */
  downloadUrl?: string;
}

export interface ReportJobStatus {
  jobId: string;
  state: ReportJobState;
  /** The share of rows written, 0 to 1 (0 while the engines compute). */
  fraction: number;
  /** When done. */
  result?: ReportJobResult;
  /** When failed. */
  error?: HostError;
}

/** Commands from the application menu (Electron). */
export type MenuCommand =
  | { command: 'new' | 'open' | 'save' | 'save-as' | 'export' | 'undo' | 'redo' }
  | { command: 'open-recent'; recentId: string };

// ---------------------------------------------------------------------------------------------
// Requests

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'is not an id');
const fileName = z.string().min(1).max(255);
const empty = z.strictObject({});

export const requestSchemas = {
  'app:info': empty,
  'doc:new': z.strictObject({ name: fileName.optional() }),
  'doc:open-dialog': empty,
  'doc:open-bytes': z.strictObject({
    name: fileName,
    bytesBase64: z.base64().max(Math.ceil(MAX_FILE_BYTES / 3) * 4, 'is larger than the file size limit'),
    mapping: z.record(z.string().max(200), z.string().min(1).max(100)).optional(),
    dateLocale: z.enum(['US', 'EU']).optional(),
  }),
  'doc:open-recent': z.strictObject({ recentId: id }),
  'doc:open-pending': empty,
  'doc:open-sample': empty,
  'doc:recent-list': empty,
  'doc:save': z.strictObject({ docId: id, fleet: fleetSchema }),
  'doc:save-as': z.strictObject({ docId: id, fleet: fleetSchema, suggestedName: fileName }),
  'doc:autosave': z.strictObject({ docId: id, fleet: fleetSchema }),
  'doc:close': z.strictObject({ docId: id }),
  'doc:recovery-list': empty,
  'doc:recover': z.strictObject({ recoveryId: id }),
  'doc:discard-recovery': z.strictObject({ recoveryId: id }),
  'report:start': z.strictObject({
    /** The open document: its name, and the file bytes the Audit sheet hashes. */
    docId: id,
    /** The document as the renderer holds it (as doc:save sends it). */
    fleet: fleetSchema,
    /** The renderer's document differs from the file last opened or saved: the Audit then hashes
     * the workbook as Fleetbook would save it now. */
    unsaved: z.boolean(),
    /** The sheets to write; the Audit sheet is always written. */
    sheets: z.array(z.enum(REPORT_SHEET_KEYS)).min(1).max(REPORT_SHEET_KEYS.length * 2),
    /** A scenario of the workbook's Scenarios sheet, or null for the base case. */
    scenario: z.string().min(1).max(200).nullable(),
    /** The Stress sheet's Monte Carlo (default 1,000 paths, seed 1, as `fleetbook stress`). */
    monteCarlo: z
      .strictObject({ paths: z.number().int().min(1).max(MAX_PATHS), seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
      .optional(),
  }),
  'report:status': z.strictObject({ jobId: id }),
  'report:cancel': z.strictObject({ jobId: id }),
} satisfies Record<Channel, z.ZodType>;

/** What each channel answers with, inside its Result. */
export interface ChannelValues {
  'app:info': AppInfo;
  'doc:new': NewDocument;
  /** null: the user cancelled the dialog. */
  'doc:open-dialog': OpenedDocument | null;
  'doc:open-bytes': OpenedDocument;
  'doc:open-recent': OpenedDocument;
  /** null: nothing is waiting to be opened. */
  'doc:open-pending': OpenedDocument | null;
  /** The built-in sample fleet, as a new document with no file (Save asks where). */
  'doc:open-sample': OpenedDocument;
  'doc:recent-list': RecentEntry[];
  'doc:save': SaveOutcome;
  /** null: the user cancelled the dialog. */
  'doc:save-as': SavedInfo | null;
  'doc:autosave': AutosaveInfo;
  'doc:close': null;
  'doc:recovery-list': RecoveryEntry[];
  'doc:recover': OpenedDocument;
  'doc:discard-recovery': null;
  /** null: the user cancelled the save dialog (Electron). Fails with `busy` while another export runs. */
  'report:start': ReportStarted | null;
  'report:status': ReportJobStatus;
  /** The status once cancelling was asked for (still `running` until the export has stopped). */
  'report:cancel': ReportJobStatus;
}

export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
export type ResponseOf<C extends Channel> = HostResult<ChannelValues[C]>;

// ---------------------------------------------------------------------------------------------
// The API the renderer sees (the preload's bridge, or the HTTP client in browser mode)

type MethodChannel<M extends ApiMethod> = (typeof API_METHODS)[M];
/** A request whose fields are all optional may be left out. */
type MethodOf<C extends Channel> =
  Record<string, never> extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<ResponseOf<C>>
    : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

export type DesktopApi = { readonly [M in ApiMethod]: MethodOf<MethodChannel<M>> } & {
  /** Subscribe to application-menu commands; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The OS asked to open a file; call openPending() to get it. Returns the unsubscribe function. */
  readonly onOpenPending: (listener: () => void) => () => void;
};

/** Turn a zod failure into one readable sentence naming the fields at fault. */
export function describeIssues(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((i) => {
    const where = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : 'request';
    return `${where}: ${i.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Invalid request to ${channel}: ${parts.join('; ')}${more}`;
}
