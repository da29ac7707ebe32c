/**
 * A small zip writer for the parts of an .xlsx: large parts are deflated as they are written, with
 * the web-standard CompressionStream and TextEncoder (Node 18+ and every browser have them; they are
 * declared here because the pure core compiles without DOM or Node types).
 *
 * The output is deterministic (fixed timestamps, parts in the order written), so a script that
 * writes the same workbook twice gets the same bytes.
 */

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
}
interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
declare const CompressionStream: new (format: 'deflate-raw') => { readable: { getReader(): StreamReader }; writable: { getWriter(): StreamWriter } };
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const VERSION = 20;
/** Bit 11: names are UTF-8. */
const FLAG_UTF8 = 0x0800;
const STORED = 0;
const DEFLATE = 8;
/** 1980-01-01 00:00, the earliest DOS date: parts carry no wall-clock time. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_ZIP32 = 0xffffffff;
/** Text is encoded and deflated in batches of about this many characters. */
const BATCH_CHARS = 1 << 20;
/** Batches the compressor may hold while the next is built. */
const MAX_INFLIGHT = 2;

/** CRC-32 tables for slicing by 8 bytes: TABLES[0] is the classic byte table. */
const TABLES = (() => {
  const t = Array.from({ length: 8 }, () => new Int32Array(256));
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k][n] = (t[k - 1][n] >>> 8) ^ t[0][t[k - 1][n] & 0xff];
  return t;
})();
const [T0, T1, T2, T3, T4, T5, T6, T7] = TABLES;

function crc32Update(crc: number, data: Uint8Array): number {
  let c = crc ^ -1;
  let i = 0;
  const n = data.length;
  for (; i + 8 <= n; i += 8) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = T7[c & 0xff] ^ T6[(c >>> 8) & 0xff] ^ T5[(c >>> 16) & 0xff] ^ T4[c >>> 24] ^ T3[data[i + 4]] ^ T2[data[i + 5]] ^ T1[data[i + 6]] ^ T0[data[i + 7]];
  }
  for (; i < n; i++) c = T0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c ^ -1;
}

/** CRC-32 of bytes (as zip uses it), unsigned. */
export function crc32(data: Uint8Array): number {
  return crc32Update(0, data) >>> 0;
}

interface WrittenEntry {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  compressed: Uint8Array[];
  compressedSize: number;
}

/** Parts up to this size are stored, not deflated: a compressor costs more than it saves on them. */
const STORE_MAX_BYTES = 32 * 1024;

type Finished = (method: number, crc: number, size: number, data: Uint8Array[]) => void;

/**
 * One part being written: text goes in piece by piece. A small part is stored whole; a larger one
 * goes through the compressor in batches, so a long sheet is never held uncompressed.
 */
export class ZipEntryWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private crc = 0;
  private size = 0;
  private compressor: { writer: StreamWriter; collected: Promise<Uint8Array[]> } | null = null;
  /** Batches handed to the compressor and not yet taken: the next one is built meanwhile. */
  private inflight: Promise<void>[] = [];
  private readonly encoder = new TextEncoder();

  constructor(private readonly done: Finished) {}

  /** Adds text; handed to the compressor once a batch is full. */
  async text(piece: string): Promise<void> {
    this.pending.push(piece);
    this.pendingChars += piece.length;
    if (this.pendingChars >= BATCH_CHARS) await this.flush();
  }

  private startCompressor(): { writer: StreamWriter; collected: Promise<Uint8Array[]> } {
    const stream = new CompressionStream('deflate-raw');
    const reader = stream.readable.getReader();
    // Read as the compressor produces, or writes would wait on a full queue.
    const collected = (async () => {
      const out: Uint8Array[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return out;
        if (value) out.push(value);
      }
    })();
    return { writer: stream.writable.getWriter(), collected };
  }

  private take(): Uint8Array {
    const data = this.encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
    this.crc = crc32Update(this.crc, data);
    this.size += data.length;
    return data;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const data = this.take();
    this.compressor ??= this.startCompressor();
    this.inflight.push(this.compressor.writer.write(data));
    if (this.inflight.length > MAX_INFLIGHT) await this.inflight.shift();
  }

  async close(): Promise<void> {
    if (!this.compressor) {
      const data = this.take();
      if (data.length <= STORE_MAX_BYTES) {
        this.done(STORED, this.crc >>> 0, this.size, [data]);
        return;
      }
      this.compressor = this.startCompressor();
      await this.compressor.writer.write(data);
    } else {
      await this.flush();
      await Promise.all(this.inflight.splice(0));
    }
    await this.compressor.writer.close();
    this.done(DEFLATE, this.crc >>> 0, this.size, await this.compressor.collected);
  }
}

