/**
 * Stress (DESIGN.md section 7), the stress engine's deterministic runs:
 * - the life what-if: book depreciation per fiscal year with every lot at each alternative life,
 *   and the pre-tax income effect = base - alternative (formulas over the row);
 * - the scenarios of the workbook side by side, each valued at its own as-of month (gap = valued
 *   book NBV - economic value, a formula), and their book depreciation per fiscal year.
 * The tornado and the Monte Carlo bands are not written (see the Audit notes).
 */
import { ref, round2 } from '../a1';
import { SHEET_NAMES, type ReportContext } from '../context';
import { dollars } from '../exact';
import type { CellValue, ColumnSpec, NumberFormat, ReportRow, SheetModel } from '../types';

const M: NumberFormat = 'money';
const I: NumberFormat = 'integer';

export function stressSheet(ctx: ReportContext): SheetModel {
  const rows = stressRows(ctx);
  const width = Math.max(8, ...rows.map((r) => r.cells.length));
  const columns: ColumnSpec[] = Array.from({ length: width }, (_, i) => ({ header: '', width: i === 0 ? 30 : 16, format: 'general' }));
  return { name: SHEET_NAMES.stress, columns, headerRow: false, autoFilter: false, rowCount: rows.length, rows: () => rows };
}

function stressRows(ctx: ReportContext): ReportRow[] {
  const rows: ReportRow[] = [];
  const stress = ctx.data.stress;
  rows.push({ cells: ['Stress'], emphasis: 'title' });
  if (!stress) return rows;

  const w = stress.whatIf;
  if (w) {
    rows.push({ cells: [] });
    rows.push({ cells: [`Life what-if: book depreciation by fiscal year, ${w.assetClass ? `${w.assetClass} lots` : 'every lot'} at the life shown; effect on pre-tax income = base - alternative`] });
    const lives = w.alternatives.map((a) => `${a.lifeMonths} months`);
    rows.push({ cells: ['Fiscal Year', 'Base', ...lives, ...lives.map((l) => `Effect ${l}`)], emphasis: 'header' });
    const n = w.alternatives.length;
    const first = rows.length + 1;
    w.fiscalYears.forEach((fy, j) => {
      const r = rows.length + 1;
      const cells: CellValue[] = [fy, dollars(w.base[j])];
      for (const a of w.alternatives) cells.push(dollars(a.depreciation[j]));
      w.alternatives.forEach((a, k) => cells.push({ formula: round2(`${ref(1, r)}-${ref(2 + k, r)}`), result: dollars(a.effect[j]) }));
      rows.push({ cells, formats: [undefined, ...Array<NumberFormat>(1 + 2 * n).fill(M)] });
    });
    const last = rows.length;
    if (last >= first) {
      const totals = [w.totalBase, ...w.alternatives.map((a) => a.totalDepreciation), ...w.alternatives.map((a) => a.totalEffect)];
      rows.push({
        cells: ['Total', ...totals.map((t, k): CellValue => ({ formula: round2(`SUM(${ref(1 + k, first)}:${ref(1 + k, last)})`), result: dollars(t) }))],
        formats: [undefined, ...Array<NumberFormat>(1 + 2 * n).fill(M)],
        emphasis: 'total',
      });
    }
  }

  const c = stress.comparison;
  if (c) {
    rows.push({ cells: [] });
    rows.push({ cells: ['Scenarios side by side, each valued at its own as-of month (gap = valued book NBV - economic value)'] });
    rows.push({
      cells: ['Scenario', 'As Of', 'Book NBV', 'Valued Book NBV', 'Economic Value', 'Gap', 'US GAAP Impaired Lots', 'US GAAP Impairment', 'IFRS Impaired Lots', 'IFRS Impairment', 'Unmodelled Lots', 'In Force'],
      emphasis: 'header',
    });
    const inForce = ctx.meta.scenario ?? 'Base';
    for (const s of c.scenarios) {
      const o = s.outcome;
      const r = rows.length + 1;
      rows.push({
        cells: [
          s.name,
          o.asOf,
          dollars(o.bookNbv),
          dollars(o.valuedBookNbv),
          dollars(o.economicValue),
          { formula: round2(`${ref(3, r)}-${ref(4, r)}`), result: dollars(o.gap) },
          o.gaapImpairedLots,
          dollars(o.gaapImpairment),
          o.ifrsImpairedLots,
          dollars(o.ifrsImpairment),
          o.unmodelledLots,
          s.name === inForce ? 'yes' : '',
        ],
        formats: [undefined, undefined, M, M, M, M, I, M, I, M, I, undefined],
      });
    }
    rows.push({ cells: [] });
    rows.push({ cells: ['Book depreciation by fiscal year under each scenario'] });
    rows.push({ cells: ['Fiscal Year', ...c.scenarios.map((s) => s.name)], emphasis: 'header' });
    for (const fy of c.fiscalYears) {
      rows.push({
        cells: [fy, ...c.scenarios.map((s): CellValue => {
          const d = s.outcome.depreciation.find((x) => x.fiscalYear === fy);
          return d ? dollars(d.amount) : null;
        })],
        formats: [undefined, ...c.scenarios.map((): NumberFormat => M)],
      });
    }
  }
  return rows;
}
