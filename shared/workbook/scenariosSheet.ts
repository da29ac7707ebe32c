import type { ScenarioOverride } from '../domain/fleet';
import { SCENARIO_FIELDS, type ColumnMapping, type ScenarioField } from './columns';
import { normaliseKey } from './normalise';
import { cellText, readNumber, readPercent } from './parseValue';
import { RowReader, type ReadContext } from './rowReader';
import { dataRows, emptyExtras, extraValues, openSheet, type ExtraColumns } from './sheetCommon';
import type { CellValue, SheetTable } from './table';

export interface ScenariosRead {
  scenarios: ScenarioOverride[];
  extras: ExtraColumns;
}

/** An override value: a number when it reads as one ("15%" -> 15), else the text. */
function overrideValue(v: CellValue, date1904: boolean | undefined): number | string {
  const p = readPercent(v);
  if (p.ok) return p.value.value;
  const n = readNumber(v);
  return n.ok ? n.value : cellText(v, date1904);
}

/**
 * Scenarios: one override per row. Keys are kept as written (trimmed); compare them with
 * normaliseKey, as the Assumptions drivers are.
 */
export function readScenariosSheet(sheet: SheetTable | undefined, mapping: ColumnMapping | undefined, ctx: ReadContext, usedMappingKeys: Set<string>): ScenariosRead {
  const out: ScenariosRead = { scenarios: [], extras: emptyExtras() };
  if (!sheet) return out;
  const match = openSheet<ScenarioField>(sheet, SCENARIO_FIELDS, ['Scenario', 'Key', 'Value'], mapping, ctx, usedMappingKeys);
  if (!match) return out;
  out.extras.headers = match.extras.map((e) => e.header);
  const seen = new Map<string, number>();
  for (const row of dataRows(sheet)) {
    const r = new RowReader(sheet, match.columns, row, ctx);
    const scenario = r.text('Scenario', true);
    const key = r.text('Key', true);
    if (key !== undefined) r.setLabel('Value', key);
    const value = !r.has('Value') ? r.text('Value', true) : r.notError('Value') ? overrideValue(r.raw('Value'), sheet.date1904) : undefined;
    if (scenario !== undefined && key !== undefined) {
      const id = `${normaliseKey(scenario)}\u0000${normaliseKey(key)}`;
      const first = seen.get(id);
      if (first !== undefined) r.problem('Key', `Key "${key}" is repeated in scenario "${scenario}" (row ${first})`);
      else seen.set(id, row.row);
    }
    if (r.failed) continue;
    out.scenarios.push({ scenario: scenario!, key: key!, value: value! });
    out.extras.values.push(extraValues(row, match.extras));
  }
  return out;
}
