import type { LocalDate } from '../domain/dates';
import type { AssetClass, BookMethod, Convention, Lot, TaxClass } from '../domain/fleet';
import { ASSET_CLASSES, BOOK_METHODS, CONVENTIONS, TAX_CLASSES } from '../domain/fleet';
import { columnLetter } from '../domain/problem';
import { FLEET_FIELDS, type ColumnMapping, type FleetField } from './columns';
import { choices, RowReader, type ReadContext } from './rowReader';
import { dataRows, emptyExtras, extraValues, openSheet, type ExtraColumns } from './sheetCommon';
import type { SheetTable } from './table';

export const MAX_LIFE_MONTHS = 600;

const CLASS_CHOICES = choices<AssetClass>({ ASIC: ['ASICs', 'Miner', 'Miners'], GPU: ['GPUs', 'GPU Server'], Other: [] });
const METHOD_CHOICES = choices<BookMethod>({
  SL: ['Straight Line', 'SLN', 'Linear'],
  DDB: ['Double Declining Balance', 'Double Declining', '200DB', '200% DB'],
  '150DB': ['150% DB', '150 Declining Balance', '150% Declining Balance'],
  SYD: ['Sum of the Years Digits', 'Sum of Years Digits'],
});
const CONVENTION_CHOICES = choices<Convention>({
  'full-month': ['FM', 'Full'],
  'mid-month': ['MM'],
  'half-year': ['HY'],
  'mid-quarter': ['MQ'],
});
const TAX_CLASS_CHOICES = choices<TaxClass>({
  'MACRS-3': ['3', '3 year', '3 yr', 'MACRS 3 year'],
  'MACRS-5': ['5', '5 year', '5 yr', 'MACRS 5 year'],
  'MACRS-7': ['7', '7 year', '7 yr', 'MACRS 7 year'],
  none: ['N/A', 'NA', 'No'],
});
/** Declining-balance and SYD amounts are defined per asset-year, hence full months only (DESIGN.md section 4). */
const FULL_MONTH_ONLY: readonly BookMethod[] = ['DDB', '150DB', 'SYD'];

/** What the Events sheet needs to know of each Lot ID, including lots whose rows had problems. */
export interface KnownLot {
  row: number;
  inService?: LocalDate;
  quantity?: number;
}

export interface FleetSheetRead {
  lots: Lot[];
  known: Map<string, KnownLot>;
  extras: ExtraColumns;
}