/** Parts are added one at a time (each closed before the next), then `finish` gives the zip. */
export class ZipWriter {
  private readonly entries: WrittenEntry[] = [];
  private open = false;
  private readonly encoder = new TextEncoder();

  /** Starts a part; close it before starting the next. */
  entry(name: string): ZipEntryWriter {
    if (this.open) throw new Error('zip writer: close the previous part first');
    this.open = true;
    const encodedName = this.encoder.encode(name);
    return new ZipEntryWriter((method, crc, size, compressed) => {
      this.open = false;
      const compressedSize = compressed.reduce((n, c) => n + c.length, 0);
      if (size > MAX_ZIP32 || compressedSize > MAX_ZIP32) throw new Error(`the part ${name} is larger than 4 GB`);
      this.entries.push({ name: encodedName, method, crc, size, compressed, compressedSize });
    });
  }

  /** A whole part from one string. */
  async add(name: string, text: string): Promise<void> {
    const e = this.entry(name);
    await e.text(text);
    await e.close();
  }

  finish(): Uint8Array {
    if (this.open) throw new Error('zip writer: a part is still open');
    let localSize = 0;
    let centralSize = 0;
    for (const e of this.entries) {
      localSize += 30 + e.name.length + e.compressedSize;
      centralSize += 46 + e.name.length;
    }
    if (localSize + centralSize > MAX_ZIP32) throw new Error('the workbook is larger than 4 GB');
    const out = new Uint8Array(localSize + centralSize + 22);
    const view = new DataView(out.buffer);
    let at = 0;
    const offsets: number[] = [];
    for (const e of this.entries) {
      offsets.push(at);
      view.setUint32(at, LOCAL_HEADER_SIGNATURE, true);
      view.setUint16(at + 4, VERSION, true);
      view.setUint16(at + 6, FLAG_UTF8, true);
      view.setUint16(at + 8, e.method, true);
      view.setUint16(at + 10, DOS_TIME, true);
      view.setUint16(at + 12, DOS_DATE, true);
      view.setUint32(at + 14, e.crc, true);
      view.setUint32(at + 18, e.compressedSize, true);
      view.setUint32(at + 22, e.size, true);
      view.setUint16(at + 26, e.name.length, true);
      view.setUint16(at + 28, 0, true);
      out.set(e.name, at + 30);
      at += 30 + e.name.length;
      for (const c of e.compressed) {
        out.set(c, at);
        at += c.length;
      }
    }
    const centralAt = at;
    this.entries.forEach((e, i) => {
      view.setUint32(at, CENTRAL_HEADER_SIGNATURE, true);
      view.setUint16(at + 4, VERSION, true);
      view.setUint16(at + 6, VERSION, true);
      view.setUint16(at + 8, FLAG_UTF8, true);
      view.setUint16(at + 10, e.method, true);
      view.setUint16(at + 12, DOS_TIME, true);
      view.setUint16(at + 14, DOS_DATE, true);
      view.setUint32(at + 16, e.crc, true);
      view.setUint32(at + 20, e.compressedSize, true);
      view.setUint32(at + 24, e.size, true);
      view.setUint16(at + 28, e.name.length, true);
      // extra length, comment length, disk number, internal attributes: 0
      view.setUint32(at + 38, 0, true);
      view.setUint32(at + 42, offsets[i], true);
      out.set(e.name, at + 46);
      at += 46 + e.name.length;
    });
    view.setUint32(at, EOCD_SIGNATURE, true);
    view.setUint16(at + 8, this.entries.length, true);
    view.setUint16(at + 10, this.entries.length, true);
    view.setUint32(at + 12, at - centralAt, true);
    view.setUint32(at + 16, centralAt, true);
    return out;
  }
}
