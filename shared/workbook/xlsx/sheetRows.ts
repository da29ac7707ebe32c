import type { Problem } from '../../domain/problem';
import { cellRef } from '../../domain/problem';
import { localDateToExcelSerial } from '../excelDate';
import { isBlankRow, type CellValue, type SheetRow } from '../table';
import { attributes, decodeXmlText, endTagPattern, startTagPattern, stringItemText } from './xml';
import type { CellStyles } from './workbookParts';

/**
 * The rows of one worksheet, parsed as its XML inflates: only the row being read and the rows kept
 * are in memory, never the whole sheet's XML.
 */

export interface SheetContext {
  sheetName: string;
  sharedStrings: readonly string[];
  styles: CellStyles;
  date1904: boolean;
  problems: Problem[];
}

const ROW_START = startTagPattern('row');
const ROW_END = endTagPattern('row');
const CELL_START = startTagPattern('c');
const CELL_END = endTagPattern('c');
const VALUE = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v\s*>/;
const FORMULA = /<(?:[A-Za-z_][\w.-]*:)?f(?=[\s/>])/;
const INLINE = /<(?:[A-Za-z_][\w.-]*:)?is(?=[\s>])[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?is\s*>/;
const REF = /^([A-Z]{1,3})(\d+)$/;
/** Longest tail kept between chunks when it holds no row start: enough for a split `<row` tag. */
const TAIL = 4096;

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}

/** An ISO date-time cell (t="d") as a serial in the workbook's date system. */
function isoSerial(text: string, date1904: boolean): CellValue {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return text;
  const day = localDateToExcelSerial(m[1], date1904);
  const time = m[2] ? (Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0)) / 86400 : 0;
  return { kind: 'date', serial: day + time };
}

interface CellAttributes {
  r?: string;
  t?: string;
  s?: string;
}

const CELL_ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The three attributes a cell needs (reference, type, style), read without building a map: this runs for every cell. */
function cellAttributes(tagBody: string): CellAttributes {
  const out: CellAttributes = {};
  CELL_ATTRIBUTE.lastIndex = 0;
  for (let m = CELL_ATTRIBUTE.exec(tagBody); m; m = CELL_ATTRIBUTE.exec(tagBody)) {
    const name = m[1];
    if (name === 'r' || name === 't' || name === 's') out[name] = m[2] ?? m[3];
  }
  return out;
}

function cellValue(attrs: CellAttributes, inner: string, col: number, rowNumber: number, ctx: SheetContext): CellValue {
  const type = attrs.t ?? 'n';
  const raw = VALUE.exec(inner)?.[1];
  if (type === 'inlineStr') {
    const is = INLINE.exec(inner);
    return is ? stringItemText(is[1]) : null;
  }
  if (raw === undefined) {
    if (FORMULA.test(inner)) {
      ctx.problems.push({ sheet: ctx.sheetName, cell: cellRef(col, rowNumber), message: 'formula with no saved result: open the file in Excel and save it so its formulas are calculated', severity: 'warning' });
    }
    return null;
  }
  switch (type) {
    case 's': {
      const s = ctx.sharedStrings[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'str':
      return decodeXmlText(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return { kind: 'error', code: decodeXmlText(raw).trim() };
    case 'd':
      return isoSerial(decodeXmlText(raw).trim(), ctx.date1904);
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) return decodeXmlText(raw);
      const kind = ctx.styles.kinds[Number(attrs.s ?? 0)];
      if (kind === 'date') return { kind: 'date', serial: n };
      if (kind === 'percent') return { kind: 'percent', fraction: n };
      return n;
    }
  }
}

function parseRow(rowNumber: number, body: string, ctx: SheetContext): CellValue[] {
  const cells: CellValue[] = [];
  let col = -1;
  CELL_START.lastIndex = 0;
  for (let m = CELL_START.exec(body); m; m = CELL_START.exec(body)) {
    const attrs = cellAttributes(m[1]);
    const ref = REF.exec(attrs.r ?? '');
    col = ref ? columnIndex(ref[1]) : col + 1;
    let inner = '';
    if (m[2] !== '/') {
      CELL_END.lastIndex = CELL_START.lastIndex;
      const close = CELL_END.exec(body);
      if (!close) break;
      inner = body.slice(CELL_START.lastIndex, close.index);
      CELL_START.lastIndex = CELL_END.lastIndex;
    }
    const value = cellValue(attrs, inner, col, rowNumber, ctx);
    if (value === null) continue;
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  }
  return cells;
}

/** Reads the rows of a sheet from its XML text chunks; blank rows are left out. */
export async function readSheetRows(chunks: AsyncIterable<string>, ctx: SheetContext): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let pending = '';
  let rowNumber = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    let consumed = 0;
    let open = false;
    ROW_START.lastIndex = 0;
    for (let m = ROW_START.exec(pending); m; m = ROW_START.exec(pending)) {
      const r = Number(attributes(m[1]).get('r'));
      const number = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      if (m[2] === '/') {
        rowNumber = number;
        consumed = ROW_START.lastIndex;
        continue;
      }
      ROW_END.lastIndex = ROW_START.lastIndex;
      const close = ROW_END.exec(pending);
      if (!close) {
        consumed = m.index;
        open = true;
        break;
      }
      rowNumber = number;
      const cells = parseRow(number, pending.slice(ROW_START.lastIndex, close.index), ctx);
      if (!isBlankRow(cells)) rows.push({ row: number, cells });
      consumed = ROW_END.lastIndex;
      ROW_START.lastIndex = ROW_END.lastIndex;
    }
    pending = pending.slice(open ? consumed : Math.max(consumed, pending.length - TAIL));
  }
  return rows;
}
