import type { Fleet } from '../../domain/fleet';
import { formatProblem, type Problem } from '../../domain/problem';
import { parseCsv, sniffDelimiter } from '../csv';
import { readFleetFromTables } from '../readFleet';
import type { SheetTable } from '../table';
import { fleetSheet, fleetToWorkbook, type OriginalBook } from '../toTables';
import { sheetToCsv } from '../writeCsv';
import { readXlsxTables } from './readXlsx';
import { writeXlsx } from './xlsxWriter';

/**
 * Saving a fleet: an .xlsx workbook (Fleet, Assumptions, Events, Scenarios) or a CSV of the Fleet
 * columns. Given the bytes of the file being replaced (same format), what Fleetbook does not read is
 * kept: unknown sheets (their values; their formatting is not kept), unknown columns, the sheet
 * order and names, the header names and column order. Content that cannot be kept at all (charts,
 * formulas...) is found when the file is opened (contentScan.ts), and the host then never
 * overwrites it.
 */

declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

export type WriteFormat = 'xlsx' | 'csv';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** CSV text as the codec and the CLI read it: UTF-16 with a BOM, UTF-8, else Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const ORIGINAL = 'the file being replaced';

function unreadable(problems: readonly Problem[]): Error {
  const first = problems.find((p) => p.severity !== 'warning') ?? problems[0];
  return new Error(`Fleetbook could not read ${ORIGINAL} again to keep what it does not read${first ? ` (${formatProblem(first)})` : ''}; use Save As to write a new file`);
}

async function readOriginal(bytes: Uint8Array, format: WriteFormat): Promise<{ book: OriginalBook; csvText?: string }> {
  let tables: SheetTable[];
  let csvText: string | undefined;
  if (format === 'csv') {
    csvText = decodeCsvBytes(bytes);
    tables = [parseCsv(csvText)];
  } else {
    const read = await readXlsxTables(bytes, ORIGINAL);
    if (!read.ok) throw unreadable(read.error);
    tables = read.value;
  }
  const read = readFleetFromTables(tables, { sourceName: ORIGINAL });
  if (!read.ok) throw unreadable(read.error);
  return { book: { tables, read: read.value }, csvText };
}

/** The file's bytes. Throws (with a sentence) when the original cannot be read again. */
export async function serializeFleet(fleet: Fleet, format: WriteFormat, original?: Uint8Array): Promise<Uint8Array> {
  const prior = original && original.length > 0 ? await readOriginal(original, format) : undefined;
  if (format === 'xlsx') return writeXlsx(fleetToWorkbook(fleet, prior?.book));
  const delimiter = prior?.csvText !== undefined ? sniffDelimiter(prior.csvText.replace(/^\ufeff/, '')) : ',';
  const text = sheetToCsv(fleetSheet(fleet, prior?.book), { delimiter });
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}
