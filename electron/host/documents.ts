/**
 * Open documents, kept on the host: each has an id the renderer uses, and (when it has one) the
 * path it is saved to, which never leaves the host. Open, save, save as, autosave and recovery.
 */
import { randomUUID } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import { DEFAULT_ASSUMPTIONS, type Assumptions, type Fleet } from '../../shared/domain/fleet';
import type { Problem } from '../../shared/domain/problem';
import { err, ok } from '../../shared/domain/result';
import type {
  AutosaveInfo,
  DocumentFormat,
  HostError,
  HostErrorCode,
  HostResult,
  ImportOptions,
  NewDocument,
  OpenedDocument,
  RecoveryEntry,
  SavedInfo,
  SaveOutcome,
} from '../../shared/ipc/contract';
import { backupPathOf, writeFileAtomic } from './atomic-write';
import type { Codec, ParsedDocument } from './codec';
import { UserFacingError, ioMessage, isNotFound } from './errors';
import type { HostFs } from './fs';
import { displayPath, formatOf, safeFileName } from './paths';
import { readFileCapped, tooLargeMessage } from './read-file';
import type { RecentFiles } from './recent';
import type { RecoveryStore } from './recovery';
import { SerialQueue } from './serial';

interface OpenDoc {
  id: string;
  name: string;
  /** Where Save writes; null until the document has a file. */
  path: string | null;
  /** The file content last read or written, handed to serialize (same format only) so sheets
   * and columns Fleetbook does not know are kept. */
  original: { bytes: Uint8Array; format: DocumentFormat | null } | null;
  /** The file as last read or written, to notice another program changing it meanwhile. */
  seen: { mtimeMs: number; size: number } | null;
  overwriteBlocked: string | null;
  /** The assumptions a CSV file stands for (what reading one gives); other assumptions would be
   * lost by saving as CSV. */
  baseline: Assumptions;
  /** Problems that did not stop the file from loading (for the report's Audit sheet); they
   * describe `original`, so they go when Fleetbook writes the file anew. */
  warnings?: Problem[];
}

/** What a report needs to know of an open document (the Audit sheet's input). */
export interface DocumentSource {
  name: string;
  path: string | null;
  /** The file's bytes as last read or written, if the host has them. */
  original: { bytes: Uint8Array; format: DocumentFormat | null } | null;
  warnings: Problem[];
}

/** Where Save As writes: a path chosen by the user (Electron) or by the host (browser mode);
 * null when the user cancelled. */
export type ChooseSaveTarget = (suggestedName: string, currentPath: string | null) => Promise<string | null>;

export interface DocumentsOptions {
  fs: HostFs;
  codec: Codec;
  recent: RecentFiles;
  recovery: RecoveryStore;
  maxFileBytes: number;
  chooseSaveTarget: ChooseSaveTarget;
  now: () => Date;
  log: (message: string) => void;
}

function fail(code: HostErrorCode, message: string, problems?: HostError['problems']): HostResult<never> {
  return err(problems ? { code, message, problems } : { code, message });
}

function failFrom(e: unknown, fallback: string): HostResult<never> {
  if (e instanceof UserFacingError) return fail(e.code, e.message);
  return fail('io', `${fallback}: ${e instanceof Error ? e.message : String(e)}`);
}

/** Structural equality of JSON-like values; a key holding undefined counts as absent. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue(ra[k], rb[k]));
}

/** Why a CSV file cannot hold this fleet, or null when it can (CSV has only the Fleet columns). */
function csvLoss(fleet: Fleet, baseline: Assumptions): string | null {
  const lost = [
    fleet.events.length ? 'events' : '',
    fleet.scenarios.length ? 'scenarios' : '',
    sameValue(fleet.assumptions, baseline) ? '' : 'assumptions',
  ].filter(Boolean);
  if (!lost.length) return null;
  return `A CSV file holds only the lots; this fleet also has ${lost.join(' and ')}. Save it as an .xlsx workbook to keep them.`;
}

