import type { ScenarioOverride } from '../../../../shared/domain/fleet';
import { DRIVER_DEFS } from '../../../../shared/engine/economic';
import { BASE_SCENARIO, BOOK_LIFE_LEVERS, isBaseName, parseScenarioKey, VOLATILITY_DEFS } from '../../../../shared/engine/stress';
import { normaliseKey, readPercent } from '../../../../shared/workbook';

/**
 * The Scenarios sheet as the editor changes it: rows of (Scenario, Key, Value). Each edit gives
 * a new list for the document store, or a problem when the row could not be saved and read back
 * (the workbook reader refuses a blank cell and a key repeated within a scenario).
 */

export type ScenarioColumn = 'scenario' | 'key' | 'value';

/** A typed value as the file reader takes a cell: a number when it reads as one ("15%" -> 15, "1,250" -> 1250), else the text. */
export function parseOverrideText(text: string): number | string {
  const t = text.trim();
  const p = readPercent(t);
  return p.ok ? p.value.value : t;
}

export function overrideText(value: number | string): string {
  return typeof value === 'number' ? String(value) : value;
}

/** The scenario names in file order, each once (as the engine compares them), the reserved Base left out. */
export function scenarioNamesOf(rows: readonly ScenarioOverride[]): string[] {
  const seen = new Map<string, string>();
  for (const r of rows) {
    const k = normaliseKey(r.scenario);
    if (!seen.has(k) && !isBaseName(r.scenario)) seen.set(k, r.scenario);
  }
  return [...seen.values()];
}

/** Keys to suggest while typing: the fixed assumptions, the market drivers, the volatilities, lives and salvage. */
export const KEY_SUGGESTIONS: readonly string[] = [
  'Tax Rate %',
  'Discount Rate %',
  'Fiscal Year Start Month',
  'As Of',
  'Horizon (months)',
  'Book Life (months)',
  ...BOOK_LIFE_LEVERS.map((l) => l.key),
  'Salvage %',
  ...DRIVER_DEFS.filter((d) => d.key !== 'discountrate').map((d) => d.label),
  'Hashprice ($/TH/day)',
  ...VOLATILITY_DEFS.map((d) => d.label),
];

/** Why a row cannot be kept as typed, or null. `others`: the other rows of the sheet. */
export function rowProblem(row: ScenarioOverride, others: readonly ScenarioOverride[]): string | null {
  if (row.scenario.trim() === '') return 'A scenario needs a name.';
  if (isBaseName(row.scenario)) return `"${BASE_SCENARIO}" is the workbook itself; give the scenario another name.`;
  if (row.key.trim() === '') return 'Which assumption does the row override? The key is blank.';
  if (!parseScenarioKey(row.key)) return `"${row.key}" is not a key Fleetbook knows (an assumption, a market driver, a volatility, or a life or salvage, e.g. "Book Life (months): GPU").`;
  if (typeof row.value === 'string' && row.value.trim() === '') return 'The value is blank.';
  const scenario = normaliseKey(row.scenario);
  const key = normaliseKey(row.key);
  if (others.some((o) => normaliseKey(o.scenario) === scenario && normaliseKey(o.key) === key)) {
    return `Scenario "${row.scenario.trim()}" already sets "${row.key.trim()}".`;
  }
  return null;
}

export type EditOutcome = { ok: true; rows: ScenarioOverride[] } | { ok: false; problem: string };

/** Row `index` with one cell set from typed text. */
export function withCell(rows: readonly ScenarioOverride[], index: number, column: ScenarioColumn, text: string): EditOutcome {
  const old = rows[index];
  const row: ScenarioOverride = { ...old, [column]: column === 'value' ? parseOverrideText(text) : text.trim() };
  const problem = rowProblem(row, rows.filter((_, i) => i !== index));
  if (problem) return { ok: false, problem };
  return { ok: true, rows: rows.map((r, i) => (i === index ? row : r)) };
}

/** A new row at the end of its scenario's rows (a new scenario goes last). */
export function withRowAdded(rows: readonly ScenarioOverride[], scenario: string, key: string, valueText: string): EditOutcome {
  const row: ScenarioOverride = { scenario: scenario.trim(), key: key.trim(), value: parseOverrideText(valueText) };
  const problem = rowProblem(row, rows);
  if (problem) return { ok: false, problem };
  const name = normaliseKey(row.scenario);
  let at = rows.length;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (normaliseKey(rows[i].scenario) === name) {
      at = i + 1;
      break;
    }
  }
  return { ok: true, rows: [...rows.slice(0, at), row, ...rows.slice(at)] };
}

export function withRowRemoved(rows: readonly ScenarioOverride[], index: number): ScenarioOverride[] {
  return rows.filter((_, i) => i !== index);
}
