import { formatCentsPlain } from '../domain/money';
import { cellText } from './parseValue';
import type { OutCell, OutSheet } from './toTables';

/**
 * A sheet as CSV text (RFC 4180, CRLF line ends): what Excel and the reader read back. Money with
 * two decimals and `.` as the decimal point, dates as yyyy-mm-dd, a percentage between 0 and 1 as
 * "0.5%" (so it is not read as 50%).
 *
 * CSV has no cell types, so Excel runs any field starting with = + - @ as a formula when it opens
 * the file. Such text (unless it is a plain number) is written with a leading apostrophe, the usual
 * guard: the file then shows and reads back as '=..., never as a formula.
 */

/** Text Excel would take as a formula or a command if typed (the classic CSV injection starts). */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s) && !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s.trim());
}

function fieldText(v: OutCell, date1904: boolean): string {
  if (v === null) return '';
  if (typeof v === 'string') return looksLikeFormula(v) ? `'${v}` : v;
  if (typeof v === 'object' && v.kind === 'money') return formatCentsPlain(v.cents);
  if (typeof v === 'object' && v.kind === 'day') return v.date;
  return cellText(v, date1904);
}

function quoted(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function sheetToCsv(sheet: OutSheet, options: { delimiter?: string; date1904?: boolean } = {}): string {
  const delimiter = options.delimiter ?? ',';
  const date1904 = options.date1904 ?? false;
  const lines: string[] = [];
  let width = 0;
  for (const r of sheet.rows) width = Math.max(width, r.cells.length);
  let next = 1;
  for (const r of [...sheet.rows].sort((a, b) => a.row - b.row)) {
    // Rows keep their numbers: a gap in the sheet is a blank line (which the reader skips).
    for (; next < r.row; next++) lines.push('');
    const fields: string[] = [];
    for (let i = 0; i < width; i++) fields.push(quoted(fieldText(r.cells[i] ?? null, date1904), delimiter));
    lines.push(fields.join(delimiter));
    next = r.row + 1;
  }
  return lines.map((l) => `${l}\r\n`).join('');
}
