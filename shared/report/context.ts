/**
 * The layout of a report, decided before any row is written: which sheets exist, where every lot's
 * rows are, and the fiscal years each table covers. Formulas point across sheets, so every sheet
 * builder reads the same layout.
 */
import type { Problem } from '../domain/problem';
import type { ScenarioOverride } from '../domain/fleet';
import { ASSET_CLASSES, type AssetClass } from '../domain/fleet';
import { absRef, col, EXCEL_MAX_ROWS, sheetPrefix } from './a1';
import { lastActiveIndex, lotFacts, type LotFacts, type ReportData } from './data';
import { fiscalYears, type FiscalYears } from './fiscal-years';
import { planParts, type PartPlan } from './plan';
import type { ReportSheetKey } from './types';

export const SHEET_NAMES = {
  summary: 'Summary',
  lots: 'Lots',
  book: 'Book Schedule',
  tax: 'Tax Schedule',
  deferred: 'Deferred Tax',
  rollforward: 'Rollforward',
  economic: 'Book vs Economic',
  stress: 'Stress',
  audit: 'Audit',
} as const satisfies Record<ReportSheetKey, string>;

/** Who made the report, from what, when: the Audit sheet's header facts. */
export interface ReportMeta {
  appVersion: string;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  sourceName: string;
  /** Lower-case hex SHA-256 of the input file's bytes. */
  sourceSha256: string;
  sourceSize: number;
  /** The scenario in force, or null for the base case. */
  scenario: string | null;
  /** The overrides of that scenario, as applied. */
  scenarioOverrides: ScenarioOverride[];
  /** Warnings from reading the input (and any others the caller wants on record). */
  warnings: Problem[];
}

export interface ReportOptions {
  /** The sheets to write (default: all there are). The Audit sheet is always written. */
  sheets?: readonly ReportSheetKey[];
  /** Rows a sheet may hold, header included (default Excel's 1,048,576; tests use less). */
  maxRowsPerSheet?: number;
}

/** Columns of the Lots sheet (0-based). */
export const LOTS = {
  id: 0, assetClass: 1, model: 2, quantity: 3, unitCost: 4, cost: 5, salvagePct: 6, salvage: 7, base: 8, life: 9,
  method: 10, convention: 11, inService: 12, acquired: 13, events: 14, taxClass: 15, section179: 16, bonusPct: 17,
  bonus: 18, macrsBasis: 19, taxConvention: 20, table: 21, economicLife: 22, impliedLife: 23,
} as const;

/** Columns of the Book Schedule sheets. */
export const BOOK = { id: 0, period: 1, opening: 2, depreciation: 3, impairment: 4, disposals: 5, closing: 6, accumulated: 7 } as const;

/** Summary cells other sheets read. */
export const SUMMARY_TAX_RATE = { column: 1, row: 7 };

export interface ReportContext {
  data: ReportData;
  meta: ReportMeta;
  facts: LotFacts[];
  has(key: ReportSheetKey): boolean;
  /** Classes with at least one lot, in the order ASIC, GPU, Other. */
  classes: AssetClass[];
  /** Fiscal years of the book rollforward, and of the tax schedule (through the later of the two books). */
  bookYears: FiscalYears;
  taxYears: FiscalYears;
  /** Book Schedule: one block per lot (months 0 .. facts.bookLast). */
  bookPlan: PartPlan;
  /** Tax: the lot's tax schedule's last active index, per lot. */
  taxLast: Int32Array;
  maxRowsPerSheet: number | undefined;
}

export function buildContext(data: ReportData, meta: ReportMeta, options: ReportOptions): ReportContext {
  const facts = lotFacts(data);
  const wanted = new Set<ReportSheetKey>(options.sheets ?? ['summary', 'lots', 'book', 'tax', 'deferred', 'rollforward', 'economic', 'stress', 'audit']);
  wanted.add('audit');
  if (!data.tax) {
    wanted.delete('tax');
    wanted.delete('deferred');
  }
  if (!data.economics) wanted.delete('economic');
  if (!data.stress) wanted.delete('stress');

  const present = new Set(data.fleet.lots.map((l) => l.assetClass));
  const classes = ASSET_CLASSES.filter((c) => present.has(c));

  let firstMonth = Infinity;
  let bookLastMonth = -Infinity;
  let taxLastMonth = -Infinity;
  const taxLast = new Int32Array(facts.length);
  for (const f of facts) {
    firstMonth = Math.min(firstMonth, f.m0);
    bookLastMonth = Math.max(bookLastMonth, f.m0 + f.bookLast);
    if (data.tax) {
      const s = data.tax.schedules[f.index];
      taxLast[f.index] = lastActiveIndex(s);
      taxLastMonth = Math.max(taxLastMonth, s.startMonth + taxLast[f.index]);
    }
  }
  const calendar = data.calendar;
  const none: FiscalYears = { firstStart: 0, count: 0, labels: [] };
  const bookYears = facts.length ? fiscalYears(firstMonth, bookLastMonth, calendar) : none;
  const taxYears = facts.length ? fiscalYears(firstMonth, Math.max(bookLastMonth, taxLastMonth), calendar) : none;
  if (facts.length + 1 > (options.maxRowsPerSheet ?? EXCEL_MAX_ROWS)) {
    throw new Error(`${facts.length} lots do not fit in one sheet (at most ${(options.maxRowsPerSheet ?? EXCEL_MAX_ROWS) - 1} rows)`);
  }
  const sizes = new Int32Array(facts.length);
  for (const f of facts) sizes[f.index] = f.bookLast + 1;
  const bookPlan = planParts(SHEET_NAMES.book, 0, sizes, options.maxRowsPerSheet);

  return {
    data,
    meta,
    facts,
    has: (key) => wanted.has(key),
    classes,
    bookYears,
    taxYears,
    bookPlan,
    taxLast,
    maxRowsPerSheet: options.maxRowsPerSheet,
  };
}

/** Sheet row of lot `index` on the Lots sheet. */
export function lotsRow(index: number): number {
  return index + 2;
}

/** `Lots!$F$5`: a cell of a lot's row on the Lots sheet. */
export function lotsCell(column: number, index: number): string {
  return `${sheetPrefix(SHEET_NAMES.lots)}${absRef(column, lotsRow(index))}`;
}

/** A Book Schedule cell (relative, sheet-qualified) of lot `f` at month offset `i` (clamped to its last row). */
export function bookCell(ctx: ReportContext, f: LotFacts, column: number, i: number): string {
  const offset = Math.min(Math.max(0, i), f.bookLast);
  const plan = ctx.bookPlan;
  return `${sheetPrefix(plan.names[plan.part[f.index]])}${col(column)}${plan.firstRow[f.index] + offset}`;
}

/** `'Book Schedule'!D5:D16` for lot `f`'s months `from` .. `to` (offsets, clamped to its rows); null when none. */
export function bookRange(ctx: ReportContext, f: LotFacts, column: number, from: number, to: number): string | null {
  const a = Math.max(0, from);
  const b = Math.min(f.bookLast, to);
  if (a > b) return null;
  const plan = ctx.bookPlan;
  const first = plan.firstRow[f.index];
  const c = col(column);
  return `${sheetPrefix(plan.names[plan.part[f.index]])}${c}${first + a}:${c}${first + b}`;
}
