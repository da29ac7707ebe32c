/**
 * The composition root of the host: every front end (Electron IPC, the loopback HTTP host) builds
 * one with createHost() and passes requests to `invoke`, so the handlers, and the validation of
 * every payload against the contract's schemas, are the same code whatever the transport.
 */
import { err, ok } from '../../shared/domain/result';
import {
  describeIssues,
  isChannel,
  requestSchemas,
  MAX_FILE_BYTES,
  type Channel,
  type HostResult,
  type OpenedDocument,
  type RecentEntry,
  type ResponseOf,
} from '../../shared/ipc/contract';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { ParseFn, SerializeFn } from './codec';
import { Documents } from './documents';
import { nodeFs, type HostFs } from './fs';
import { uniquePath } from './paths';
import { RecentFiles } from './recent';
import { RecoveryStore } from './recovery';
import { ReportJobs, type ReportDownload } from './report/jobs';

export type { ParseFn, SerializeFn, ParsedDocument, ParseFailure } from './codec';
export type { ReportDownload } from './report/jobs';

/** Native dialogs (Electron). Each returns a path, or null when the user cancelled. */
export interface HostDialogs {
  chooseOpenPath(): Promise<string | null>;
  chooseSavePath(suggestedName: string, currentPath: string | null): Promise<string | null>;
  /** Where to write a report (an .xlsx); `documentPath`: the fleet workbook's file, if any. */
  chooseReportPath(suggestedName: string, documentPath: string | null): Promise<string | null>;
}

export interface HostOptions {
  mode: 'electron' | 'web';
  /** Recent files and the recovery folder live here. */
  userDataDir: string;
  parse: ParseFn;
  serialize: SerializeFn;
  app: { name: string; version: string };
  /** With dialogs, Save As asks the user; without, it writes into `saveDir` under a free name. */
  dialogs?: HostDialogs;
  /** Required without dialogs (browser mode): the folder the host owns for Save As and reports. */
  saveDir?: string;
  /** The built-in sample fleet workbook (examples/sample-fleet.xlsx), opened on a first start. */
  samplePath?: string;
  /** Largest file opened, in bytes (default and ceiling: the contract's MAX_FILE_BYTES). */
  maxFileBytes?: number;
  recentCap?: number;
  platform?: string;
  fs?: HostFs;
  now?: () => Date;
  log?: (message: string) => void;
}

export type HostEvent = { type: 'open-pending' } | { type: 'recent-changed' };

type Handlers = { [C in Channel]: (request: z.output<(typeof requestSchemas)[C]>) => Promise<ResponseOf<C>> };

export interface Host {
  /** Validate `payload` against the channel's schema and run its handler. Never throws. */
  invoke(channel: string, payload: unknown): Promise<HostResult<unknown>>;
  /** Open a file the OS handed over (argv, open-file) now, e.g. at start-up. */
  openPath(path: string): Promise<HostResult<OpenedDocument>>;
  /** Keep a file the OS handed over until the renderer asks for it (doc:open-pending). */
  queueOpen(path: string): void;
  listRecent(): Promise<RecentEntry[]>;
  onEvent(listener: (event: HostEvent) => void): () => void;
  /** Browser mode: the report a download URL names, once (see report/jobs.ts); null when unknown or used. */
  takeDownload(token: string): ReportDownload | null;
  /** A clean exit: stop a running export, forget open documents and their recovery copies. */
  closeAll(): Promise<void>;
}

