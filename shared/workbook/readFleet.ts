import type { Fleet } from '../domain/fleet';
import type { Problem } from '../domain/problem';
import { err, ok, type Result } from '../domain/result';
import { readAssumptionsSheet, type AssumptionExtras } from './assumptionsSheet';
import { resolveFieldName, type ColumnMapping } from './columns';
import { readEventsSheet } from './eventsSheet';
import { readFleetSheet } from './fleetSheet';
import { normaliseKey } from './normalise';
import type { DateLocale } from './parseValue';
import type { ReadContext } from './rowReader';
import { readScenariosSheet } from './scenariosSheet';
import type { ExtraColumns } from './sheetCommon';
import type { SheetTable } from './table';

export interface ReadFleetOptions {
  /** File header -> field, overriding the matching of headers. */
  mapping?: ColumnMapping;
  /** How to read dd/mm/yyyy-or-mm/dd/yyyy dates; without it, ambiguous ones are problems. */
  dateLocale?: DateLocale;
  /** The file's name, used as the place of problems that concern the whole file. */
  sourceName: string;
}

/** What a save needs to write the file back without losing what Fleetbook does not read. */
export interface WorkbookExtras {
  /** Unknown columns of each sheet, values aligned with fleet.lots / fleet.events / fleet.scenarios. */
  fleet: ExtraColumns;
  events: ExtraColumns;
  scenarios: ExtraColumns;
  assumptions: AssumptionExtras;
  /** Sheets Fleetbook does not read, whole, in file order. */
  sheets: SheetTable[];
  /** The names of all sheets as the file has them, in file order. */
  sheetOrder: string[];
  /** The name each known sheet has in the file (`Fleet` for a CSV). */
  sheetNames: { fleet: string; assumptions?: string; events?: string; scenarios?: string };
  date1904: boolean;
}

export interface FleetRead {
  fleet: Fleet;
  warnings: Problem[];
  extras: WorkbookExtras;
}

type KnownSheet = 'fleet' | 'assumptions' | 'events' | 'scenarios';

const SHEET_ALIASES: Record<KnownSheet, readonly string[]> = {
  fleet: ['fleet', 'lots', 'assets', 'assetregister', 'register'],
  assumptions: ['assumptions', 'assumption', 'settings'],
  events: ['events', 'event', 'eventlog'],
  scenarios: ['scenarios', 'scenario'],
};

function findSheets(sheets: readonly SheetTable[]): Partial<Record<KnownSheet, SheetTable>> {
  const found: Partial<Record<KnownSheet, SheetTable>> = {};
  for (const kind of Object.keys(SHEET_ALIASES) as KnownSheet[]) {
    // An exact name wins over an alias ("Fleet" over "Assets").
    for (const alias of SHEET_ALIASES[kind]) {
      const s = sheets.find((t) => normaliseKey(t.name) === alias);
      if (s) {
        found[kind] = s;
        break;
      }
    }
  }
  return found;
}

/** Sheet order, then row, then column, so the report reads like the file; file-level problems first. */
function sortProblems(problems: Problem[], sheetOrder: readonly string[]): Problem[] {
  const place = (p: Problem): [number, number, number] => {
    const sheet = sheetOrder.indexOf(p.sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(p.cell ?? '');
    if (!m) return [sheet, 0, 0];
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return [sheet, Number(m[2]), col];
  };
  return problems
    .map((p, i) => ({ p, i, k: place(p) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.p);
}

/**
 * Reads and validates a fleet workbook from its sheets (from xlsx, CSV or a paste). Either the whole
 * fleet and its warnings, or every problem found (errors and warnings, each with its place) and no
 * fleet: a file with errors is never half-loaded.
 */
export function readFleetFromTables(sheets: readonly SheetTable[], options: ReadFleetOptions): Result<FleetRead, Problem[]> {
  const ctx: ReadContext = { locale: options.dateLocale, problems: [] };
  const source = options.sourceName;
  const mapping = options.mapping;
  for (const s of sheets) ctx.problems.push(...(s.readProblems ?? []));

  for (const [header, field] of Object.entries(mapping ?? {})) {
    if (!resolveFieldName(field)) ctx.problems.push({ sheet: source, message: `column mapping "${header}=${field}": ${field} is not a Fleetbook column`, severity: 'error' });
  }

  const found = findSheets(sheets);
  let fleetSheet = found.fleet;
  if (!fleetSheet) {
    const others = sheets.filter((s) => !Object.values(found).includes(s));
    if (others.length === 1 && sheets.length === 1) {
      fleetSheet = others[0];
      ctx.problems.push({ sheet: fleetSheet.name, cell: 'A1', message: `read as the Fleet sheet (the workbook has no sheet named Fleet)`, severity: 'warning' });
    } else {
      const names = sheets.map((s) => `"${s.name}"`).join(', ');
      ctx.problems.push({ sheet: source, message: sheets.length === 0 ? 'the workbook has no sheets' : `the workbook has no Fleet sheet (its sheets: ${names})`, severity: 'error' });
      return err(ctx.problems);
    }
  }

  const used = new Set<string>();
  const fleetRead = readFleetSheet(fleetSheet, mapping, ctx, used);
  const assumptionsRead = readAssumptionsSheet(found.assumptions, mapping, ctx, used);
  const eventsRead = readEventsSheet(found.events, fleetRead.known, mapping, ctx, used);
  const scenariosRead = readScenariosSheet(found.scenarios, mapping, ctx, used);

  for (const [header, field] of Object.entries(mapping ?? {})) {
    if (resolveFieldName(field) && !used.has(normaliseKey(header))) {
      ctx.problems.push({ sheet: source, message: `column mapping "${header}=${field}": no column "${header}" in the file`, severity: 'warning' });
    }
  }

  const sheetOrder = sheets.map((s) => s.name);
  const problems = sortProblems(ctx.problems, [source, ...sheetOrder]);
  if (problems.some((p) => p.severity !== 'warning')) return err(problems);

  const readSheets = new Set<SheetTable>([fleetSheet, ...Object.values(found)]);
  return ok({
    fleet: {
      assumptions: assumptionsRead.assumptions,
      lots: fleetRead.lots,
      events: eventsRead.events,
      scenarios: scenariosRead.scenarios,
    },
    warnings: problems,
    extras: {
      fleet: fleetRead.extras,
      events: eventsRead.extras,
      scenarios: scenariosRead.extras,
      assumptions: assumptionsRead.extras,
      sheets: sheets.filter((s) => !readSheets.has(s)),
      sheetOrder,
      sheetNames: { fleet: fleetSheet.name, assumptions: found.assumptions?.name, events: found.events?.name, scenarios: found.scenarios?.name },
      date1904: sheets.some((s) => s.date1904 === true),
    },
  });
}
