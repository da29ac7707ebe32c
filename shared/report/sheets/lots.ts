/**
 * Lots: the register as the engines read it, one row per lot. Cost, salvage, depreciable base,
 * bonus and MACRS basis are formulas over the row's inputs, so the schedules that point here
 * recompute when an input is changed.
 */
import { ref, round2 } from '../a1';
import { LOTS, SHEET_NAMES, type ReportContext } from '../context';
import { dollars, MAX_FORMULA_CENTS, percentFormulaExact } from '../exact';
import type { CellValue, ColumnSpec, ReportRow, SheetModel } from '../types';
import { withLotIdWidth } from './table';

const COLUMNS: ColumnSpec[] = [
  { header: 'Lot ID', width: 14, format: 'text' },
  { header: 'Class', width: 7, format: 'text' },
  { header: 'Model', width: 18, format: 'text' },
  { header: 'Quantity', width: 10, format: 'integer' },
  { header: 'Unit Cost', width: 14, format: 'money' },
  { header: 'Cost', width: 16, format: 'money' },
  { header: 'Salvage %', width: 10, format: 'percent' },
  { header: 'Salvage', width: 14, format: 'money' },
  { header: 'Depreciable Base', width: 16, format: 'money' },
  { header: 'Book Life (months)', width: 10, format: 'integer' },
  { header: 'Method', width: 8, format: 'text' },
  { header: 'Convention', width: 12, format: 'text' },
  { header: 'In Service', width: 11, format: 'date' },
  { header: 'Acquired', width: 11, format: 'date' },
  { header: 'Events', width: 8, format: 'integer' },
  { header: 'Tax Class', width: 10, format: 'text' },
  { header: 'Section 179', width: 14, format: 'money' },
  { header: 'Bonus %', width: 9, format: 'percent' },
  { header: 'Bonus', width: 14, format: 'money' },
  { header: 'MACRS Basis', width: 16, format: 'money' },
  { header: 'Tax Convention', width: 12, format: 'text' },
  { header: 'Pub 946 Table', width: 14, format: 'text' },
  { header: 'Economic Life (months)', width: 10, format: 'integer' },
  { header: 'Implied Life (months)', width: 10, format: 'integer' },
];

/** Excel serial of a 'yyyy-MM-dd' date (1900 system). */
export function excelSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

export function lotsSheet(ctx: ReportContext): SheetModel {
  return {
    name: SHEET_NAMES.lots,
    columns: withLotIdWidth(ctx, COLUMNS, LOTS.id),
    headerRow: true,
    freeze: { rows: 1, columns: 1 },
    autoFilter: true,
    rowCount: ctx.facts.length,
    rows: () => lotRows(ctx),
  };
}

function* lotRows(ctx: ReportContext): Iterable<ReportRow> {
  const tax = ctx.data.tax;
  const econ = ctx.data.economics?.lots;
  for (const f of ctx.facts) {
    const lot = f.lot;
    const r = f.index + 2;
    const cells: CellValue[] = new Array(COLUMNS.length).fill(null);
    cells[LOTS.id] = lot.id;
    cells[LOTS.assetClass] = lot.assetClass;
    cells[LOTS.model] = lot.model;
    cells[LOTS.quantity] = lot.quantity;
    cells[LOTS.unitCost] = dollars(lot.unitCost);
    const costExact = Number.isInteger(lot.quantity) && Number.isInteger(lot.unitCost) && Math.abs(f.cost) < MAX_FORMULA_CENTS;
    cells[LOTS.cost] = costExact ? { formula: `ROUND(${ref(LOTS.quantity, r)}*${ref(LOTS.unitCost, r)},2)`, result: dollars(f.cost) } : dollars(f.cost);
    cells[LOTS.salvagePct] = lot.salvagePct;
    const salvageExact = lot.salvagePct >= 0 && lot.salvagePct <= 100 && percentFormulaExact(f.cost, lot.salvagePct, f.salvage);
    cells[LOTS.salvage] = salvageExact ? { formula: `ROUND(${ref(LOTS.cost, r)}*${ref(LOTS.salvagePct, r)}/100,2)`, result: dollars(f.salvage) } : dollars(f.salvage);
    cells[LOTS.base] = { formula: round2(`${ref(LOTS.cost, r)}-${ref(LOTS.salvage, r)}`), result: dollars(f.cost - f.salvage) };
    cells[LOTS.life] = f.life;
    cells[LOTS.method] = lot.method;
    cells[LOTS.convention] = lot.convention;
    cells[LOTS.inService] = excelSerial(lot.inService);
    cells[LOTS.acquired] = lot.acquired ? excelSerial(lot.acquired) : null;
    cells[LOTS.events] = f.events;
    cells[LOTS.taxClass] = lot.taxClass;
    const d = tax?.lots[f.index];
    if (d) {
      cells[LOTS.section179] = dollars(d.section179);
      cells[LOTS.bonusPct] = d.bonusPct;
      const macrs = d.convention !== null;
      const bonusBase = d.cost - d.section179;
      cells[LOTS.bonus] =
        macrs && d.cost === f.cost && percentFormulaExact(bonusBase, d.bonusPct, d.bonus)
          ? { formula: `ROUND((${ref(LOTS.cost, r)}-${ref(LOTS.section179, r)})*${ref(LOTS.bonusPct, r)}/100,2)`, result: dollars(d.bonus) }
          : dollars(d.bonus);
      cells[LOTS.macrsBasis] =
        macrs && d.cost === f.cost
          ? { formula: round2(`${ref(LOTS.cost, r)}-${ref(LOTS.section179, r)}-${ref(LOTS.bonus, r)}`), result: dollars(d.macrsBasis) }
          : dollars(d.macrsBasis);
      cells[LOTS.taxConvention] = d.convention;
      cells[LOTS.table] = d.table;
    }
    const e = econ?.[f.index];
    if (e && e.modelled) {
      cells[LOTS.economicLife] = e.economicLifeMonths;
      cells[LOTS.impliedLife] = Number.isFinite(e.impliedLifeMonths) ? e.impliedLifeMonths : null;
    }
    yield { cells };
  }
}
