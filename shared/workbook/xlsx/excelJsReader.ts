import type ExcelJS from 'exceljs';
import { cellRef, type Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { isBlankRow, type CellValue, type SheetRow, type SheetTable } from '../table';
import { isPercentFormatCode } from './workbookParts';

/**
 * exceljs's reading of a workbook into the neutral table model: dates as serials in the workbook's
 * own date system (SheetTable.date1904), formulas as their saved results.
 */

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_1900_SERIAL = 25_569;
const OFFSET_1904 = 1_462;

function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && isPercentFormatCode(numFmt);
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

/**
 * The whole workbook through exceljs's document reader: the fallback for files the streaming
 * reader does not understand (it knows more variants, at a far higher cost in memory).
 */
export async function readWithExcelJs(bytes: Uint8Array): Promise<Result<SheetTable[], string>> {
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  try {
    // JSZip (inside exceljs) takes any Uint8Array; exceljs's typing asks for a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const date1904 = workbook.properties?.date1904 === true;
    return ok(workbook.worksheets.map((ws) => sheetTable(excel, ws, date1904)));
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e));
  }
}
