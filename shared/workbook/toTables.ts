import { isLocalDate, type LocalDate } from '../domain/dates';
import { DEFAULT_ASSUMPTIONS, type Assumptions, type Fleet, type FleetEvent, type Lot, type ScenarioOverride } from '../domain/fleet';
import type { Cents } from '../domain/money';
import { driverDef } from '../engine/economic/drivers';
import { ASSUMPTION_FIELDS, EVENT_FIELDS, FLEET_FIELDS, matchHeaders, SCENARIO_FIELDS, type EventField, type FieldDef, type FleetField } from './columns';
import { normaliseKey } from './normalise';
import { cellText } from './parseValue';
import type { FleetRead } from './readFleet';
import type { ExtraColumns } from './sheetCommon';
import type { CellValue, SheetTable } from './table';

/**
 * The fleet as the sheets of a workbook (or the rows of a CSV), before any file format: the
 * writer's half that needs no library. With the original file's sheets, the layout follows the
 * file: its sheet order and names, its header names and column order, its unknown columns (values
 * matched to lots by Lot ID, to events and scenarios by position, to assumptions by key) and its
 * unknown sheets (values only, at their cells).
 */

/** An amount of money, written as a number with two decimals. */
export interface MoneyCell {
  kind: 'money';
  cents: Cents;
}

/** A calendar day, written as a real date. */
export interface DayCell {
  kind: 'day';
  date: LocalDate;
}

/** What a cell holds: a value as the reader gives it (kept cells), money, or a day. */
export type OutCell = CellValue | MoneyCell | DayCell;

export interface OutRow {
  /** 1-based row number. */
  row: number;
  cells: OutCell[];
}

export interface OutSheet {
  name: string;
  /**
   * A sheet Fleetbook writes (Fleet, Assumptions, Events, Scenarios): row 1 is its header row,
   * styled and frozen, with a filter. Other sheets are written back as they were read.
   */
  own: boolean;
  rows: OutRow[];
}

export interface OutWorkbook {
  sheets: OutSheet[];
  /** Keep the original's date system (old Mac workbooks count days from 1904). */
  date1904: boolean;
}

/** The original file, read again: its sheets as tables, and what the reader made of them. */
export interface OriginalBook {
  tables: readonly SheetTable[];
  read: FleetRead;
}

export const SHEET_NAMES = { fleet: 'Fleet', assumptions: 'Assumptions', events: 'Events', scenarios: 'Scenarios' } as const;

/** The Fleet columns of a new workbook, in this order. */
export const FLEET_COLUMNS: readonly FleetField[] = [
  'Lot ID', 'Class', 'Model', 'Quantity', 'Unit Cost', 'In Service', 'Acquired', 'Salvage %', 'Book Life (months)', 'Method',
  'Convention', 'Tax Class', 'Bonus %', 'Section 179', 'Hashrate (TH/s)', 'Power (W)', 'GPUs per Unit', 'Rent ($/GPU-hr)',
];

/** The Events columns of a new workbook, in this order. */
export const EVENT_COLUMNS: readonly EventField[] = ['Date', 'Lot ID', 'Type', 'Life (months)', 'Salvage %', 'Fair Value', 'Units', 'Proceeds', 'Until'];

/** The fixed Assumptions keys: the label a new sheet uses and every key the reader takes for it (normalised). */
const FIXED_KEYS: readonly { field: Exclude<keyof Assumptions, 'drivers'>; label: string; keys: readonly string[] }[] = [
  { field: 'company', label: 'Company', keys: ['company', 'companyname', 'entity'] },
  { field: 'currency', label: 'Currency', keys: ['currency'] },
  { field: 'fiscalYearStartMonth', label: 'Fiscal Year Start Month', keys: ['fiscalyearstartmonth', 'fiscalyearstart', 'fystartmonth', 'fiscalstartmonth'] },
  { field: 'asOf', label: 'As Of', keys: ['asof', 'asofdate', 'valuationdate', 'reportingdate'] },
  { field: 'horizonMonths', label: 'Horizon (months)', keys: ['horizonmonths', 'horizon'] },
  { field: 'taxRatePct', label: 'Tax Rate %', keys: ['taxrate', 'taxratepct', 'taxratepercent'] },
  { field: 'discountRatePct', label: 'Discount Rate %', keys: ['discountrate', 'discountratepct', 'discountratepercent'] },
];

// ---- cells ----

