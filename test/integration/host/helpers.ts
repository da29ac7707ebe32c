/** Fixtures for the host tests: temp folders, a trivial JSON "workbook" codec, fleets, failing fs. */
import { mkdtemp, rm } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../../shared/domain/fleet';
import { err, ok } from '../../../shared/domain/result';
import type { HostResult } from '../../../shared/ipc/contract';
import type { HostFs } from '../../../electron/host/fs';
import { createHost, type HostOptions, type ParseFn, type SerializeFn } from '../../../electron/host/index';

const made: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(prefix = 'fleetbook-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export function lot(id: string, extra: Partial<Lot> = {}): Lot {
  return {
    id,
    assetClass: 'ASIC',
    model: 'S21',
    quantity: 10,
    unitCost: 350_000,
    inService: '2025-01-15',
    salvagePct: 0,
    lifeMonths: 36,
    method: 'SL',
    convention: 'full-month',
    taxClass: 'MACRS-5',
    ...extra,
  };
}

export function fleet(lots: Lot[] = [lot('L1')], extra: Partial<Fleet> = {}): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, drivers: {} }, lots, events: [], scenarios: [], ...extra };
}

/**
 * A stand-in for the workbook reader: the file is JSON `{ fleet, problems?, warnings?, blocked? }`
 * whatever its extension, so tests control what "parsing" finds.
 */
export const parseJson: ParseFn = async (bytes, name) => {
  let doc: { fleet?: Fleet; problems?: []; warnings?: []; blocked?: string };
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return err({ message: `${name} is not a fleet file.` });
  }
  if (doc.problems) return err({ message: `${name} has problems.`, problems: doc.problems });
  if (!doc.fleet) return err({ message: `${name} has no fleet.` });
  return ok({ fleet: doc.fleet, warnings: doc.warnings ?? [], ...(doc.blocked ? { overwriteBlocked: doc.blocked } : {}) });
};

/** Writes what parseJson reads, and records the calls so tests can see the format and original. */
export function jsonSerializer(): SerializeFn & { calls: { format: string; original?: Uint8Array }[] } {
  const calls: { format: string; original?: Uint8Array }[] = [];
  const fn = (async (f: Fleet, format: string, original?: Uint8Array) => {
    calls.push({ format, original });
    return new TextEncoder().encode(JSON.stringify({ fleet: f, format }));
  }) as SerializeFn & { calls: typeof calls };
  fn.calls = calls;
  return fn;
}

export function fleetFile(f: Fleet, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ fleet: f, ...extra });
}

export function readFleet(text: string): Fleet {
  return (JSON.parse(text) as { fleet: Fleet }).fleet;
}

/** A host in browser mode (no dialogs, Save As into `saveDir`) over the JSON codec. */
export function webHost(userDataDir: string, saveDir: string, extra: Partial<HostOptions> = {}) {
  return createHost({
    mode: 'web',
    userDataDir,
    saveDir,
    parse: parseJson,
    serialize: jsonSerializer(),
    app: { name: 'Fleetbook', version: '0.0.0-test' },
    log: () => undefined,
    ...extra,
  });
}

/** Unwrap an ok Result, failing the test with the error message otherwise. */
export function value<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function failure(r: HostResult<unknown>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}

export function ioError(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/**
 * The real file system, except that writes to files whose name matches `match` store `afterBytes`
 * bytes and then fail with ENOSPC: a disk that fills up midway through a save.
 */
export function diskFullAfter(afterBytes: number, match: (path: string) => boolean = () => true): HostFs {
  return {
    ...fsp,
    open: (async (path: string, flags?: string, mode?: number) => {
      const handle = await fsp.open(path, flags, mode);
      if (!match(String(path)) || !flags?.includes('w')) return handle;
      let written = 0;
      const realWrite = handle.write.bind(handle);
      return Object.assign(handle, {
        write: async (buffer: Uint8Array, offset = 0, length = buffer.length - offset, position: number | null = null) => {
          const room = Math.max(0, afterBytes - written);
          if (room === 0) throw ioError('ENOSPC', 'no space left on device');
          const r = await realWrite(buffer, offset, Math.min(length, room), position);
          written += r.bytesWritten;
          return r;
        },
      });
    }) as HostFs['open'],
  };
}

/** The real file system, except that nothing may be created, renamed, linked or removed in
 * `folder`: a read-only folder (chmod cannot make one for root, which runs these tests). */
export function readOnlyFolder(folder: string, code = 'EROFS'): HostFs {
  const inside = (p: unknown) => dirname(resolve(String(p))) === resolve(folder);
  const refuse = (...paths: unknown[]) => {
    if (paths.some(inside)) throw ioError(code, 'read-only file system');
  };
  return {
    ...fsp,
    open: (async (path: string, flags?: string, mode?: number) => {
      if (flags && /[wa+]/.test(flags)) refuse(path);
      return fsp.open(path, flags, mode);
    }) as HostFs['open'],
    rename: async (a, b) => (refuse(a, b), fsp.rename(a, b)),
    link: async (a, b) => (refuse(b), fsp.link(a, b)),
    copyFile: async (a, b, mode) => (refuse(b), fsp.copyFile(a, b, mode)),
    unlink: async (p) => (refuse(p), fsp.unlink(p)),
  };
}
