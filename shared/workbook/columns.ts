import { cellRef, columnLetter, type Problem } from '../domain/problem';
import { normaliseKey } from './normalise';
import { cellText } from './parseValue';
import { isBlankCell, type SheetTable } from './table';

/**
 * The columns of each sheet (DESIGN.md section 8), the headers people write for them, and the
 * matching of a sheet's header row to fields. Headers compare by normaliseKey, so "unit_cost",
 * "UNIT COST" and "Unit-Cost" are one header.
 */

export interface FieldDef<N extends string> {
  name: N;
  synonyms: readonly string[];
}

const def = <N extends string>(name: N, ...synonyms: string[]): FieldDef<N> => ({ name, synonyms });

const LOT_ID_SYNONYMS = ['Lot', 'ID', 'Lot No', 'Lot Number', 'Asset ID', 'Asset', 'Asset No', 'Asset Number', 'Asset Tag', 'Batch', 'Batch ID'];

export const FLEET_FIELDS = [
  def('Lot ID', ...LOT_ID_SYNONYMS),
  def('Class', 'Asset Class', 'Asset Type', 'Category'),
  def('Model', 'Model Name', 'Hardware', 'Machine', 'Device', 'SKU'),
  def('Quantity', 'Qty', 'Units', 'Count', 'Unit Count', 'Number of Units', 'No of Units'),
  def('Unit Cost', 'Cost', 'Unit Price', 'Price', 'Cost per Unit', 'Price per Unit', 'Unit Cost ($)', 'Cost ($)'),
  def('In Service', 'In-Service Date', 'In Service Date', 'Placed in Service', 'Placed in Service Date', 'Date Placed in Service', 'PIS', 'PIS Date', 'Service Date'),
  def('Acquired', 'Acquired Date', 'Date Acquired', 'Acquisition Date', 'Purchase Date', 'Purchased', 'Contract Date'),
  def('Salvage %', 'Salvage', 'Salvage Pct', 'Salvage Percent', 'Salvage Value %', 'Residual', 'Residual %', 'Residual Pct', 'Residual Value %'),
  def('Book Life (months)', 'Life (months)', 'Life Months', 'Life in Months', 'Useful Life (months)', 'Useful Life in Months', 'Book Life (mos)', 'Months'),
  def('Book Life (years)', 'Life (years)', 'Life Years', 'Life in Years', 'Useful Life (years)', 'Useful Life in Years', 'Useful Life (yrs)', 'Life (yrs)', 'Years'),
  def('Method', 'Depreciation Method', 'Depr Method', 'Book Method'),
  def('Convention', 'Depreciation Convention', 'Depr Convention', 'Book Convention'),
  def('Tax Class', 'MACRS Class', 'Tax Recovery Class', 'Recovery Class'),
  def('Bonus %', 'Bonus', 'Bonus Pct', 'Bonus Percent', 'Bonus Rate', 'Bonus Depreciation %'),
  def('Section 179', 'Sec 179', 'S179', '179', 'Section 179 Amount', 'Section 179 Deduction'),
  def('Hashrate (TH/s)', 'Hashrate', 'Hash Rate', 'Hash Rate (TH/s)', 'TH/s', 'Hashpower'),
  def('Power (W)', 'Power', 'Watts', 'Power (Watts)', 'Power Draw', 'Power Draw (W)', 'Wattage'),
  def('Power (kW)', 'kW', 'Power Draw (kW)'),
  def('GPUs per Unit', 'GPUs', 'GPU Count', 'GPUs per Server', 'GPUs per Node'),
  def('Rent ($/GPU-hr)', 'Rent', 'Rent per GPU Hour', 'Rent ($/GPU-hour)', 'GPU Hour Rate', 'Rent per GPU-hr'),
] as const;

export const EVENT_FIELDS = [
  def('Date', 'Event Date', 'Effective Date', 'Effective'),
  def('Lot ID', ...LOT_ID_SYNONYMS),
  def('Type', 'Event', 'Event Type', 'Kind'),
  def('Life (months)', 'Book Life (months)', 'New Life (months)', 'Life Months'),
  def('Life (years)', 'Book Life (years)', 'New Life (years)', 'Life Years'),
  def('Salvage %', 'Salvage', 'New Salvage %', 'Residual %'),
  def('Fair Value', 'FV', 'Fair Value Less Costs to Sell', 'FVLCTS', 'Fair Value less Cost to Sell'),
  def('Units', 'Quantity', 'Qty', 'Units Disposed'),
  def('Proceeds', 'Sale Proceeds', 'Sale Price'),
  def('Until', 'Idle Until', 'End Date', 'To'),
] as const;

export const ASSUMPTION_FIELDS = [def('Key', 'Assumption', 'Name', 'Item', 'Parameter'), def('Value')] as const;

export const SCENARIO_FIELDS = [def('Scenario', 'Scenario Name', 'Name'), def('Key', 'Assumption', 'Parameter'), def('Value')] as const;

export type FleetField = (typeof FLEET_FIELDS)[number]['name'];
export type EventField = (typeof EVENT_FIELDS)[number]['name'];
export type AssumptionField = (typeof ASSUMPTION_FIELDS)[number]['name'];
export type ScenarioField = (typeof SCENARIO_FIELDS)[number]['name'];
export type FieldName = FleetField | EventField | AssumptionField | ScenarioField;