export class Documents {
  private readonly docs = new Map<string, OpenDoc>();
  private readonly queue = new SerialQueue();

  constructor(private readonly o: DocumentsOptions) {}

  create(name?: string): NewDocument {
    const doc = this.register({ name: name ? safeFileName(name) : 'Untitled.xlsx', path: null, original: null, seen: null, overwriteBlocked: null, baseline: DEFAULT_ASSUMPTIONS });
    return { docId: doc.id, name: doc.name };
  }

  /** Open a file by path (dialog, recent list, the OS). */
  async openPath(given: string): Promise<HostResult<OpenedDocument>> {
    const path = resolve(given);
    const name = basename(path);
    let snapshot;
    try {
      snapshot = await readFileCapped(path, this.o.maxFileBytes, this.o.fs);
    } catch (e) {
      return failFrom(e, `Could not open ${name}`);
    }
    const parsed = await this.parse(snapshot.bytes, name);
    if (!parsed.ok) return parsed;
    const { fleet, warnings, overwriteBlocked } = parsed.value;
    const doc = this.register({
      name,
      path,
      original: { bytes: snapshot.bytes, format: formatOf(name) },
      seen: { mtimeMs: snapshot.mtimeMs, size: snapshot.size },
      overwriteBlocked: overwriteBlocked ?? null,
      baseline: formatOf(name) === 'csv' ? fleet.assumptions : DEFAULT_ASSUMPTIONS,
      warnings,
    });
    await this.remember(path);
    return ok({ docId: doc.id, name, displayPath: displayPath(path), fleet, warnings });
  }

  /** Open bytes the user picked in the browser or dropped on the window: no file on the host. */
  async openBytes(rawName: string, bytes: Uint8Array, options?: ImportOptions): Promise<HostResult<OpenedDocument>> {
    const name = basename(rawName.replace(/\\/g, '/')) || 'Untitled.xlsx';
    if (bytes.length > this.o.maxFileBytes) return fail('too-large', tooLargeMessage(name, bytes.length, this.o.maxFileBytes));
    const parsed = await this.parse(bytes, name, options);
    if (!parsed.ok) return parsed;
    const { fleet, warnings, overwriteBlocked } = parsed.value;
    const doc = this.register({ name, path: null, original: { bytes, format: formatOf(name) }, seen: null, overwriteBlocked: overwriteBlocked ?? null, baseline: formatOf(name) === 'csv' ? fleet.assumptions : DEFAULT_ASSUMPTIONS, warnings });
    return ok({ docId: doc.id, name, displayPath: null, fleet, warnings });
  }

  save(docId: string, fleet: Fleet): Promise<HostResult<SaveOutcome>> {
    return this.withDoc(docId, async (doc) => {
      const needs = (reason: string): HostResult<SaveOutcome> => ok({ needsSaveAs: true, reason });
      if (!doc.path) return needs(`${doc.name} has not been saved to a file yet.`);
      if (doc.overwriteBlocked) return needs(doc.overwriteBlocked);
      const format = formatOf(doc.path);
      if (!format) return needs(`Fleetbook saves .xlsx and .csv files; ${doc.name} is neither.`);
      if (format === 'csv') {
        const loss = csvLoss(fleet, doc.baseline);
        if (loss) return needs(loss);
      }
      if (doc.seen) {
        try {
          const st = await this.o.fs.stat(doc.path);
          if (st.mtimeMs !== doc.seen.mtimeMs || st.size !== doc.seen.size) {
            return needs(`${doc.name} was changed by another program since Fleetbook read it; save under another name to keep both.`);
          }
        } catch (e) {
          if (!isNotFound(e)) return fail('io', ioMessage(e, `save ${doc.name}`, doc.path));
          // Deleted meanwhile: writing it again is what the user asked for.
        }
      }
      const written = await this.write(doc, doc.path, format, fleet);
      return written.ok ? ok({ needsSaveAs: false, ...written.value }) : written;
    });
  }

