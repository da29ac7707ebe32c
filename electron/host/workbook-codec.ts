/**
 * The production parse/serialize, from shared/workbook. Both front ends (main.ts, web.ts) take
 * their codec from here, so wiring the workbook module is a change to this file alone.
 */
import { formatProblem, type Problem } from '../../shared/domain/problem';
import { err, ok } from '../../shared/domain/result';
import { detectInputKind, parseCsv, readFleetFromTables, type SheetTable } from '../../shared/workbook';
import { readXlsxTables } from '../../shared/workbook/xlsx';
import type { Codec, ParseFailure } from './codec';

/** UTF-8 (a BOM is dropped), else Windows-1252: what Excel writes for "CSV" on Western Windows. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function failure(name: string, problems: Problem[]): ParseFailure {
  const errors = problems.filter((p) => p.severity !== 'warning');
  const shown = errors.length ? errors : problems;
  const message =
    shown.length === 1 ? `Fleetbook cannot open ${name}: ${formatProblem(shown[0])}` : `Fleetbook cannot open ${name}: it has ${shown.length} problems.`;
  return { message, problems };
}

export const workbookCodec: Codec = {
  // TODO(worker): xlsx reading blocks the thread it runs on; move it to a worker thread so the
  // Electron main process (and the web host) stay responsive on large files.
  parse: async (bytes, name) => {
    const kind = detectInputKind(bytes, name);
    if (!kind.ok) return err({ message: `Fleetbook cannot open ${name}: ${kind.message}.` });
    let tables: SheetTable[];
    if (kind.kind === 'csv') {
      tables = [parseCsv(decodeText(bytes))];
    } else {
      const read = await readXlsxTables(bytes, name);
      if (!read.ok) return err(failure(name, read.error));
      tables = read.value;
    }
    const read = readFleetFromTables(tables, { sourceName: name });
    if (!read.ok) return err(failure(name, read.error));
    return ok({ fleet: read.value.fleet, warnings: read.value.warnings });
  },
  // TODO(workbook): the writer (xlsx keeping unknown sheets and columns from `original`, and CSV).
  serialize: async () => {
    throw new Error('the workbook writer is not built into this version yet');
  },
};