/**
 * An explicit column mapping, file header -> field, that overrides the matching of headers
 * (the UI's column mapper and the CLI's `--map "Header=Field"`). It applies in every sheet that
 * has that header and that field. Field names compare loosely too ("unit_cost" is Unit Cost).
 */
export type ColumnMapping = Record<string, FieldName | string>;

const ALL_FIELDS: readonly FieldDef<FieldName>[] = [...FLEET_FIELDS, ...EVENT_FIELDS, ...ASSUMPTION_FIELDS, ...SCENARIO_FIELDS];

function lookupOf<N extends string>(fields: readonly FieldDef<N>[]): Map<string, N> {
  const map = new Map<string, N>();
  for (const f of fields) {
    for (const h of [f.name, ...f.synonyms]) {
      const k = normaliseKey(h);
      if (!map.has(k)) map.set(k, f.name);
    }
  }
  return map;
}

const ALL_LOOKUP = lookupOf(ALL_FIELDS);

/** The canonical field a name (canonical or synonym, any spelling) stands for, or null. */
export function resolveFieldName(name: string): FieldName | null {
  return ALL_LOOKUP.get(normaliseKey(name)) ?? null;
}

/** Headers that say "life" without a unit: never guessed, since years read as months would be wildly wrong. */
const UNITLESS_LIFE = new Set(['life', 'booklife', 'usefullife', 'economiclife', 'depreciablelife']);

export interface ExtraColumn {
  index: number;
  header: string;
}

export interface HeaderMatch<N extends string> {
  /** Field -> 0-based column index. */
  columns: Map<N, number>;
  /** Columns Fleetbook does not read, kept for saving back. */
  extras: ExtraColumn[];
  problems: Problem[];
  /** Normalised mapping keys that matched a header of this sheet. */
  usedMappingKeys: Set<string>;
}

/**
 * Matches the header row (row 1) of a sheet to fields. Explicit mappings first; a header that
 * also matches a field already taken by an explicit mapping is kept as an extra column.
 */
export function matchHeaders<N extends string>(
  sheet: SheetTable,
  fields: readonly FieldDef<N>[],
  mapping: ColumnMapping | undefined,
): HeaderMatch<N> {
  const lookup = lookupOf(fields);
  const result: HeaderMatch<N> = { columns: new Map(), extras: [], problems: [], usedMappingKeys: new Set() };
  const headerRow = sheet.rows[0]?.row === 1 ? sheet.rows[0].cells : [];
  let width = headerRow.length;
  for (const r of sheet.rows) width = Math.max(width, r.cells.length);
  const explicit = new Map<string, N>();
  for (const [header, field] of Object.entries(mapping ?? {})) {
    const target = lookup.get(normaliseKey(field));
    if (target) explicit.set(normaliseKey(header), target);
  }
  const explicitCols = new Set<number>();
  const where = new Map<N, string>();
  const headerAt = (i: number): string => cellText(headerRow[i] ?? null);

  for (let i = 0; i < headerRow.length; i++) {
    const key = normaliseKey(headerAt(i));
    const field = explicit.get(key);
    if (!field) continue;
    result.usedMappingKeys.add(key);
    explicitCols.add(i);
    const taken = result.columns.get(field);
    if (taken !== undefined) {
      result.problems.push({ sheet: sheet.name, cell: cellRef(i, 1), message: `column "${headerAt(i)}" is mapped to ${field}, which column ${columnLetter(taken)} already is`, severity: 'error' });
      continue;
    }
    result.columns.set(field, i);
    where.set(field, 'mapping');
  }

  for (let i = 0; i < width; i++) {
    if (explicitCols.has(i)) continue;
    const header = headerAt(i);
    const key = normaliseKey(header);
    if (key === '') {
      if (sheet.rows.some((r) => r.row !== 1 && !isBlankCell(r.cells[i]))) {
        result.extras.push({ index: i, header });
        result.problems.push({ sheet: sheet.name, cell: cellRef(i, 1), message: `column ${columnLetter(i)} has data but no header; kept as is`, severity: 'warning' });
      }
      continue;
    }
    const field = lookup.get(key);
    const taken = field === undefined ? undefined : result.columns.get(field);
    if (field !== undefined && taken === undefined) {
      result.columns.set(field, i);
      where.set(field, 'header');
      continue;
    }
    if (field !== undefined && taken !== undefined && where.get(field) === 'header') {
      result.problems.push({ sheet: sheet.name, cell: cellRef(i, 1), message: `column "${header}" repeats ${field} (column ${columnLetter(taken)})`, severity: 'error' });
      continue;
    }
    result.extras.push({ index: i, header });
    const why =
      field !== undefined
        ? `column "${header}" would be ${field}, but the mapping gives ${field} to column ${columnLetter(taken!)}; kept as is`
        : UNITLESS_LIFE.has(key)
          ? `column "${header}" has no unit, so it is not read: name it "Book Life (months)" or "Book Life (years)", or map it; kept as is`
          : `column "${header}" is not a Fleetbook column; kept as is`;
    result.problems.push({ sheet: sheet.name, cell: cellRef(i, 1), message: why, severity: 'warning' });
  }
  return result;
}