export function createHost(options: HostOptions): Host {
  const fs = options.fs ?? nodeFs;
  const log = options.log ?? ((m: string) => console.warn(`fleetbook: ${m}`));
  const now = options.now ?? (() => new Date());
  const listeners = new Set<(event: HostEvent) => void>();
  const emit = (event: HostEvent) => listeners.forEach((l) => l(event));
  const { dialogs, saveDir } = options;
  if (!dialogs && !saveDir) throw new Error('createHost: give either dialogs or a saveDir');

  const recent = new RecentFiles(options.userDataDir, { fs, cap: options.recentCap, now, onChange: () => emit({ type: 'recent-changed' }) });
  const recovery = new RecoveryStore(options.userDataDir, fs);
  const docs = new Documents({
    fs,
    codec: { parse: options.parse, serialize: options.serialize },
    recent,
    recovery,
    maxFileBytes: Math.min(options.maxFileBytes ?? MAX_FILE_BYTES, MAX_FILE_BYTES),
    now,
    log,
    chooseSaveTarget: dialogs
      ? (name, current) => dialogs.chooseSavePath(name, current)
      : async (name) => {
          const folder = saveDir as string;
          await fs.mkdir(folder, { recursive: true });
          return uniquePath(fs, folder, name);
        },
  });
  const freeName = async (name: string): Promise<string> => {
    const folder = saveDir as string;
    await fs.mkdir(folder, { recursive: true });
    return uniquePath(fs, folder, name);
  };
  const reports = new ReportJobs({
    mode: options.mode,
    documents: docs,
    serialize: options.serialize,
    chooseTarget: dialogs ? (name, documentPath) => dialogs.chooseReportPath(name, documentPath) : freeName,
    appVersion: options.app.version,
    now,
    log,
  });
  let pending: string[] = [];
  // Written once the sample has been shown: later starts open nothing by themselves.
  const firstStartMarker = join(options.userDataDir, 'sample-shown');
  const started = async (): Promise<boolean> => fs.stat(firstStartMarker).then(
    () => true,
    () => false,
  );
  const markStarted = async (): Promise<void> => {
    await fs.mkdir(options.userDataDir, { recursive: true });
    const handle = await fs.open(firstStartMarker, 'w');
    await handle.writeFile(now().toISOString());
    await handle.close();
  };

  const handlers: Handlers = {
    'app:info': async () =>
      ok({
        name: options.app.name,
        version: options.app.version,
        mode: options.mode,
        platform: options.platform ?? process.platform,
        firstStart: !(await started()),
      }),
    'doc:open-sample': async () => {
      if (!options.samplePath) return err({ code: 'unsupported', message: 'This build has no sample fleet.' });
      let bytes: Uint8Array;
      try {
        bytes = await fs.readFile(options.samplePath);
      } catch (e) {
        return err({ code: 'not-found', message: `The sample fleet could not be read: ${e instanceof Error ? e.message : String(e)}` });
      }
      await markStarted();
      // Opened from bytes: a document without a file, so the bundled sample is never overwritten.
      return docs.openBytes(basename(options.samplePath), bytes);
    },
    'doc:new': async ({ name }) => ok(docs.create(name)),
    'doc:open-dialog': async () => {
      if (!dialogs) return err({ code: 'unsupported', message: 'In the browser, use the file chooser to open a file.' });
      const path = await dialogs.chooseOpenPath();
      return path === null ? ok(null) : docs.openPath(path);
    },
    'doc:open-bytes': async ({ name, bytesBase64, mapping, dateLocale }) =>
      docs.openBytes(name, new Uint8Array(Buffer.from(bytesBase64, 'base64')), { mapping, dateLocale }),
    'doc:open-recent': async ({ recentId }) => {
      const path = await recent.resolve(recentId);
      if (path === null) return err({ code: 'not-found', message: 'That file is no longer in the recent files list.' });
      const opened = await docs.openPath(path);
      if (!opened.ok && opened.error.code === 'not-found') await recent.remove(recentId);
      return opened;
    },
    'doc:open-pending': async () => {
      // A single-document window shows the latest file the OS handed over.
      const path = pending.at(-1);
      pending = [];
      return path === undefined ? ok(null) : docs.openPath(path);
    },
    'doc:recent-list': async () => ok(await recent.list()),
    'doc:save': ({ docId, fleet }) => docs.save(docId, fleet),
    'doc:save-as': ({ docId, fleet, suggestedName }) => docs.saveAs(docId, fleet, suggestedName),
    'doc:autosave': ({ docId, fleet }) => docs.autosave(docId, fleet),
    'doc:close': ({ docId }) => docs.close(docId),
    'doc:recovery-list': () => docs.recoveryList(),
    'doc:recover': ({ recoveryId }) => docs.recover(recoveryId),
    'doc:discard-recovery': ({ recoveryId }) => docs.discardRecovery(recoveryId),
    'report:start': (request) => reports.start(request),
    'report:status': async ({ jobId }) => reports.status(jobId),
    'report:cancel': async ({ jobId }) => reports.cancel(jobId),
  };

  return {
    async invoke(channel, payload) {
      if (!isChannel(channel)) return err({ code: 'invalid-request', message: `Fleetbook has no request named ${JSON.stringify(channel).slice(0, 80)}.` });
      const parsed = requestSchemas[channel].safeParse(payload === undefined ? {} : payload);
      if (!parsed.success) return err({ code: 'invalid-request', message: describeIssues(channel, parsed.error) });
      try {
        return await (handlers[channel] as (request: unknown) => Promise<HostResult<unknown>>)(parsed.data);
      } catch (e) {
        log(`${channel} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return err({ code: 'internal', message: `Fleetbook hit an unexpected error: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
    openPath: (path) => docs.openPath(path),
    queueOpen(path) {
      pending.push(path);
      emit({ type: 'open-pending' });
    },
    listRecent: () => recent.list(),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    takeDownload: (token) => reports.takeDownload(token),
    closeAll: async () => {
      await reports.cancelAll();
      await docs.closeAll();
    },
  };
}

