/**
 * Audit: what the report was made from and how (DESIGN.md section 8): the app version, the time,
 * the input file's name and SHA-256, every assumption in force (the market drivers' defaults too),
 * the scenario and its overrides, the tax book's mid-quarter tests, every warning as
 * `Sheet!Cell: message`, and notes on what the report leaves out.
 */
import { DRIVER_DEFS, driverDef } from '../../engine/economic';
import { formatCentsPlain } from '../../domain/money';
import { SHEET_NAMES, type ReportContext } from '../context';
import type { AuditNote, CellValue, ColumnSpec, ReportRow, SheetModel } from '../types';

const COLUMNS: ColumnSpec[] = [
  { header: 'Section', width: 20, format: 'text' },
  { header: 'Item', width: 36, format: 'text' },
  { header: 'Value', width: 90, format: 'general' },
];

/** Unmodelled lots listed one by one up to this many; the rest are counted. */
const MAX_LISTED_LOTS = 1_000;

export function auditSheet(ctx: ReportContext, sheetNames: string[], notes: AuditNote[]): SheetModel {
  const rows = auditRows(ctx, sheetNames, notes);
  return { name: SHEET_NAMES.audit, columns: COLUMNS, headerRow: true, freeze: { rows: 1, columns: 0 }, autoFilter: true, rowCount: rows.length, rows: () => rows };
}

function auditRows(ctx: ReportContext, sheetNames: string[], notes: AuditNote[]): ReportRow[] {
  const rows: ReportRow[] = [];
  const add = (section: string, item: string, value: CellValue) => rows.push({ cells: [section, item, value] });
  const meta = ctx.meta;
  const fleet = ctx.data.fleet;
  const a = fleet.assumptions;

  add('Report', 'Application', `Fleetbook ${meta.appVersion}`);
  add('Report', 'App Version', meta.appVersion);
  add('Report', 'Exported At', meta.exportedAt);
  add('Report', 'Input File', meta.sourceName);
  add('Report', 'Input SHA-256', meta.sourceSha256);
  add('Report', 'Input Size (bytes)', meta.sourceSize);
  add('Report', 'Scenario', meta.scenario ?? 'Base (no scenario)');
  add('Report', 'Sheets', sheetNames.join(', '));
  add('Report', 'Lots', fleet.lots.length);
  add('Report', 'Events', fleet.events.length);
  add('Report', 'Money', 'Amounts in the currency below, two decimals; the app computes in integer cents.');

  add('Assumption', 'Company', a.company);
  add('Assumption', 'Currency', a.currency);
  add('Assumption', 'Fiscal Year Start Month', a.fiscalYearStartMonth);
  add('Assumption', 'As Of', a.asOf ?? '(not set)');
  add('Assumption', 'Horizon (months)', a.horizonMonths);
  add('Assumption', 'Tax Rate %', a.taxRatePct);
  add('Assumption', 'Discount Rate %', a.discountRatePct);
  const given = new Set<string>();
  for (const [key, value] of Object.entries(a.drivers)) {
    given.add(key);
    add('Assumption', driverDef(key)?.label ?? key, value);
  }
  for (const d of DRIVER_DEFS) {
    if (d.field !== undefined || given.has(d.key)) continue;
    if (d.default !== null) add('Assumption (default)', d.label, d.default);
    else if (d.fallback) add('Assumption (default)', d.label, `as ${d.fallback}`);
  }

  const names = [...new Set(fleet.scenarios.map((s) => s.scenario))];
  add('Scenario', 'In Force', meta.scenario ?? 'Base (no scenario)');
  add('Scenario', 'In the File', names.length ? names.join(', ') : '(none)');
  for (const o of meta.scenarioOverrides) add('Scenario Override', `${o.scenario}: ${o.key}`, o.value);

  const tax = ctx.data.tax;
  if (tax) {
    for (const t of tax.midQuarterTests) {
      const share = (t.share * 100).toFixed(1);
      add(
        'Tax',
        `Mid-quarter test FY${t.taxYear}`,
        `${share}% of the year's MACRS basis placed in service in the last quarter (${formatCentsPlain(t.lastQuarterBasis)} of ${formatCentsPlain(t.totalBasis)}): ${t.midQuarter ? 'mid-quarter' : 'half-year'} convention`,
      );
    }
  }

  for (const p of [...meta.warnings, ...ctx.data.problems]) add('Warning', p.cell ? `${p.sheet}!${p.cell}` : p.sheet, p.message);

  for (const n of notes) add('Note', n.topic, n.text);
  const econ = ctx.data.economics;
  if (econ && ctx.has('economic')) {
    const unmodelled = econ.lots.filter((e) => !e.modelled);
    unmodelled.forEach((e, i) => {
      if (i < MAX_LISTED_LOTS) add('Note', 'Book vs Economic', `lot ${e.lotId} has no economic value: ${e.issue ?? 'no market model'}`);
    });
    if (unmodelled.length > MAX_LISTED_LOTS) add('Note', 'Book vs Economic', `and ${unmodelled.length - MAX_LISTED_LOTS} more lots without an economic value`);
  }
  return rows;
}