  saveAs(docId: string, fleet: Fleet, suggestedName: string): Promise<HostResult<SavedInfo | null>> {
    return this.withDoc(docId, async (doc) => {
      let target: string | null;
      try {
        target = await this.o.chooseSaveTarget(safeFileName(suggestedName), doc.path);
      } catch (e) {
        return failFrom(e, 'Could not choose where to save');
      }
      if (target === null) return ok(null);
      const format = formatOf(target);
      if (!format) return fail('invalid-request', `Fleetbook saves .xlsx and .csv files, not ${basename(target)}.`);
      if (format === 'csv') {
        const loss = csvLoss(fleet, doc.baseline);
        if (loss) return fail('invalid-request', loss);
      }
      return this.write(doc, target, format, fleet);
    });
  }

  autosave(docId: string, fleet: Fleet): Promise<HostResult<AutosaveInfo>> {
    return this.withDoc(docId, async (doc) => {
      const savedAt = this.o.now().toISOString();
      try {
        await this.o.recovery.write({
          docId: doc.id,
          name: doc.name,
          savedAt,
          // Without a record of the file (stat failed after a write), an impossible size makes a
          // recovered Save ask for Save As rather than overwrite blindly.
          source: doc.path ? { path: doc.path, ...(doc.seen ?? { mtimeMs: 0, size: -1 }) } : null,
          overwriteBlocked: doc.overwriteBlocked,
          fleet,
        });
      } catch (e) {
        return fail('io', ioMessage(e, 'keep a recovery copy of your work', this.o.recovery.dir));
      }
      return ok({ savedAt });
    });
  }

  /** The user closed the document (saved, or chose to discard): forget it and its recovery copy. */
  close(docId: string): Promise<HostResult<null>> {
    return this.withDoc(docId, async (doc) => {
      this.docs.delete(doc.id);
      await this.o.recovery.remove(doc.id).catch((e) => this.o.log(`could not remove recovery copy ${doc.id}: ${String(e)}`));
      return ok(null);
    });
  }

