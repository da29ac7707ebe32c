import { parseLocalDate, toLocalDate, type LocalDate } from '../domain/dates';
import { excelSerialToLocalDate } from './excelDate';
import type { CellValue } from './table';

/**
 * Reading one raw cell as a number, a percentage, a date or text. Nothing is coerced silently:
 * whatever cannot be read without guessing comes back as a reason ("is not a number").
 */

export type DateLocale = 'US' | 'EU';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function isObjectCell(v: CellValue): v is Exclude<CellValue, string | number | boolean | null> {
  return typeof v === 'object' && v !== null;
}

/** Cleans float noise from a fraction x 100 (0.07 * 100 = 7.000000000000001). */
function percentOf(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}

/** The cell as text, as a user would read it (for text fields and extra columns). */
export function cellText(v: CellValue, date1904 = false): string {
  if (v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  switch (v.kind) {
    case 'date': {
      const d = excelSerialToLocalDate(v.serial, date1904);
      return d.ok ? d.value : String(v.serial);
    }
    case 'percent':
      return `${percentOf(v.fraction)}%`;
    case 'error':
      return v.code;
  }
}

/** The cell as shown inside a problem message: text in quotes, numbers bare. */
export function displayCell(v: CellValue, date1904 = false): string {
  if (typeof v === 'string') return `"${v.trim()}"`;
  if (v === null) return '(blank)';
  return cellText(v, date1904);
}

// Thousands groups: 1,250 / 1 250 / 1'250 with a '.' decimal, or 1.250 / 1 250 with a ',' decimal.
const PLAIN = /^(\d+\.?\d*|\.\d+)$/;
const SCIENTIFIC = /^\d+(\.\d+)?[eE][+-]?\d+$/;
const GROUPED_DOT_DECIMAL = /^\d{1,3}([,' ’]\d{3})+(\.\d+)?$/;
const GROUPED_COMMA_DECIMAL = /^\d{1,3}([. ]\d{3})+(,\d+)?$/;
const COMMA_DECIMAL = /^\d+,\d+$/;
const CURRENCY_SYMBOL = /^(US\$|[$€£¥])|(US\$|[$€£¥])$/;
const CURRENCY_CODE = /^(USD|EUR|GBP|CAD|AUD|CHF|JPY|CNY|HKD|SGD)\s*|\s*(USD|EUR|GBP|CAD|AUD|CHF|JPY|CNY|HKD|SGD)$/i;

/**
 * A number written by a person: "$1,250.00", "1 250", "(1,250.00)" (negative), "-12.5", "12,5",
 * "1.250,00". Null when it is not one. "1,250" is one thousand two hundred and fifty (a comma
 * followed by exactly three digits is a thousands separator); "12,5" is twelve and a half.
 */
const SIMPLE_NUMBER = /^-?\d+(\.\d+)?$/;

export function parseNumberText(text: string): number | null {
  if (SIMPLE_NUMBER.test(text)) return Number(text);
  let s = text.replace(/[\u00a0\u202f\u2009]/g, ' ').trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  const takeSign = (): void => {
    if (/^[-−]/.test(s)) {
      if (negative) return;
      negative = true;
      s = s.slice(1).trim();
    } else if (s.startsWith('+')) {
      s = s.slice(1).trim();
    }
  };
  takeSign();
  if (CURRENCY_SYMBOL.test(s)) s = s.replace(CURRENCY_SYMBOL, '').trim();
  else if (CURRENCY_CODE.test(s)) s = s.replace(CURRENCY_CODE, '').trim();
  takeSign();
  let canonical: string;
  if (PLAIN.test(s) || SCIENTIFIC.test(s)) canonical = s;
  else if (GROUPED_DOT_DECIMAL.test(s)) canonical = s.replace(/[,' ’]/g, '');
  else if (GROUPED_COMMA_DECIMAL.test(s)) canonical = s.replace(/[. ]/g, '').replace(',', '.');
  else if (COMMA_DECIMAL.test(s)) canonical = s.replace(',', '.');
  else return null;
  const n = Number(canonical);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

function objectReason(v: CellValue): string | null {
  if (!isObjectCell(v)) return null;
  if (v.kind === 'error') return `is an Excel error (${v.code})`;
  if (v.kind === 'date') return 'is a date, not a number';
  return null;
}

/** A number from a cell (numeric, percent-formatted, or text a person typed). */
export function readNumber(v: CellValue): Parsed<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : fail('is not a number');
  if (typeof v === 'string') {
    const n = parseNumberText(v);
    return n === null ? fail('is not a number') : { ok: true, value: n };
  }
  if (isObjectCell(v) && v.kind === 'percent') return { ok: true, value: v.fraction };
  return fail(objectReason(v) ?? 'is not a number');
}

export interface PercentValue {
  /** In percent: 15 for 15%. */
  value: number;
  /** True when the cell was a bare number (no % sign, not formatted as a percentage). */
  bare: boolean;
}

/** A percentage as the files write it: 15, "15%", or a cell formatted 15% (which holds 0.15). */
export function readPercent(v: CellValue): Parsed<PercentValue> {
  if (isObjectCell(v) && v.kind === 'percent') return { ok: true, value: { value: percentOf(v.fraction), bare: false } };
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.endsWith('%')) {
      const n = parseNumberText(t.slice(0, -1));
      return n === null ? fail('is not a percentage') : { ok: true, value: { value: n, bare: false } };
    }
  }
  const n = readNumber(v);
  return n.ok ? { ok: true, value: { value: n.value, bare: true } } : fail(n.reason === 'is not a number' ? 'is not a percentage' : n.reason);
}

// ---- dates ----

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const TIME_SUFFIX = /^(.+?)(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?\s*(?:Z|[+-]\d{2}:?\d{2})?)$/;
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const COMPACT_YMD = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d{5}(\.\d+)?$/;
const NUMERIC_DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/;
const NAME_DAY_YEAR = /^([A-Za-z]+)\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{2}|\d{4})$/;
const DAY_NAME_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/;
const YEAR_NAME_DAY = /^(\d{4})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{1,2})$/;

/** Which order a numeric d/m/y date was read in, when only one order made sense. */
export type DayMonthOrder = 'month-first' | 'day-first';

export interface DateReading {
  date: LocalDate;
  /** Set when the text fixed the order by itself (31/03/2025 is day-first). */
  order?: DayMonthOrder;
  /** The cell was a bare number read as an Excel serial. */
  fromSerial?: boolean;
}

export interface DateOptions {
  date1904?: boolean;
  locale?: DateLocale;
}

function ymd(year: number, month: number, day: number): Parsed<LocalDate> {
  const s = toLocalDate(year, month, day);
  return parseLocalDate(s) && year >= 1900 ? { ok: true, value: s } : fail('is not a date');
}

const TWO_DIGIT_YEAR = 'has a two-digit year; write the year in full (or yyyy-mm-dd)';

function monthNamed(name: string, day: string, year: string): Parsed<LocalDate> {
  const month = MONTHS[name.toLowerCase()];
  if (!month) return fail('is not a date');
  if (year.length === 2) return fail(TWO_DIGIT_YEAR);
  return ymd(Number(year), month, Number(day));
}

function numericDayMonth(a: number, b: number, year: number, locale: DateLocale | undefined): Parsed<DateReading> {
  const asUs = ymd(year, a, b);
  const asEu = ymd(year, b, a);
  if (locale === 'US') return asUs.ok ? { ok: true, value: { date: asUs.value } } : fail('is not a date in the US order (month/day/year)');
  if (locale === 'EU') return asEu.ok ? { ok: true, value: { date: asEu.value } } : fail('is not a date in the EU order (day/month/year)');
  if (asUs.ok && asEu.ok) {
    if (a === b) return { ok: true, value: { date: asUs.value } };
    return fail(`is ambiguous: ${asUs.value} (US, month first) or ${asEu.value} (EU, day first); write yyyy-mm-dd or set the date locale`);
  }
  if (asUs.ok) return { ok: true, value: { date: asUs.value, order: 'month-first' } };
  if (asEu.ok) return { ok: true, value: { date: asEu.value, order: 'day-first' } };
  return fail('is not a date');
}

/** A date typed as text: ISO, yyyy/mm/dd, dd/mm/yyyy or mm/dd/yyyy when unambiguous, "Mar 31, 2025"... */
const STRICT_ISO = /^\d{4}-\d{2}-\d{2}$/;

export function parseDateText(text: string, locale?: DateLocale): Parsed<DateReading> {
  if (STRICT_ISO.test(text)) {
    const r = ymd(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
    return r.ok ? { ok: true, value: { date: r.value } } : r;
  }
  let s = text.trim().replace(/\s+/g, ' ');
  const timed = TIME_SUFFIX.exec(s);
  if (timed) s = timed[1];
  let m = YMD.exec(s) ?? COMPACT_YMD.exec(s);
  if (m) {
    const r = m.length === 5 ? ymd(Number(m[1]), Number(m[3]), Number(m[4])) : ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    return r.ok ? { ok: true, value: { date: r.value } } : r;
  }
  if (SERIAL_TEXT.test(s)) {
    const r = excelSerialToLocalDate(Number(s));
    return r.ok ? { ok: true, value: { date: r.value, fromSerial: true } } : fail(r.error);
  }
  m = NUMERIC_DMY.exec(s);
  if (m) {
    if (m[4].length === 2) return fail(TWO_DIGIT_YEAR);
    return numericDayMonth(Number(m[1]), Number(m[3]), Number(m[4]), locale);
  }
  let r: Parsed<LocalDate> | null = null;
  if ((m = NAME_DAY_YEAR.exec(s))) r = monthNamed(m[1], m[2], m[3]);
  else if ((m = DAY_NAME_YEAR.exec(s))) r = monthNamed(m[2], m[1], m[3]);
  else if ((m = YEAR_NAME_DAY.exec(s))) r = monthNamed(m[2], m[3], m[1]);
  if (r) return r.ok ? { ok: true, value: { date: r.value } } : r;
  return fail('is not a date (write yyyy-mm-dd)');
}

/** A date from a cell: a date-formatted cell, an Excel serial number, or text. */
export function readDate(v: CellValue, options: DateOptions = {}): Parsed<DateReading> {
  if (typeof v === 'string') return parseDateText(v, options.locale);
  if (typeof v === 'number' || (isObjectCell(v) && v.kind === 'date')) {
    const serial = typeof v === 'number' ? v : v.serial;
    const r = excelSerialToLocalDate(serial, options.date1904);
    if (!r.ok) return fail(r.error);
    return { ok: true, value: { date: r.value, fromSerial: typeof v === 'number' } };
  }
  if (isObjectCell(v) && v.kind === 'error') return fail(`is an Excel error (${v.code})`);
  return fail('is not a date');
}
