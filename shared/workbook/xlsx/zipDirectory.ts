import type { Result } from '../../domain/result';

/**
 * A look at a zip's central directory before anything is inflated: exceljs (through JSZip) inflates
 * every entry with no limit, so a zip bomb or a damaged file must be refused here.
 */

/** A workbook has a few dozen parts; thousands means something else (or something hostile). */
export const MAX_XLSX_ENTRIES = 10_000;
/**
 * Declared size of all parts once inflated. 256 MiB of XML is far beyond a 100,000-row Fleet sheet
 * (about 30 MiB) and still within what the document reader can hold in memory.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
  names: string[];
  list: ZipEntry[];
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

const DAMAGED = 'the file is damaged or incomplete (its zip directory is missing or broken); if it opens in Excel, save it again there';

function readU64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE && at + EOCD_SIZE + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  return -1;
}

export function inspectZip(bytes: Uint8Array): Result<ZipSummary, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_SIZE) return { ok: false, error: DAMAGED };
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) return { ok: false, error: DAMAGED };
  let entries = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);

  if (entries === U16_MAX || dirSize === U32_MAX || dirOffset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) return { ok: false, error: DAMAGED };
    const zip64 = readU64(view, locator + 8);
    if (zip64 + 56 > bytes.byteLength || view.getUint32(zip64, true) !== ZIP64_EOCD_SIGNATURE) return { ok: false, error: DAMAGED };
    entries = readU64(view, zip64 + 32);
    dirSize = readU64(view, zip64 + 40);
    dirOffset = readU64(view, zip64 + 48);
  }
  if (entries > MAX_XLSX_ENTRIES) {
    return { ok: false, error: `the workbook has ${entries} parts, more than the ${MAX_XLSX_ENTRIES} Fleetbook accepts` };
  }
  if (dirOffset + dirSize > bytes.byteLength) return { ok: false, error: DAMAGED };

  const list: ZipEntry[] = [];
  let uncompressed = 0;
  let at = dirOffset;
  for (let i = 0; i < entries; i++) {
    if (at + CENTRAL_HEADER_SIZE > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) return { ok: false, error: DAMAGED };
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameAt = at + CENTRAL_HEADER_SIZE;
    const extraAt = nameAt + nameLength;
    if (extraAt + extraLength + commentLength > bytes.byteLength) return { ok: false, error: DAMAGED };
    if (size === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // The real values sit in the zip64 extra block, in this order, for those marked 0xFFFFFFFF.
      for (let e = extraAt; e + 4 <= extraAt + extraLength; ) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === ZIP64_EXTRA_ID) {
          let field = e + 4;
          const next = (): number => {
            const v = field + 8 <= e + 4 + len ? readU64(view, field) : U32_MAX;
            field += 8;
            return v;
          };
          if (size === U32_MAX) size = next();
          if (compressedSize === U32_MAX) compressedSize = next();
          if (localHeaderOffset === U32_MAX) localHeaderOffset = next();
          break;
        }
        e += 4 + len;
      }
    }
    uncompressed += size;
    if (uncompressed > MAX_XLSX_UNCOMPRESSED_BYTES) {
      const mib = Math.round(MAX_XLSX_UNCOMPRESSED_BYTES / 2 ** 20);
      return { ok: false, error: `the workbook would inflate to more than ${mib} MiB, more than Fleetbook accepts (a zip bomb, or a sheet far larger than a fleet)` };
    }
    const name = String.fromCharCode(...bytes.subarray(nameAt, extraAt));
    list.push({ name, method, encrypted: (flags & 1) === 1, compressedSize, uncompressedSize: size, localHeaderOffset });
    at = extraAt + extraLength + commentLength;
  }
  return { ok: true, value: { entries, uncompressedBytes: uncompressed, names: list.map((e) => e.name), list } };
}