  /** The document's name, path and file bytes, for a report's Audit sheet. */
  source(docId: string): Promise<HostResult<DocumentSource>> {
    return this.withDoc(docId, async (doc) =>
      ok({
        name: doc.name,
        path: doc.path,
        original: doc.original,
        warnings: doc.warnings ?? [],
      }),
    );
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.docs.keys()]) await this.close(id);
  }

  async recoveryList(): Promise<HostResult<RecoveryEntry[]>> {
    try {
      const records = await this.o.recovery.list(new Set(this.docs.keys()));
      return ok(
        records.map((r) => ({
          id: r.docId,
          name: r.name,
          displayPath: r.source ? displayPath(r.source.path) : null,
          savedAt: r.savedAt,
          lotCount: r.fleet.lots.length,
        })),
      );
    } catch (e) {
      return fail('io', ioMessage(e, 'list recovered work', this.o.recovery.dir));
    }
  }

  /** Reopen autosaved work under its old id, so further autosaves replace the same record. */
  recover(recoveryId: string): Promise<HostResult<OpenedDocument>> {
    return this.queue.run(recoveryId, async () => {
      if (this.docs.has(recoveryId)) return fail('invalid-request', 'That work is already open.');
      const record = await this.o.recovery.read(recoveryId);
      if (!record) return fail('not-found', 'That recovered work is no longer available.');
      let original: OpenDoc['original'] = null;
      if (record.source) {
        // The original file's bytes keep its unknown sheets on save, but only if it is unchanged.
        try {
          const snap = await readFileCapped(record.source.path, this.o.maxFileBytes, this.o.fs);
          if (snap.mtimeMs === record.source.mtimeMs && snap.size === record.source.size) original = { bytes: snap.bytes, format: formatOf(record.source.path) };
        } catch {
          // Gone or unreadable: Save will say so or write it anew.
        }
      }
      const doc: OpenDoc = {
        id: recoveryId,
        name: record.name,
        path: record.source?.path ?? null,
        original,
        seen: record.source ? { mtimeMs: record.source.mtimeMs, size: record.source.size } : null,
        overwriteBlocked: record.overwriteBlocked,
        baseline: DEFAULT_ASSUMPTIONS,
      };
      this.docs.set(doc.id, doc);
      return ok({ docId: doc.id, name: doc.name, displayPath: doc.path ? displayPath(doc.path) : null, fleet: record.fleet, warnings: [] });
    });
  }

  discardRecovery(recoveryId: string): Promise<HostResult<null>> {
    return this.queue.run(recoveryId, async () => {
      if (this.docs.has(recoveryId)) return fail('invalid-request', 'That work is open; close it instead.');
      try {
        await this.o.recovery.remove(recoveryId);
      } catch (e) {
        return fail('io', ioMessage(e, 'discard the recovered work', this.o.recovery.dir));
      }
      return ok(null);
    });
  }

  // -------------------------------------------------------------------------------------------

  private register(fields: Omit<OpenDoc, 'id'>): OpenDoc {
    const doc: OpenDoc = { id: randomUUID(), ...fields };
    this.docs.set(doc.id, doc);
    return doc;
  }

  private withDoc<T>(docId: string, job: (doc: OpenDoc) => Promise<HostResult<T>>): Promise<HostResult<T>> {
    return this.queue.run(docId, async () => {
      const doc = this.docs.get(docId);
      if (!doc) return fail('not-found', 'This document is no longer open in Fleetbook (was it restarted?). Use Save As from a fresh window, or reopen the file.');
      return job(doc);
    });
  }

  private async parse(bytes: Uint8Array, name: string, options?: ImportOptions): Promise<HostResult<ParsedDocument>> {
    try {
      const r = await this.o.codec.parse(bytes, name, options);
      if (r.ok) return r;
      const { message, problems, columns } = r.error;
      return err({ code: 'invalid-file', message, ...(problems ? { problems } : {}), ...(columns ? { columns } : {}) });
    } catch (e) {
      return fail('invalid-file', `Fleetbook could not read ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** Serialize and write atomically; on success the document now lives at `target`. */
  private async write(doc: OpenDoc, target: string, format: DocumentFormat, fleet: Fleet): Promise<HostResult<SavedInfo>> {
    const name = basename(target);
    let bytes: Uint8Array;
    try {
      const original = doc.original?.format === format ? doc.original.bytes : undefined;
      bytes = await this.o.codec.serialize(fleet, format, original);
    } catch (e) {
      return fail('internal', `Could not write ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    let backupPath: string | null;
    try {
      ({ backupPath } = await writeFileAtomic(target, bytes, { fs: this.o.fs }));
    } catch (e) {
      return fail('io', ioMessage(e, `save ${name}`, dirname(target)));
    }
    let seen: OpenDoc['seen'] = null;
    try {
      const st = await this.o.fs.stat(target);
      seen = { mtimeMs: st.mtimeMs, size: st.size };
    } catch {
      // Written but not readable back: the next Save will write without the change check.
    }
    Object.assign(doc, { name, path: target, original: { bytes, format }, seen, overwriteBlocked: null, warnings: undefined });
    await this.o.recovery.remove(doc.id).catch((e) => this.o.log(`could not remove recovery copy ${doc.id}: ${String(e)}`));
    await this.remember(target);
    return ok({
      docId: doc.id,
      name,
      displayPath: displayPath(target),
      savedAt: this.o.now().toISOString(),
      backupName: backupPath ? basename(backupPathOf(target)) : null,
    });
  }

  private async remember(path: string): Promise<void> {
    // A recent list that cannot be written is not worth failing an open or a save.
    await this.o.recent.add(path).catch((e) => this.o.log(`could not update the recent files list: ${String(e)}`));
  }
}
