/** Where a command's output goes: stdout or a file, written in chunks that respect backpressure. */
import { open, rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';

export interface Sink {
  write(text: string): Promise<void>;
  /** Flushes what is buffered and closes the file (stdout stays open). */
  close(): Promise<void>;
}

const CHUNK_CHARS = 1 << 16;

function writeChunk(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    stream.once('error', onError);
    const drained = stream.write(chunk, () => undefined);
    const done = (): void => {
      stream.off('error', onError);
      resolve();
    };
    if (drained) done();
    else stream.once('drain', done);
  });
}

/** Buffers small writes into 64K chunks; awaits 'drain' when the stream is full. */
export function streamSink(stream: Writable, end: () => Promise<void> = async () => undefined): Sink {
  let buffer: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    await writeChunk(stream, chunk);
  };
  return {
    async write(text) {
      buffer.push(text);
      size += text.length;
      if (size >= CHUNK_CHARS) await flush();
    },
    async close() {
      await flush();
      await end();
    },
  };
}

/**
 * A sink into a file: written beside it under a temporary name and renamed over it once complete,
 * so an existing file is never left half-overwritten. Opened at once, so a bad path fails first.
 */
export async function fileSink(path: string): Promise<Sink & { abandon(): Promise<void> }> {
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  const stream = handle.createWriteStream();
  const sink = streamSink(stream, async () => {
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
    await rename(temp, path);
  });
  return {
    ...sink,
    async abandon() {
      stream.destroy();
      await rm(temp, { force: true });
    },
  };
}
