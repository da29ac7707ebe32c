/**
 * Reading a fleet file (xlsx or CSV) into a Fleet, with the checks a file from anywhere needs: its
 * kind from its bytes, the zip's directory, the size of each sheet, and what it holds that Fleetbook
 * could not write back (which blocks overwriting it). Pure computation on bytes: it runs in the
 * parse worker (parse.worker.ts) or, without the bundled worker, in the caller's thread.
 */
import { formatProblem, type Problem } from '../../shared/domain/problem';
import { err, ok, type Result } from '../../shared/domain/result';
import { detectInputKind, parseCsv, readFleetFromTables, type SheetTable } from '../../shared/workbook';
import { checkSheetLimits, MAX_SHEET_ROWS, tooManyRows } from '../../shared/workbook/limits';
import { readXlsxTables } from '../../shared/workbook/xlsx';
import { overwriteBlockedMessage, scanWorkbook, UNCHECKED_MESSAGE, type WorkbookScan } from '../../shared/workbook/xlsx/contentScan';
import { decodeCsvBytes } from '../../shared/workbook/xlsx/writeWorkbook';
import type { ParsedDocument, ParseFailure } from './codec';

export function parseFailure(name: string, problems: Problem[]): ParseFailure {
  const errors = problems.filter((p) => p.severity !== 'warning');
  const shown = errors.length ? errors : problems;
  const message =
    shown.length === 1 ? `Fleetbook cannot open ${name}: ${formatProblem(shown[0])}` : `Fleetbook cannot open ${name}: it has ${shown.length} problems.`;
  return { message, problems };
}

async function scanOrNull(bytes: Uint8Array): Promise<WorkbookScan | null> {
  try {
    return await scanWorkbook(bytes);
  } catch {
    // Not a zip, a damaged or hostile part: the reader says why, in its words.
    return null;
  }
}

export async function parseWorkbook(bytes: Uint8Array, name: string): Promise<Result<ParsedDocument, ParseFailure>> {
  const kind = detectInputKind(bytes, name);
  if (!kind.ok) return err({ message: `Fleetbook cannot open ${name}: ${kind.message}.` });
  let tables: SheetTable[];
  let overwriteBlocked: string | null = null;
  if (kind.kind === 'csv') {
    tables = [parseCsv(decodeCsvBytes(bytes))];
  } else {
    const scan = await scanOrNull(bytes);
    // A sheet too long to open is refused before the reader keeps any of it.
    const long = scan ? [...scan.rowCounts].filter(([, rows]) => rows > MAX_SHEET_ROWS) : [];
    if (long.length > 0) return err(parseFailure(name, long.map(([sheet, rows]) => tooManyRows(sheet, rows))));
    const read = await readXlsxTables(bytes, name);
    if (!read.ok) return err(parseFailure(name, read.error));
    tables = read.value;
    overwriteBlocked = scan ? overwriteBlockedMessage(scan.unkeepable) : UNCHECKED_MESSAGE;
  }
  const limits = checkSheetLimits(tables);
  if (limits.length > 0) return err(parseFailure(name, limits));
  const read = readFleetFromTables(tables, { sourceName: name });
  if (!read.ok) return err(parseFailure(name, read.error));
  return ok({ fleet: read.value.fleet, warnings: read.value.warnings, ...(overwriteBlocked ? { overwriteBlocked } : {}) });
}