const money = (cents: Cents | undefined): OutCell => (cents === undefined ? null : { kind: 'money', cents });
const day = (date: LocalDate | undefined): OutCell => (date === undefined ? null : { kind: 'day', date });
const num = (v: number | undefined): OutCell => (v === undefined ? null : v);
const text = (s: string | undefined): OutCell => (s === undefined || s === '' ? null : s);

/**
 * A percentage as files write it (15 for 15%). Between 0 and 1 it is written as a percent-formatted
 * cell (0.5% holds 0.005), which the reader takes without its "did you mean 50?" warning.
 */
export function percentCell(v: number | undefined): OutCell {
  if (v === undefined) return null;
  return v > 0 && v < 1 ? { kind: 'percent', fraction: v / 100 } : v;
}

/** A driver or override value: numbers as numbers, yyyy-mm-dd text as a date, other text as text. */
function looseValue(v: number | string): OutCell {
  if (typeof v === 'number') return v;
  // Before March 1900 Excel's day count is off by its fictitious 1900-02-29: such text stays text.
  return isLocalDate(v) && v >= '1900-03-01' ? { kind: 'day', date: v } : text(v);
}

// ---- layouts: which column holds what ----

type Slot<F> = { field: F; header: string } | { extra: number; header: string } | { blank: true; header: string };

function headerRow(table: SheetTable): CellValue[] {
  return table.rows[0]?.row === 1 ? table.rows[0].cells : [];
}

/** The columns of a sheet as the file has them: its fields (under the file's headers), its unknown columns, blank columns. */
function fileLayout<F extends string>(table: SheetTable, fields: readonly FieldDef<F>[]): Slot<F>[] {
  const match = matchHeaders(table, fields, undefined);
  const header = headerRow(table);
  let width = header.length;
  for (const r of table.rows) width = Math.max(width, r.cells.length);
  const byIndex = new Map<number, Slot<F>>();
  for (const [field, i] of match.columns) byIndex.set(i, { field, header: cellText(header[i] ?? null) });
  match.extras.forEach((e, k) => byIndex.set(e.index, { extra: k, header: e.header }));
  const slots: Slot<F>[] = [];
  for (let i = 0; i < width; i++) slots.push(byIndex.get(i) ?? { blank: true, header: cellText(header[i] ?? null) });
  // Trailing columns with neither header nor data add nothing.
  while (slots.length > 0 && 'blank' in slots[slots.length - 1] && slots[slots.length - 1].header === '') slots.pop();
  return slots;
}

function hasField<F>(slots: readonly Slot<F>[], field: F): boolean {
  return slots.some((s) => 'field' in s && s.field === field);
}

/** Replaces a field's column by another field (same place, the new field's own header). */
function replaceField<F extends string>(slots: Slot<F>[], from: F, to: F): void {
  const i = slots.findIndex((s) => 'field' in s && s.field === from);
  if (i >= 0) slots[i] = { field: to, header: to };
}

/** Fields the file lacks but the data needs are added at the right, under their own names. */
function appendMissing<F extends string>(slots: Slot<F>[], order: readonly F[], needed: (f: F) => boolean): void {
  for (const f of order) if (!hasField(slots, f) && needed(f)) slots.push({ field: f, header: f });
}

function headerCells<F>(slots: readonly Slot<F>[]): OutCell[] {
  return slots.map((s) => text(s.header));
}

