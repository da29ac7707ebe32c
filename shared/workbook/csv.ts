import { cellRef } from '../domain/problem';
import { isBlankRow, type CellValue, type SheetRow, type SheetTable } from './table';

/** Delimiters a CSV from Excel or an asset register may use (`;` in locales with a decimal comma). */
const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often outside quotes on the header line; ',' when none appears. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes, CRLF/LF/CR line ends,
 * a leading BOM) into a sheet. Every cell stays text (blank cells are null); row numbers are
 * record numbers, as Excel shows them when it opens the file. Fully blank lines are dropped.
 */
export function parseCsv(text: string, sheetName = 'Fleet'): SheetTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = sniffDelimiter(src);
  const rows: SheetRow[] = [];
  let record: CellValue[] = [];
  let recordNumber = 1;
  let field = '';
  let quoted = false;
  let quoteStart: string | undefined;
  let i = 0;
  const n = src.length;

  const endField = (): void => {
    record.push(field === '' && !quoted ? null : field);
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    endField();
    if (!isBlankRow(record)) rows.push({ row: recordNumber, cells: record });
    record = [];
    recordNumber++;
  };

  while (i < n) {
    const ch = src[i];
    if (ch === '"' && field === '' && !quoted) {
      // A quoted field: read to the closing quote; "" is a literal quote.
      quoted = true;
      quoteStart = cellRef(record.length, recordNumber);
      i++;
      let closed = false;
      while (i < n) {
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        field += c;
        i++;
      }
      if (!closed) {
        endRecord();
        return {
          name: sheetName,
          rows,
          readProblems: [
            { sheet: sheetName, cell: quoteStart ?? 'A1', message: 'a quoted field is never closed (a " is missing); the rest of the file was read as one cell', severity: 'error' },
          ],
        };
      }
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      // Text after a closing quote ("a"b) is kept as written rather than dropped.
      field += ch;
      i++;
    }
  }
  if (field !== '' || quoted || record.length > 0) endRecord();
  return { name: sheetName, rows };
}
