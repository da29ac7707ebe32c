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
import type { FileColumns, ImportOptions } from '../../shared/ipc/contract';
import { cellText } from '../../shared/workbook';
import type { ParsedDocument, ParseFailure } from './codec';

const FLEET_SHEET_NAMES = ['fleet', 'lots', 'assets', 'assetregister', 'register'];

/** The header row of the sheet read as the Fleet (a named Fleet sheet, else the only or first sheet). */
function fleetColumns(tables: readonly SheetTable[]): FileColumns | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const sheet = tables.find((t) => FLEET_SHEET_NAMES.includes(norm(t.name))) ?? tables[0];
  const header = sheet?.rows[0];
  if (!sheet || !header || header.row !== 1) return undefined;
  const headers = header.cells.map((c) => cellText(c).trim()).filter((h) => h !== '');
  return headers.length ? { sheet: sheet.name, headers } : undefined;
}

/** Opened through a column mapping: the file's own layout is not Fleetbook's, so never overwrite it. */
const MAPPED_MESSAGE = 'this register was opened with a column mapping; use Save As to write it as a Fleetbook workbook, and the original stays as it is';

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

export async function parseWorkbook(bytes: Uint8Array, name: string, options: ImportOptions = {}): Promise<Result<ParsedDocument, ParseFailure>> {
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
  const mapped = options.mapping !== undefined && Object.keys(options.mapping).length > 0;
  const read = readFleetFromTables(tables, { sourceName: name, mapping: options.mapping, dateLocale: options.dateLocale });
  if (!read.ok) {
    const columns = fleetColumns(tables);
    return err({ ...parseFailure(name, read.error), ...(columns ? { columns } : {}) });
  }
  if (mapped) overwriteBlocked = MAPPED_MESSAGE;
  return ok({ fleet: read.value.fleet, warnings: read.value.warnings, ...(overwriteBlocked ? { overwriteBlocked } : {}) });
}
