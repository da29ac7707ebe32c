import type { LocalDate } from '../domain/dates';
import { dollarsToCents, type Cents } from '../domain/money';
import { cellRef, type Problem } from '../domain/problem';
import { normaliseKey } from './normalise';
import { cellText, displayCell, readDate, readNumber, readPercent, type DateLocale, type DayMonthOrder } from './parseValue';
import { isBlankCell, type CellValue, type SheetRow, type SheetTable } from './table';

/** Dates outside these years are typing mistakes for compute hardware (a year typed as a serial...). */
const PLAUSIBLE_FIRST_YEAR = 1970;
const PLAUSIBLE_LAST_YEAR = 2199;
/** Larger amounts would lose cents in a JS number. */
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** What the sheet readers share while reading one workbook. */
export interface ReadContext {
  locale?: DateLocale;
  problems: Problem[];
  /** The first date whose text fixed the day/month order, to catch files that mix both orders. */
  dateOrder?: { order: DayMonthOrder; where: string; text: string };
}

export interface Range {
  min?: number;
  max?: number;
}

function rangeText({ min, max }: Range): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `${min} or more`;
  return `${max} or less`;
}

function inRange(v: number, r: Range): boolean {
  return (r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max);
}

/**
 * Reads the fields of one data row, recording a problem (with its cell) for every value that
 * cannot be read. Each getter returns undefined for a blank or bad cell; `failed` tells them apart.
 */
export class RowReader<N extends string> {
  failed = false;
  private readonly labels = new Map<N, string>();

  constructor(
    private readonly sheet: SheetTable,
    private readonly columns: ReadonlyMap<N, number>,
    readonly row: SheetRow,
    private readonly ctx: ReadContext,
  ) {}

  /** Names a field differently in messages (an Assumptions value is named by its key). */
  setLabel(field: N, label: string): void {
    this.labels.set(field, label);
  }

  private name(field: N): string {
    return this.labels.get(field) ?? field;
  }

  /** The cell reference of a field in this row (column A when the sheet has no such column). */
  ref(field: N): string {
    return cellRef(this.columns.get(field) ?? 0, this.row.row);
  }

  raw(field: N): CellValue {
    const i = this.columns.get(field);
    return i === undefined ? null : (this.row.cells[i] ?? null);
  }

  hasColumn(field: N): boolean {
    return this.columns.has(field);
  }

  has(field: N): boolean {
    return !isBlankCell(this.raw(field));
  }

  problem(field: N, message: string): void {
    this.failed = true;
    this.ctx.problems.push({ sheet: this.sheet.name, cell: this.ref(field), message, severity: 'error' });
  }

  warn(field: N, message: string): void {
    this.ctx.problems.push({ sheet: this.sheet.name, cell: this.ref(field), message, severity: 'warning' });
  }

  private shown(field: N): string {
    return displayCell(this.raw(field), this.sheet.date1904);
  }

  /** Shared by every getter: true when the caller should stop (a blank cell or an Excel error, reported). */
  private blank(field: N, required: boolean): boolean {
    if (this.has(field)) return !this.notError(field);
    if (required) this.problem(field, `${this.name(field)} is missing`);
    return true;
  }

  /** Reports a cell holding an Excel error (#N/A...); true when the cell is free of one. */
  notError(field: N): boolean {
    const v = this.raw(field);
    if (typeof v !== 'object' || v === null || v.kind !== 'error') return true;
    this.problem(field, `${this.name(field)} is an Excel error (${v.code})`);
    return false;
  }

  text(field: N, required = false): string | undefined {
    if (this.blank(field, required)) return undefined;
    return cellText(this.raw(field), this.sheet.date1904);
  }

  number(field: N, range: Range = {}, required = false): number | undefined {
    if (this.blank(field, required)) return undefined;
    const r = readNumber(this.raw(field));
    if (!r.ok) return void this.problem(field, `${this.name(field)} ${this.shown(field)} ${r.reason}`);
    if (!inRange(r.value, range)) return void this.problem(field, `${this.name(field)} ${this.shown(field)} is out of range (${rangeText(range)})`);
    return r.value;
  }

