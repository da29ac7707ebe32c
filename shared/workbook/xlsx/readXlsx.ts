import type ExcelJS from 'exceljs';
import type { Problem } from '../../domain/problem';
import { cellRef } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { isBlankRow, type CellValue, type SheetRow, type SheetTable } from '../table';
import { inspectZip } from './zipDirectory';

/**
 * Reads every sheet of an .xlsx into the neutral table model, behind checks that keep exceljs away
 * from files it would choke on. Dates come back as serials in the workbook's own date system
 * (SheetTable.date1904), formulas as their saved results.
 */

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_1900_SERIAL = 25_569;
const OFFSET_1904 = 1_462;
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
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
  if (!printable) return 'it is not a zip archive, as an .xlsx file is';
  const text = String.fromCharCode(...head).trimStart();
  if (text.startsWith('<')) return 'it looks like HTML or XML text: if Excel opens it, save it as an Excel Workbook (.xlsx)';
  return 'it looks like CSV/text: give it a .csv extension, or save it from Excel as an Excel Workbook (.xlsx)';
}

/** A number format that shows a percentage (a % outside quoted text and [..] sections). */
function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').includes('%');
}

/** exceljs turned the serial into a Date with its own 1900/1904 arithmetic; undo exactly that. */
function serialOf(date: Date, date1904: boolean): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_1900_SERIAL - (date1904 ? OFFSET_1904 : 0);
}

type PlainValue = number | string | boolean | Date | { error: string } | { richText: { text: string }[] } | { text: string } | null | undefined;

function plainCell(v: PlainValue, numFmt: string | undefined, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return isPercentFormat(numFmt) ? { kind: 'percent', fraction: v } : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : { kind: 'date', serial: serialOf(v, date1904) };
  if ('error' in v) return { kind: 'error', code: String(v.error) };
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return typeof v.text === 'string' ? v.text : plainCell(v.text as PlainValue, numFmt, date1904);
  return null;
}

type ExcelJsModule = typeof ExcelJS;

/** exceljs loads on first use: a CSV never pays for it (it is a large module to start). */
async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import('exceljs')) as unknown as { default?: ExcelJsModule } & ExcelJsModule;
  return mod.default ?? mod;
}

function sheetTable(excel: ExcelJsModule, ws: ExcelJS.Worksheet, date1904: boolean): SheetTable {
  const rows: SheetRow[] = [];
  const readProblems: Problem[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      let value: CellValue;
      if (cell.type === excel.ValueType.Merge) value = null;
      else if (cell.type === excel.ValueType.Formula) {
        const result = cell.result as PlainValue;
        value = plainCell(result, cell.numFmt, date1904);
        if (result === undefined) {
          readProblems.push({ sheet: ws.name, cell: cellRef(col - 1, rowNumber), message: 'formula with no saved result: open the file in Excel and save it so its formulas are calculated', severity: 'warning' });
        }
      } else value = plainCell(cell.value as PlainValue, cell.numFmt, date1904);
      cells[col - 1] = value;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    if (!isBlankRow(cells)) rows.push({ row: rowNumber, cells });
  });
  const table: SheetTable = { name: ws.name, rows, date1904 };
  if (readProblems.length > 0) table.readProblems = readProblems;
  return table;
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
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  try {
    // JSZip (inside exceljs) takes any Uint8Array; exceljs's typing asks for a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail(`could not read the workbook (${detail}); ${RESAVE}`);
  }
  try {
    const date1904 = workbook.properties?.date1904 === true;
    return ok(workbook.worksheets.map((ws) => sheetTable(excel, ws, date1904)));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail(`could not read the workbook's cells (${detail}); ${RESAVE}`);
  }
}
