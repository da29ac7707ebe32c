/**
 * The report workbook (DESIGN.md section 8): Summary, Lots, Book Schedule, Tax Schedule, Deferred Tax,
 * Rollforward, Book vs Economic, Stress and Audit, as lazily generated rows of values and formulas.
 */
import { buildContext, SHEET_NAMES, type ReportMeta, type ReportOptions } from './context';
import type { ReportData } from './data';
import { auditSheet } from './sheets/audit';
import { bookScheduleSheets } from './sheets/book-schedule';
import { bookVsEconomicSheets, economicPlan } from './sheets/book-vs-economic';
import { deferredLayout, deferredTaxSheets } from './sheets/deferred-tax';
import { lotsSheet } from './sheets/lots';
import { rollforwardLayout, rollforwardSheets } from './sheets/rollforward';
import { summarySheet } from './sheets/summary';
import { stressSheet } from './sheets/stress';
import { taxLayout, taxScheduleSheets } from './sheets/tax-schedule';
import { isValidSheetName } from './a1';
import type { AuditNote, ReportModel, ReportSheetKey, SheetModel } from './types';

export function buildReportModel(data: ReportData, meta: ReportMeta, options: ReportOptions = {}): ReportModel {
  const ctx = buildContext(data, meta, options);
  const roll = rollforwardLayout(ctx);
  const tax = data.tax ? taxLayout(ctx) : null;
  const sheets: SheetModel[] = [];
  const included: ReportSheetKey[] = [];
  const use = (key: ReportSheetKey, made: SheetModel[]) => {
    sheets.push(...made);
    included.push(key);
  };
  if (ctx.has('summary')) use('summary', [summarySheet(ctx, roll, tax)]);
  if (ctx.has('lots')) use('lots', [lotsSheet(ctx)]);
  if (ctx.has('book')) use('book', bookScheduleSheets(ctx));
  if (ctx.has('tax') && tax) use('tax', taxScheduleSheets(ctx, tax));
  if (ctx.has('deferred') && tax) use('deferred', deferredTaxSheets(ctx, tax, deferredLayout(ctx, tax)));
  if (ctx.has('rollforward')) use('rollforward', rollforwardSheets(ctx, roll));
  if (ctx.has('economic') && data.economics) use('economic', bookVsEconomicSheets(ctx, economicPlan(ctx)));
  // The tornados and the Monte Carlo may still be computing elsewhere: the Stress and Audit sheets
  // are then made once they are in, while the sheets before them are written.
  const pending = data.stress?.pending;
  const late = (name: string, make: () => SheetModel): SheetModel => (pending ? lateSheet(name, pending, make) : make());
  if (ctx.has('stress') && data.stress) use('stress', [late(SHEET_NAMES.stress, () => stressSheet(ctx))]);

  const auditNotes = (): AuditNote[] => [
    ...(data.stress
      ? [
          { topic: SHEET_NAMES.stress, text: 'the life what-if, the scenarios side by side, a tornado per output and the Monte Carlo bands, with the same engine, seed and paths as `fleetbook stress` (default 1,000 paths, seed 1)' },
          ...(data.stress.whatIf?.notes ?? []).map((text) => ({ topic: SHEET_NAMES.stress, text: `life what-if: ${text}` })),
        ]
      : [{ topic: SHEET_NAMES.stress, text: 'not computed for this report' }]),
    {
      topic: 'Formulas',
      text:
        'Live formulas: Lots cost, salvage, depreciable base, bonus and MACRS basis; Book Schedule opening and closing NBV, accumulated depreciation, ' +
        'and straight-line full-month depreciation before any event (ROUND(base*k/L,2)-ROUND(base*(k-1)/L,2), the engine\'s cumulative rounding); ' +
        'Rollforward and Tax Schedule balances, totals (SUMIFS of the lot rows) and ties; deferred tax; ' +
        'Deferred Tax: book and tax NBV (references to the Tax Schedule), temporary difference, deferred tax per lot (ROUND(difference*rate/100,2)), ' +
        'the change in the year, fleet and class rows (SUM/SUMIFS of the year\'s lot rows); gaps. Every formula carries the app\'s result. ' +
        'Declining balance, SYD, the other conventions, months from an event on, tax depreciation and economic values are the app\'s figures as values. ' +
        'A formula is written only where a spreadsheet gives the app\'s cents exactly (no half-cent ties).',
    },
    { topic: 'Rows', text: 'Lots in file order, then periods. A lot stays in the Rollforward and Tax Schedule until the last fiscal year of the table.' },
    ...data.notes,
    ...splitNotes,
  ];
  const splitNotes: AuditNote[] = [];
  for (const [key, topic] of [['book', SHEET_NAMES.book], ['tax', SHEET_NAMES.tax], ['deferred', SHEET_NAMES.deferred], ['rollforward', SHEET_NAMES.rollforward], ['economic', SHEET_NAMES.economic]] as const) {
    const parts = sheets.filter((s) => s.name === topic || s.name.startsWith(`${topic} (`)).length;
    if (parts > 1 && included.includes(key)) splitNotes.push({ topic, text: `split over ${parts} sheets (${topic} to ${topic} (${parts})): a sheet holds at most ${options.maxRowsPerSheet ?? 1_048_576} rows` });
  }
  const names = [...sheets.map((s) => s.name), SHEET_NAMES.audit];
  const model: ReportModel = { sheets, included, notes: pending ? [] : auditNotes() };
  sheets.push(
    late(SHEET_NAMES.audit, () => {
      model.notes = auditNotes();
      return auditSheet(ctx, names, model.notes);
    }),
  );
  included.push('audit');
  for (const s of sheets) if (!isValidSheetName(s.name)) throw new Error(`invalid sheet name: ${s.name}`);
  return model;
}

/**
 * A sheet made once `ready` has settled: until then it has its name and no rows; its prepare()
 * (awaited by the writer just before the sheet) makes it and takes on its columns, rows and count.
 */
function lateSheet(name: string, ready: Promise<void>, make: () => SheetModel): SheetModel {
  const sheet: SheetModel = {
    name,
    columns: [],
    headerRow: false,
    autoFilter: false,
    rowCount: 0,
    rows: () => {
      throw new Error(`${sheet.name}: rows asked for before prepare()`);
    },
    prepare: async () => {
      await ready;
      const made = make();
      Object.assign(sheet, made, { prepare: undefined });
    },
  };
  return sheet;
}