export function readFleetSheet(sheet: SheetTable, mapping: ColumnMapping | undefined, ctx: ReadContext, usedMappingKeys: Set<string>): FleetSheetRead {
  const out: FleetSheetRead = { lots: [], known: new Map(), extras: emptyExtras() };
  const required: (FleetField | FleetField[])[] = ['Lot ID', 'Class', 'Quantity', 'Unit Cost', 'In Service', ['Book Life (months)', 'Book Life (years)']];
  const match = openSheet(sheet, FLEET_FIELDS, required, mapping, ctx, usedMappingKeys);
  if (!match) return out;
  const { columns } = match;
  for (const [a, b] of [['Book Life (months)', 'Book Life (years)'], ['Power (W)', 'Power (kW)']] as const) {
    const ia = columns.get(a);
    const ib = columns.get(b);
    if (ia !== undefined && ib !== undefined) {
      ctx.problems.push({ sheet: sheet.name, cell: `${columnLetter(ib)}1`, message: `columns ${columnLetter(ia)} (${a}) and ${columnLetter(ib)} (${b}) both give the same figure; keep one`, severity: 'error' });
    }
  }
  out.extras.headers = match.extras.map((e) => e.header);

  for (const row of dataRows(sheet)) {
    const r = new RowReader(sheet, columns, row, ctx);
    const id = r.text('Lot ID', true);
    if (id !== undefined) {
      const first = out.known.get(id);
      if (first) r.problem('Lot ID', `Lot ID "${id}" is a duplicate of row ${first.row}`);
    }
    const assetClass = r.choice('Class', CLASS_CHOICES, ASSET_CLASSES, true);
    const model = r.text('Model') ?? '';
    const quantity = r.integer('Quantity', { min: 1 }, true);
    const unitCost = r.money('Unit Cost', { min: 0 }, true);
    const inService = r.date('In Service', true);
    const acquired = r.date('Acquired');
    if (acquired !== undefined && inService !== undefined && acquired > inService) {
      r.problem('Acquired', `Acquired ${acquired} is after In Service ${inService}`);
    }
    if (id !== undefined && !out.known.has(id)) out.known.set(id, { row: row.row, inService, quantity });
    const salvagePct = r.percent('Salvage %', { min: 0, max: 100 }) ?? 0;
    const lifeMonths = readLife(r);
    const method = r.choice('Method', METHOD_CHOICES, BOOK_METHODS) ?? 'SL';
    const convention = r.choice('Convention', CONVENTION_CHOICES, CONVENTIONS) ?? 'full-month';
    const taxClass = r.choice('Tax Class', TAX_CLASS_CHOICES, TAX_CLASSES) ?? 'MACRS-5';
    if (FULL_MONTH_ONLY.includes(method) && convention !== 'full-month') {
      r.problem('Convention', `Convention ${convention} is not allowed with method ${method} (DDB, 150DB and SYD use full-month)`);
    }
    if (method === 'SYD' && lifeMonths !== undefined && lifeMonths % 12 !== 0) {
      r.problem(columns.has('Book Life (months)') ? 'Book Life (months)' : 'Book Life (years)', `Book Life (months) ${lifeMonths} is not a whole number of years, which SYD needs`);
    }
    const bonusPct = r.percent('Bonus %', { min: 0, max: 100 });
    const section179 = r.money('Section 179', { min: 0 });
    let cost: number | undefined;
    if (quantity !== undefined && unitCost !== undefined) {
      cost = quantity * unitCost;
      if (!Number.isSafeInteger(cost)) r.problem('Unit Cost', `the lot's cost (Quantity x Unit Cost) is too large`);
    }
    if (section179 !== undefined && cost !== undefined && section179 > cost) {
      r.problem('Section 179', `Section 179 ${r.text('Section 179')} is more than the lot's cost`);
    }
    const hashrateThs = r.number('Hashrate (TH/s)', { min: 0 });
    const powerKw = r.number('Power (kW)', { min: 0 });
    const powerW = r.number('Power (W)', { min: 0 }) ?? (powerKw === undefined ? undefined : powerKw * 1000);
    const gpusPerUnit = r.integer('GPUs per Unit', { min: 1 });
    const rentPerGpuHour = r.number('Rent ($/GPU-hr)', { min: 0 });

    if (r.failed) continue;
    const lot: Lot = {
      id: id!,
      assetClass: assetClass!,
      model,
      quantity: quantity!,
      unitCost: unitCost!,
      inService: inService!,
      salvagePct,
      lifeMonths: lifeMonths!,
      method,
      convention,
      taxClass,
    };
    if (acquired !== undefined) lot.acquired = acquired;
    if (bonusPct !== undefined) lot.bonusPct = bonusPct;
    if (section179 !== undefined) lot.section179 = section179;
    if (hashrateThs !== undefined) lot.hashrateThs = hashrateThs;
    if (powerW !== undefined) lot.powerW = powerW;
    if (gpusPerUnit !== undefined) lot.gpusPerUnit = gpusPerUnit;
    if (rentPerGpuHour !== undefined) lot.rentPerGpuHour = rentPerGpuHour;
    out.lots.push(lot);
    out.extras.values.push(extraValues(row, match.extras));
  }
  return out;
}

/** Book life in months, from a months column or a years column (which must give whole months). */
function readLife(r: RowReader<FleetField>): number | undefined {
  const range = { min: 1, max: MAX_LIFE_MONTHS };
  const fromYears = r.hasColumn('Book Life (years)') && (!r.hasColumn('Book Life (months)') || (r.has('Book Life (years)') && !r.has('Book Life (months)')));
  if (!fromYears) return r.integer('Book Life (months)', range, true);
  const years = r.number('Book Life (years)', { min: 0 }, true);
  if (years === undefined) return undefined;
  const months = Number((years * 12).toPrecision(12));
  if (!Number.isInteger(months)) return void r.problem('Book Life (years)', `Book Life (years) ${years} is not a whole number of months (${months})`);
  if (months < range.min || months > range.max) return void r.problem('Book Life (years)', `Book Life (years) ${years} is out of range (${range.min} to ${range.max} months)`);
  return months;
}
