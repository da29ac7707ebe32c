/**
 * Atomic file replacement: write a temporary file in the same folder, flush it to disk, then
 * rename it over the target. The target is never truncated or half-written: until the rename it
 * holds the previous version, after it the new one. The previous version is kept as `<name>.bak`.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { isNotFound } from './errors';
import { nodeFs, type HostFs } from './fs';

export interface AtomicWriteOptions {
  fs?: HostFs;
  /** Keep the file being replaced as `<target>.bak` (default true). */
  backup?: boolean;
}

export interface AtomicWriteResult {
  /** The backup written, or null when there was no previous file (or backup was off). */
  backupPath: string | null;
}

export function backupPathOf(target: string): string {
  return `${target}.bak`;
}

function tempName(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.${tag}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Write `bytes` to `target` atomically. Throws Node's error (with its code) on failure, after
 * removing its temporary files; the target and its existing backup are then untouched. */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<AtomicWriteResult> {
  const fs = options.fs ?? nodeFs;
  const backup = options.backup ?? true;

  let existing = false;
  let mode = 0o666;
  try {
    const st = await fs.stat(target);
    if (st.isFile()) {
      existing = true;
      mode = st.mode & 0o777; // keep the file's permissions across the replacement
    }
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }

  const tmp = tempName(target, 'new');
  let handle: Awaited<ReturnType<HostFs['open']>> | undefined;
  try {
    handle = await fs.open(tmp, 'wx', mode);
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
      offset += bytesWritten;
    }
    await handle.sync(); // the data is on disk before the name points at it
    await handle.close();
    handle = undefined;

    const backupPath = backup && existing ? backupPathOf(target) : null;
    if (backupPath) await keepBackup(fs, target, backupPath);
    await fs.rename(tmp, target);
    await syncFolder(fs, dirname(target));
    return { backupPath };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Replace `<target>.bak` with the current target, itself atomically (the old backup survives a failure). */
async function keepBackup(fs: HostFs, target: string, backupPath: string): Promise<void> {
  const tmp = tempName(target, 'bak');
  try {
    try {
      // A hard link costs no space or time; the rename that follows leaves it on the old content.
      await fs.link(target, tmp);
    } catch {
      await fs.copyFile(target, tmp); // file systems without hard links
    }
    await fs.rename(tmp, backupPath);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Flush the folder entry so the rename itself survives a power cut (POSIX; a no-op elsewhere). */
async function syncFolder(fs: HostFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Some file systems refuse fsync on a folder; the data itself is already flushed.
  }
}
