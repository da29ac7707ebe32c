import type { ZipEntry } from './zipDirectory';

/**
 * Reading one part of a zip as text, in chunks, without ever holding more than a chunk inflated:
 * the web-standard DecompressionStream and TextDecoder, which Node (18+) and every browser have.
 * They are declared here because the pure core compiles without DOM or Node types.
 */
interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
}
interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
declare const DecompressionStream: new (format: 'deflate-raw') => { readable: { getReader(): StreamReader }; writable: { getWriter(): StreamWriter } };
declare const TextDecoder: new (label: 'utf-8') => { decode(input?: Uint8Array, options?: { stream: boolean }): string };

/** A workbook Fleetbook cannot read for a reason of the file itself; the message is for the user. */
export class XlsxRefusal extends Error {}

/** A structure this reader does not understand; exceljs may still read the file. */
export class XlsxFormatError extends Error {}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const STORED = 0;
const DEFLATE = 8;

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + LOCAL_HEADER_SIZE > bytes.byteLength || view.getUint32(at, true) !== LOCAL_HEADER_SIGNATURE) {
    throw new XlsxFormatError(`the zip entry ${entry.name} is damaged`);
  }
  const start = at + LOCAL_HEADER_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new XlsxFormatError(`the zip entry ${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The inflated bytes of an entry, chunk by chunk; refuses an entry that inflates beyond its declared size. */
async function* entryBytes(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  if (entry.encrypted) throw new XlsxRefusal('the workbook is encrypted: save it without a password');
  const data = entryData(bytes, entry);
  if (entry.method === STORED) {
    if (data.length > entry.uncompressedSize) throw new XlsxRefusal('the workbook holds more than its zip directory declares (a damaged or hostile file)');
    yield data;
    return;
  }
  if (entry.method !== DEFLATE) throw new XlsxFormatError(`the zip entry ${entry.name} uses compression method ${entry.method}`);
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; these promises only need to be settled.
  writer.write(data).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  let total = 0;
  for (;;) {
    let chunk: { done: boolean; value?: Uint8Array };
    try {
      chunk = await reader.read();
    } catch (e) {
      throw new XlsxFormatError(`the zip entry ${entry.name} cannot be inflated (${e instanceof Error ? e.message : String(e)})`);
    }
    if (chunk.done || !chunk.value) return;
    total += chunk.value.length;
    if (total > entry.uncompressedSize) {
      throw new XlsxRefusal('the workbook inflates to more than its zip directory declares (a damaged or hostile file)');
    }
    yield chunk.value;
  }
}

/** The text of an entry (UTF-8), chunk by chunk. */
export async function* entryTextChunks(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryBytes(bytes, entry)) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** The whole text of a small entry (workbook, relationships, styles). */
export async function entryText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  let text = '';
  for await (const chunk of entryTextChunks(bytes, entry)) text += chunk;
  return text;
}
