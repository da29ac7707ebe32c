/**
 * A streaming zip writer (PKWARE APPNOTE 6.3): entries are deflated as their bytes arrive and
 * followed by a data descriptor, so nothing larger than a chunk is held in memory. Deflate runs
 * on libuv's thread pool (node:zlib streams), in parallel with the JavaScript that builds the next
 * chunk. No ZIP64: an entry or the archive past 4 GiB is refused (a report sheet holds at most
 * 1,048,576 rows, far below that).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';

const LIMIT = 0xffffffff;
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const METHOD_DEFLATE = 8;
const VERSION = 20; // 2.0: deflate

interface CentralEntry {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  time: number;
  date: number;
}

export class ZipTooLargeError extends Error {
  constructor() {
    super('the report is larger than 4 GiB, which this writer does not support');
    this.name = 'ZipTooLargeError';
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: (Math.max(0, d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * One entry being written; `write` its bytes in order, then `close`. A write's promise settles
 * when the chunk has been consumed: until then its memory must not be reused. Several writes may
 * be in flight.
 */
export interface ZipEntryWriter {
  write(chunk: Buffer): Promise<void>;
  close(): Promise<void>;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private failure: Error | null = null;
  private open = false;
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly out: Writable,
    options: { level?: number; modified?: Date } = {},
  ) {
    this.level = options.level ?? constants.Z_DEFAULT_COMPRESSION;
    this.stamp = dosTime(options.modified ?? new Date());
    out.on('error', (e) => (this.failure ??= e));
  }

  private readonly level: number;

  private async raw(bytes: Buffer): Promise<void> {
    this.check();
    this.offset += bytes.length;
    if (this.offset > LIMIT) throw new ZipTooLargeError();
    if (!this.out.write(bytes)) await this.drained();
  }

  private async drained(): Promise<void> {
    // events.once rejects if the stream emits 'error' while waiting.
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Start an entry (one at a time). */
  async entry(name: string): Promise<ZipEntryWriter> {
    if (this.open) throw new Error('zip: the previous entry is still open');
    this.open = true;
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 6);
    header.writeUInt16LE(METHOD_DEFLATE, 8);
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // crc, sizes: 0 here, in the data descriptor after the data
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    await this.raw(Buffer.concat([header, nameBytes]));

    const deflate: DeflateRaw = createDeflateRaw({ level: this.level, memLevel: 9, chunkSize: 1 << 18 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let deflateError: Error | null = null;
    deflate.on('error', (e) => (deflateError ??= e));
    // Compressed bytes go straight to the output; a full output pauses the deflater.
    deflate.on('data', (chunk: Buffer) => {
      compressed += chunk.length;
      this.offset += chunk.length;
      if (!this.out.write(chunk)) {
        deflate.pause();
        this.out.once('drain', () => deflate.resume());
      }
    });
    const ended = once(deflate, 'end');
    ended.catch(() => undefined);

    return {
      write: (chunk: Buffer) =>
        new Promise<void>((resolve, reject) => {
          this.check();
          if (deflateError) throw deflateError;
          crc = crc32(chunk, crc);
          size += chunk.length;
          if (size > LIMIT) throw new ZipTooLargeError();
          // The callback comes once the deflater has consumed the chunk (and, a Transform holding
          // its callback while its output waits, once the output has room): backpressure end to end.
          deflate.write(chunk, (e) => (e ? reject(e) : resolve()));
        }),
      close: async () => {
        deflate.end();
        await ended;
        if (deflateError) throw deflateError;
        this.check();
        if (this.offset > LIMIT) throw new ZipTooLargeError();
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc >>> 0, 4);
        descriptor.writeUInt32LE(compressed, 8);
        descriptor.writeUInt32LE(size, 12);
        this.open = false;
        await this.raw(descriptor);
        this.entries.push({ name: nameBytes, crc: crc >>> 0, compressed, size, offset, ...this.stamp });
      },
    };
  }

  /** A whole entry at once. */
  async add(name: string, content: string | Buffer): Promise<void> {
    const e = await this.entry(name);
    await e.write(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    await e.close();
  }

  /** The central directory and its end record; the caller then ends the output stream. */
  async finish(): Promise<void> {
    if (this.open) throw new Error('zip: an entry is still open');
    const start = this.offset;
    const parts: Buffer[] = [];
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAG_DESCRIPTOR | FLAG_UTF8, 8);
      h.writeUInt16LE(METHOD_DEFLATE, 10);
      h.writeUInt16LE(e.time, 12);
      h.writeUInt16LE(e.date, 14);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk number, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42);
      parts.push(h, e.name);
    }
    const directory = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    if (this.entries.length > 0xffff) throw new ZipTooLargeError();
    await this.raw(Buffer.concat([directory, end]));
  }
}
