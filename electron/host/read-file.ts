/** Reading a user's file with a size cap, so a huge file is refused before it is loaded. */
import { UserFacingError, ioMessage, isNotFound } from './errors';
import { nodeFs, type HostFs } from './fs';
import { basename } from 'node:path';

export interface FileSnapshot {
  bytes: Uint8Array;
  /** What the file looked like when read, to notice later changes by another program. */
  mtimeMs: number;
  size: number;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

export function tooLargeMessage(name: string, size: number, maxBytes: number): string {
  return `${name} is too large to open (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)}).`;
}

/** Read a regular file of at most `maxBytes`; throws UserFacingError with a readable message. */
export async function readFileCapped(path: string, maxBytes: number, fs: HostFs = nodeFs): Promise<FileSnapshot> {
  const name = basename(path);
  let handle: Awaited<ReturnType<HostFs['open']>>;
  try {
    handle = await fs.open(path, 'r');
  } catch (e) {
    if (isNotFound(e)) throw new UserFacingError(`${name} no longer exists (${path}).`, 'not-found');
    throw new UserFacingError(ioMessage(e, `open ${name}`, path));
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new UserFacingError(`${name} is not a file.`);
    if (st.size > maxBytes) throw new UserFacingError(tooLargeMessage(name, st.size, maxBytes), 'too-large');
    // Read until end of file, never more than one byte past the cap: the file may have changed
    // size since stat.
    let buf = new Uint8Array(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (length > maxBytes) throw new UserFacingError(tooLargeMessage(name, length, maxBytes), 'too-large');
        const bigger = new Uint8Array(Math.min(buf.length * 2, maxBytes + 1));
        bigger.set(buf);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: buf.subarray(0, length), mtimeMs: st.mtimeMs, size: length };
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw new UserFacingError(ioMessage(e, `read ${name}`, path));
  } finally {
    await handle.close().catch(() => undefined);
  }
}