function rowCells<F>(slots: readonly Slot<F>[], value: (f: F) => OutCell, extras: readonly CellValue[] | undefined): OutCell[] {
  const cells = slots.map((s) => ('field' in s ? value(s.field) : 'extra' in s ? (extras?.[s.extra] ?? null) : null));
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

function sheetOf(name: string, header: OutCell[], rows: OutCell[][]): OutSheet {
  return { name, own: true, rows: [{ row: 1, cells: header }, ...rows.map((cells, i) => ({ row: i + 2, cells }))] };
}

// ---- Fleet ----

const isWholeYears = (months: number): boolean => months % 12 === 0;
/** Watts that survive W -> kW -> W exactly, as the reader converts a kW column back. */
const isExactKw = (w: number): boolean => (w / 1000) * 1000 === w;

function lotValue(lot: Lot, field: FleetField): OutCell {
  switch (field) {
    case 'Lot ID':
      return text(lot.id);
    case 'Class':
      return lot.assetClass;
    case 'Model':
      return text(lot.model);
    case 'Quantity':
      return lot.quantity;
    case 'Unit Cost':
      return money(lot.unitCost);
    case 'In Service':
      return day(lot.inService);
    case 'Acquired':
      return day(lot.acquired);
    case 'Salvage %':
      return percentCell(lot.salvagePct);
    case 'Book Life (months)':
      return lot.lifeMonths;
    case 'Book Life (years)':
      return lot.lifeMonths / 12;
    case 'Method':
      return lot.method;
    case 'Convention':
      return lot.convention;
    case 'Tax Class':
      return lot.taxClass;
    case 'Bonus %':
      return percentCell(lot.bonusPct);
    case 'Section 179':
      return money(lot.section179);
    case 'Hashrate (TH/s)':
      return num(lot.hashrateThs);
    case 'Power (W)':
      return num(lot.powerW);
    case 'Power (kW)':
      return lot.powerW === undefined ? null : lot.powerW / 1000;
    case 'GPUs per Unit':
      return num(lot.gpusPerUnit);
    case 'Rent ($/GPU-hr)':
      return num(lot.rentPerGpuHour);
  }
}

/** Whether any lot has something for a column the file lacks (defaults need no column). */
function lotsNeed(lots: readonly Lot[], field: FleetField): boolean {
  switch (field) {
    case 'Model':
      return lots.some((l) => l.model !== '');
    case 'Salvage %':
      return lots.some((l) => l.salvagePct !== 0);
    case 'Method':
      return lots.some((l) => l.method !== 'SL');
    case 'Convention':
      return lots.some((l) => l.convention !== 'full-month');
    case 'Tax Class':
      return lots.some((l) => l.taxClass !== 'MACRS-5');
    default:
      return lots.some((l) => lotValue(l, field) !== null);
  }
}

function fleetLayout(lots: readonly Lot[], table: SheetTable | undefined): Slot<FleetField>[] {
  if (!table) return FLEET_COLUMNS.map((f) => ({ field: f, header: f }));
  const slots = fileLayout(table, FLEET_FIELDS);
  if (hasField(slots, 'Book Life (years)') && !lots.every((l) => isWholeYears(l.lifeMonths))) replaceField(slots, 'Book Life (years)', 'Book Life (months)');
  if (hasField(slots, 'Power (kW)') && !lots.every((l) => l.powerW === undefined || isExactKw(l.powerW))) replaceField(slots, 'Power (kW)', 'Power (W)');
  const hasLife = hasField(slots, 'Book Life (months)') || hasField(slots, 'Book Life (years)');
  const hasPower = hasField(slots, 'Power (W)') || hasField(slots, 'Power (kW)');
  appendMissing(slots, FLEET_COLUMNS, (f) => {
    if (f === 'Book Life (months)') return !hasLife;
    if (f === 'Power (W)') return !hasPower && lotsNeed(lots, f);
    return f === 'Lot ID' || f === 'Class' || f === 'Quantity' || f === 'Unit Cost' || f === 'In Service' || lotsNeed(lots, f);
  });
  return slots;
}

/** Unknown-column values of the original's lots, by Lot ID. */
function extrasByLotId(original: OriginalBook | undefined): Map<string, CellValue[]> {
  const map = new Map<string, CellValue[]>();
  if (!original) return map;
  const { fleet, extras } = original.read;
  fleet.lots.forEach((lot, i) => map.set(lot.id, extras.fleet.values[i] ?? []));
  return map;
}

function findTable(original: OriginalBook | undefined, name: string | undefined): SheetTable | undefined {
  return name === undefined ? undefined : original?.tables.find((t) => t.name === name);
}

/** The Fleet sheet (also the whole of a CSV). */
export function fleetSheet(fleet: Fleet, original?: OriginalBook): OutSheet {
  const table = findTable(original, original?.read.extras.sheetNames.fleet);
  const slots = fleetLayout(fleet.lots, table);
  const extras = extrasByLotId(original);
  const rows = fleet.lots.map((lot) => rowCells(slots, (f) => lotValue(lot, f), extras.get(lot.id)));
  return sheetOf(original?.read.extras.sheetNames.fleet ?? SHEET_NAMES.fleet, headerCells(slots), rows);
}

// ---- Events ----

function eventValue(e: FleetEvent, field: EventField): OutCell {
  switch (field) {
    case 'Date':
      return day(e.date);
    case 'Lot ID':
      return text(e.lotId);
    case 'Type':
      return e.type;
    case 'Life (months)':
      return e.type === 'change-estimate' ? num(e.lifeMonths) : null;
    case 'Life (years)':
      return e.type === 'change-estimate' && e.lifeMonths !== undefined ? e.lifeMonths / 12 : null;
    case 'Salvage %':
      return e.type === 'change-estimate' ? percentCell(e.salvagePct) : null;
    case 'Fair Value':
      return e.type === 'impairment' ? money(e.fairValue) : e.type === 'held-for-sale' ? money(e.fairValueLessCosts) : null;
    case 'Units':
      return e.type === 'disposal' ? e.units : null;
    case 'Proceeds':
      return e.type === 'disposal' ? money(e.proceeds) : null;
    case 'Until':
      return e.type === 'idle' ? day(e.until) : null;
  }
}

function eventsLayout(events: readonly FleetEvent[], table: SheetTable | undefined): Slot<EventField>[] {
  if (!table) return EVENT_COLUMNS.map((f) => ({ field: f, header: f }));
  const slots = fileLayout(table, EVENT_FIELDS);
  const lives = events.flatMap((e) => (e.type === 'change-estimate' && e.lifeMonths !== undefined ? [e.lifeMonths] : []));
  if (hasField(slots, 'Life (years)') && !hasField(slots, 'Life (months)') && !lives.every(isWholeYears)) replaceField(slots, 'Life (years)', 'Life (months)');
  const hasLife = hasField(slots, 'Life (months)') || hasField(slots, 'Life (years)');
  appendMissing(slots, EVENT_COLUMNS, (f) => (f === 'Life (months)' ? !hasLife && lives.length > 0 : events.some((e) => eventValue(e, f) !== null)));
  return slots;
}

function eventsSheet(fleet: Fleet, original: OriginalBook | undefined, name: string): OutSheet {
  const table = findTable(original, original?.read.extras.sheetNames.events);
  const slots = eventsLayout(fleet.events, table);
  const extras = original?.read.extras.events;
  // With a Life (years) column and a Life (months) column, a row's months win: write only one.
  const both = hasField(slots, 'Life (months)') && hasField(slots, 'Life (years)');
  const rows = fleet.events.map((e, i) =>
    rowCells(slots, (f) => (both && f === 'Life (years)' ? null : eventValue(e, f)), extras?.values[i]),
  );
  return sheetOf(name, headerCells(slots), rows);
}

// ---- Scenarios ----

function scenariosSheet(scenarios: readonly ScenarioOverride[], original: OriginalBook | undefined, name: string): OutSheet {
  const table = findTable(original, original?.read.extras.sheetNames.scenarios);
  const slots: Slot<string>[] = table ? fileLayout(table, SCENARIO_FIELDS) : SCENARIO_FIELDS.map((f) => ({ field: f.name, header: f.name }));
  appendMissing(slots, ['Scenario', 'Key', 'Value'], () => true);
  const extras: ExtraColumns | undefined = original?.read.extras.scenarios;
  const rows = scenarios.map((s, i) =>
    rowCells(slots, (f) => (f === 'Scenario' ? text(s.scenario) : f === 'Key' ? text(s.key) : looseValue(s.value)), extras?.values[i]),
  );
  return sheetOf(name, headerCells(slots), rows);
}

// ---- Assumptions ----

function fixedValue(a: Assumptions, field: Exclude<keyof Assumptions, 'drivers'>): OutCell {
  switch (field) {
    case 'company':
      return text(a.company);
    case 'currency':
      return a.currency;
    case 'fiscalYearStartMonth':
      return a.fiscalYearStartMonth;
    case 'asOf':
      return day(a.asOf);
    case 'horizonMonths':
      return a.horizonMonths;
    case 'taxRatePct':
    case 'discountRatePct':
      return percentCell(a[field]);
  }
}

function fixedDiffers(a: Assumptions, field: Exclude<keyof Assumptions, 'drivers'>): boolean {
  return a[field] !== DEFAULT_ASSUMPTIONS[field];
}

function driverLabel(key: string): string {
  return driverDef(key)?.label ?? key;
}

function assumptionsSheet(a: Assumptions, original: OriginalBook | undefined, name: string): OutSheet {
  const table = findTable(original, original?.read.extras.sheetNames.assumptions);
  const slots: Slot<string>[] = table ? fileLayout(table, ASSUMPTION_FIELDS) : [{ field: 'Key', header: 'Key' }, { field: 'Value', header: 'Value' }];
  appendMissing(slots, ['Key', 'Value'], () => true);
  const kept = original?.read.extras.assumptions;
  const rows: OutCell[][] = [];
  const written = new Set<string>();
  const add = (label: string, value: OutCell, extras?: readonly CellValue[]): void => {
    rows.push(rowCells(slots, (f) => (f === 'Key' ? label : value), extras));
  };
  const fixedOf = (key: string) => FIXED_KEYS.find((k) => k.keys.includes(key));

  // The file's rows first, in its order and under its labels.
  kept?.keys.forEach((key, i) => {
    const fixed = fixedOf(key);
    const value = fixed ? fixedValue(a, fixed.field) : Object.prototype.hasOwnProperty.call(a.drivers, key) ? looseValue(a.drivers[key]) : null;
    written.add(fixed ? fixed.field : key);
    add(kept.labels[i], value, kept.values[i]);
  });
  // Then what the file did not have: fixed keys (a new workbook lists them all), then drivers.
  for (const k of FIXED_KEYS) {
    if (written.has(k.field)) continue;
    if (k.field === 'asOf' && a.asOf === undefined) continue;
    if (table && !fixedDiffers(a, k.field)) continue;
    add(k.label, fixedValue(a, k.field));
  }
  for (const [key, value] of Object.entries(a.drivers)) if (!written.has(key)) add(driverLabel(key), looseValue(value));
  return sheetOf(name, headerCells(slots), rows);
}

function sameAssumptions(a: Assumptions, b: Assumptions): boolean {
  return FIXED_KEYS.every((k) => a[k.field] === b[k.field]) && Object.keys(a.drivers).length === 0 && Object.keys(b.drivers).length === 0;
}

// ---- the workbook ----

/** A sheet name not yet taken (names compare case-insensitively in Excel). */
function freeName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!lower.has(`${wanted} ${i}`.toLowerCase())) return `${wanted} ${i}`;
}

