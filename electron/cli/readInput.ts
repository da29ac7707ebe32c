/** Reading an input file into sheets: size cap, text decoding, CSV or xlsx by content and extension. */
import { open } from 'node:fs/promises';
import type { Problem } from '../../shared/domain/problem';
import { err, ok, type Result } from '../../shared/domain/result';
import { detectInputKind, parseCsv, type SheetTable } from '../../shared/workbook';
import { readXlsxTables } from '../../shared/workbook/xlsx';
import { readReason } from './ioErrors';

/** Larger files are refused before they are read: no fleet workbook comes near this. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;
const TEXT_SNIFF_BYTES = 4096;

export interface InputTables {
  tables: SheetTable[];
  /** Problems that do not stop the file from being read (e.g. its text encoding). */
  warnings: Problem[];
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads at most MAX_INPUT_BYTES of a regular file; the message names the path as given. */
export async function readFileCapped(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Result<Uint8Array, Problem[]>> {
  const fail = (message: string): Result<never, Problem[]> => err([{ sheet: path, message, severity: 'error' }]);
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    return fail(readReason(e));
  }
  try {
    const st = await handle.stat();
    if (st.isDirectory()) return fail('is a folder, not a file');
    if (!st.isFile()) return fail('is not a regular file');
    if (st.size > maxBytes) return fail(`is too large (${megabytes(st.size)}; the limit is ${megabytes(maxBytes)})`);
    // Read to end of file but never past the cap: the file may grow after stat.
    const buf = new Uint8Array(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buf.length) return fail(`is too large (the limit is ${megabytes(maxBytes)})`);
    }
    return ok(buf.subarray(0, length));
  } catch (e) {
    return fail(readReason(e));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Windows-1252's 0x80-0x9F (undefined bytes stay as their Latin-1 code points); the rest is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decoded by hand: Node 20's TextDecoder reads 'windows-1252' as Latin-1 (no € for 0x80). */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** CSV text: UTF-8 (with or without BOM) or UTF-16 with a BOM; other bytes are read as Windows-1252, with a warning. */
export function decodeText(bytes: Uint8Array, sourceName: string): Result<{ text: string; warnings: Problem[] }, Problem[]> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return ok({ text: new TextDecoder('utf-16le').decode(bytes), warnings: [] });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return ok({ text: new TextDecoder('utf-16be').decode(bytes), warnings: [] });
  if (bytes.subarray(0, TEXT_SNIFF_BYTES).includes(0)) {
    return err([{ sheet: sourceName, message: 'is not a text (CSV) file', severity: 'error' }]);
  }
  try {
    // The decoder drops a UTF-8 BOM; parseCsv would too.
    return ok({ text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] });
  } catch {
    const warning: Problem = { sheet: sourceName, message: 'is not UTF-8 text; it was read as Windows-1252 (Western European)', severity: 'warning' };
    return ok({ text: decodeWindows1252(bytes), warnings: [warning] });
  }
}

/**
 * The sheets of a file's bytes, CSV or xlsx by content and extension; problems are placed at `name`.
 * The host's open command can use it as it is.
 */
export async function tablesFromBytes(bytes: Uint8Array, name: string): Promise<Result<InputTables, Problem[]>> {
  const kind = detectInputKind(bytes, name);
  if (!kind.ok) return err([{ sheet: name, message: kind.message, severity: 'error' }]);
  if (kind.kind === 'xlsx') {
    const tables = await readXlsxTables(bytes, name);
    return tables.ok ? ok({ tables: tables.value, warnings: [] }) : tables;
  }
  const text = decodeText(bytes, name);
  if (!text.ok) return text;
  return ok({ tables: [parseCsv(text.value.text, 'Fleet')], warnings: text.value.warnings });
}

/** The sheets of the file at `path`, and its bytes; problems name the path as given. */
export async function readInputTables(path: string): Promise<Result<InputTables & { bytes: Uint8Array }, Problem[]>> {
  const bytes = await readFileCapped(path);
  if (!bytes.ok) return bytes;
  const tables = await tablesFromBytes(bytes.value, path);
  return tables.ok ? ok({ ...tables.value, bytes: bytes.value }) : tables;
}