  integer(field: N, range: Range = {}, required = false): number | undefined {
    const v = this.number(field, {}, required);
    if (v === undefined) return undefined;
    if (!Number.isInteger(v)) return void this.problem(field, `${this.name(field)} ${this.shown(field)} is not a whole number`);
    if (!Number.isSafeInteger(v)) return void this.problem(field, `${this.name(field)} ${this.shown(field)} is too large`);
    if (!inRange(v, range)) return void this.problem(field, `${this.name(field)} ${this.shown(field)} is out of range (${rangeText(range)})`);
    return v;
  }

  money(field: N, range: Range = {}, required = false): Cents | undefined {
    const v = this.number(field, range, required);
    if (v === undefined) return undefined;
    const cents = dollarsToCents(v);
    if (Math.abs(cents) > MAX_CENTS) return void this.problem(field, `${this.name(field)} ${this.shown(field)} is too large`);
    return cents;
  }

  /** A percentage (15 = 15%). A bare number between 0 and 1 is read as written, with a warning. */
  percent(field: N, range: Range = {}, required = false): number | undefined {
    if (this.blank(field, required)) return undefined;
    const r = readPercent(this.raw(field));
    if (!r.ok) return void this.problem(field, `${this.name(field)} ${this.shown(field)} ${r.reason}`);
    const { value, bare } = r.value;
    if (!inRange(value, range)) return void this.problem(field, `${this.name(field)} ${this.shown(field)} is out of range (${rangeText(range)})`);
    if (bare && value > 0 && value < 1) {
      const meant = Number((value * 100).toPrecision(12));
      this.warn(field, `${this.name(field)} ${this.shown(field)} is read as ${value}%; write ${meant} for ${meant}%`);
    }
    return value;
  }

  date(field: N, required = false): LocalDate | undefined {
    if (this.blank(field, required)) return undefined;
    const raw = this.raw(field);
    const r = readDate(raw, { date1904: this.sheet.date1904, locale: this.ctx.locale });
    if (!r.ok) return void this.problem(field, `${this.name(field)} ${this.shown(field)} ${r.reason}`);
    const { date, order, fromSerial } = r.value;
    const year = Number(date.slice(0, 4));
    if (year < PLAUSIBLE_FIRST_YEAR || year > PLAUSIBLE_LAST_YEAR) {
      const how = fromSerial ? ` (a number in a date column is read as an Excel serial date: ${date})` : ` (${date})`;
      return void this.problem(field, `${this.name(field)} ${this.shown(field)} is not a plausible date${how}`);
    }
    if (order) {
      const seen = this.ctx.dateOrder;
      if (!seen) this.ctx.dateOrder = { order, where: `${this.sheet.name}!${this.ref(field)}`, text: cellText(raw) };
      else if (seen.order !== order) {
        return void this.problem(
          field,
          `${this.name(field)} ${this.shown(field)} is ${order} but "${seen.text}" (${seen.where}) is ${seen.order}; write yyyy-mm-dd or set the date locale`,
        );
      }
    }
    return date;
  }

  /** One of a set of values, matched case-insensitively ignoring spaces and punctuation. */
  choice<T extends string>(field: N, options: ReadonlyMap<string, T>, allowed: readonly string[], required = false): T | undefined {
    if (this.blank(field, required)) return undefined;
    const v = options.get(normaliseKey(cellText(this.raw(field))));
    if (v === undefined) return void this.problem(field, `${this.name(field)} ${this.shown(field)} is not one of ${allowed.join(', ')}`);
    return v;
  }
}

/** A lookup for `choice`: each canonical value and its other spellings. */
export function choices<T extends string>(entries: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, spellings] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(normaliseKey(value), value);
    for (const s of spellings) map.set(normaliseKey(s), value);
  }
  return map;
}