/**
 * Every sheet of the workbook. Without an original: Fleet, Assumptions, Events, Scenarios. With
 * one: its sheets in its order; a sheet Fleetbook reads but the file lacked is added at the end
 * only when it has something to hold.
 */
export function fleetToWorkbook(fleet: Fleet, original?: OriginalBook): OutWorkbook {
  if (!original) {
    return {
      date1904: false,
      sheets: [
        fleetSheet(fleet),
        assumptionsSheet(fleet.assumptions, undefined, SHEET_NAMES.assumptions),
        eventsSheet(fleet, undefined, SHEET_NAMES.events),
        scenariosSheet(fleet.scenarios, undefined, SHEET_NAMES.scenarios),
      ],
    };
  }
  const { extras } = original.read;
  const names = extras.sheetNames;
  const kept = new Map(extras.sheets.map((s) => [s.name, s]));
  const sheets: OutSheet[] = [];
  for (const name of extras.sheetOrder) {
    if (name === names.fleet) sheets.push(fleetSheet(fleet, original));
    else if (name === names.assumptions) sheets.push(assumptionsSheet(fleet.assumptions, original, name));
    else if (name === names.events) sheets.push(eventsSheet(fleet, original, name));
    else if (name === names.scenarios) sheets.push(scenariosSheet(fleet.scenarios, original, name));
    else {
      const table = kept.get(name);
      if (table) sheets.push({ name, own: false, rows: table.rows.map((r) => ({ row: r.row, cells: r.cells })) });
    }
  }
  // A CSV original has no sheet order of its own beyond its one table.
  if (!sheets.some((s) => s.name === names.fleet)) sheets.unshift(fleetSheet(fleet, original));
  const taken = (): string[] => sheets.map((s) => s.name);
  if (names.assumptions === undefined && !sameAssumptions(fleet.assumptions, DEFAULT_ASSUMPTIONS)) {
    sheets.push(assumptionsSheet(fleet.assumptions, original, freeName(SHEET_NAMES.assumptions, taken())));
  }
  if (names.events === undefined && fleet.events.length > 0) sheets.push(eventsSheet(fleet, original, freeName(SHEET_NAMES.events, taken())));
  if (names.scenarios === undefined && fleet.scenarios.length > 0) {
    sheets.push(scenariosSheet(fleet.scenarios, original, freeName(SHEET_NAMES.scenarios, taken())));
  }
  return { sheets, date1904: extras.date1904 };
}

/** Normalised keys of the fixed Assumptions fields, for tests and the writer's callers. */
export function isFixedAssumptionKey(key: string): boolean {
  const k = normaliseKey(key);
  return FIXED_KEYS.some((f) => f.keys.includes(k));
}
