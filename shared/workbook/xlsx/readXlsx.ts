import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import type { SheetTable } from '../table';
import { readWithExcelJs } from './excelJsReader';
import { readSheetRows } from './sheetRows';
import { findPart, partIndex, readSharedStrings, readStyles, readWorkbookInfo } from './workbookParts';
import { inspectZip, type ZipSummary } from './zipDirectory';
import { entryTextChunks, XlsxRefusal } from './zipEntry';

/**
 * Reads every sheet of an .xlsx into the neutral table model. The zip directory is checked first
 * (caps on parts and inflated size); then the sheets are parsed as they inflate, so memory stays
 * near the size of the cells kept. Dates come back as serials in the workbook's own date system
 * (SheetTable.date1904), formulas as their saved results. A file this reader does not understand
 * goes to exceljs, if it is small enough for exceljs's in-memory reader.
 */

/** exceljs's document reader takes some 20 times a workbook's inflated size in memory. */
export const MAX_EXCELJS_FALLBACK_BYTES = 32 * 1024 * 1024;

const SNIFF_BYTES = 512;
const RESAVE = 'open it in Excel and save it again as an Excel Workbook (.xlsx)';

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** What a file that is not a zip looks like, to say so in the message. */
function describeNonZip(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const ascii = String.fromCharCode(...head.subarray(0, 8));
  if (ascii.startsWith('%PDF')) return 'it looks like a PDF';
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
  if (!printable) return 'it is not a zip archive, as an .xlsx file is';
  const text = String.fromCharCode(...head).trimStart();
  if (text.startsWith('<')) return 'it looks like HTML or XML text: if Excel opens it, save it as an Excel Workbook (.xlsx)';
  return 'it looks like CSV/text: give it a .csv extension, or save it from Excel as an Excel Workbook (.xlsx)';
}

async function readStreaming(bytes: Uint8Array, zip: ZipSummary): Promise<SheetTable[]> {
  const index = partIndex(bytes, zip.list);
  const info = await readWorkbookInfo(index);
  const [sharedStrings, styles] = [await readSharedStrings(index, info.sharedStringsPath), await readStyles(index, info.stylesPath)];
  const tables: SheetTable[] = [];
  for (const sheet of info.sheets) {
    const entry = findPart(index, sheet.path);
    const problems: Problem[] = [];
    const rows = entry ? await readSheetRows(entryTextChunks(bytes, entry), { sheetName: sheet.name, sharedStrings, styles, date1904: info.date1904, problems }) : [];
    const table: SheetTable = { name: sheet.name, rows, date1904: info.date1904 };
    if (problems.length > 0) table.readProblems = problems;
    tables.push(table);
  }
  return tables;
}

export async function readXlsxTables(bytes: Uint8Array, sourceName = 'workbook'): Promise<Result<SheetTable[], Problem[]>> {
  const fail = (message: string): Result<never, Problem[]> => err([{ sheet: sourceName, message, severity: 'error' }]);
  if (bytes.length === 0) return fail('the file is empty');
  if (!isZip(bytes)) return fail(`not an xlsx file (${describeNonZip(bytes)})`);
  const zip = inspectZip(bytes);
  if (!zip.ok) return fail(zip.error);
  const { names } = zip.value;
  if (!names.includes('[Content_Types].xml') || !names.some((n) => n.startsWith('xl/'))) {
    return fail('this is a zip archive but not an Excel workbook (.xlsx)');
  }
  let reason: string;
  try {
    return ok(await readStreaming(bytes, zip.value));
  } catch (e) {
    if (e instanceof XlsxRefusal) return fail(e.message);
    reason = e instanceof Error ? e.message : String(e);
  }
  if (zip.value.uncompressedBytes > MAX_EXCELJS_FALLBACK_BYTES) return fail(`could not read the workbook (${reason}); ${RESAVE}`);
  const viaExcelJs = await readWithExcelJs(bytes);
  return viaExcelJs.ok ? viaExcelJs : fail(`could not read the workbook (${viaExcelJs.error}); ${RESAVE}`);
}
