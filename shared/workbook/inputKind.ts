/** Which reader a file goes to, from its first bytes first and its extension second. */
export type InputKind = 'xlsx' | 'csv';

export type InputKindResult = { ok: true; kind: InputKind } | { ok: false; message: string };

const ZIP_MAGIC = [0x50, 0x4b];
/** OLE2 compound file: Excel 97-2003 .xls, and also any password-protected .xlsx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const XLSX_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xltm']);
const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function detectInputKind(bytes: Uint8Array, fileName: string): InputKindResult {
  if (bytes.length === 0) return { ok: false, message: 'the file is empty' };
  if (startsWith(bytes, ZIP_MAGIC)) return { ok: true, kind: 'xlsx' };
  if (startsWith(bytes, OLE_MAGIC)) {
    return { ok: false, message: 'this is an Excel 97-2003 (.xls) or password-protected workbook: save it as an .xlsx Excel Workbook without a password' };
  }
  const ext = extensionOf(fileName);
  // An .xlsx that is not a zip goes to the xlsx reader, which explains what it looks like instead.
  if (XLSX_EXTENSIONS.has(ext)) return { ok: true, kind: 'xlsx' };
  if (TEXT_EXTENSIONS.has(ext)) return { ok: true, kind: 'csv' };
  if (ext === 'xls') return { ok: false, message: 'this .xls file is not an Excel workbook Fleetbook can read: save it as an .xlsx Excel Workbook' };
  return { ok: false, message: `unknown file type${ext ? ` ".${ext}"` : ''}: Fleetbook reads .xlsx workbooks and .csv files` };
}
