import { ASSET_CLASSES, BOOK_METHODS, CONVENTIONS, TAX_CLASSES, type Lot } from '../../../shared/domain/fleet';
import { parseLocalDate, toLocalDate } from '../../../shared/domain/dates';
import { normaliseKey } from '../../../shared/workbook';

/**
 * The Fleet sheet's columns (DESIGN.md section 8), in sheet order, keyed by the Lot property they
 * fill. Parsing and rules are the file reader's (rowRules.ts), so the grid and a file agree.
 */
export const LOT_FIELDS = [
  'id',
  'assetClass',
  'model',
  'quantity',
  'unitCost',
  'inService',
  'acquired',
  'salvagePct',
  'lifeMonths',
  'method',
  'convention',
  'taxClass',
  'bonusPct',
  'section179',
  'hashrateThs',
  'powerW',
  'gpusPerUnit',
  'rentPerGpuHour',
] as const satisfies readonly (keyof Lot)[];

export type LotField = (typeof LOT_FIELDS)[number];

export const FIELD_HEADERS: Record<LotField, string> = {
  id: 'Lot ID',
  assetClass: 'Class',
  model: 'Model',
  quantity: 'Quantity',
  unitCost: 'Unit Cost',
  inService: 'In Service',
  acquired: 'Acquired',
  salvagePct: 'Salvage %',
  lifeMonths: 'Book Life (months)',
  method: 'Method',
  convention: 'Convention',
  taxClass: 'Tax Class',
  bonusPct: 'Bonus %',
  section179: 'Section 179',
  hashrateThs: 'Hashrate (TH/s)',
  powerW: 'Power (W)',
  gpusPerUnit: 'GPUs per Unit',
  rentPerGpuHour: 'Rent ($/GPU-hr)',
};

export type FieldKind = 'text' | 'enum' | 'integer' | 'money' | 'date' | 'number';

export const FIELD_KIND: Record<LotField, FieldKind> = {
  id: 'text',
  assetClass: 'enum',
  model: 'text',
  quantity: 'integer',
  unitCost: 'money',
  inService: 'date',
  acquired: 'date',
  salvagePct: 'number',
  lifeMonths: 'integer',
  method: 'enum',
  convention: 'enum',
  taxClass: 'enum',
  bonusPct: 'number',
  section179: 'money',
  hashrateThs: 'number',
  powerW: 'number',
  gpusPerUnit: 'number',
  rentPerGpuHour: 'number',
};

/** The allowed values of the enumerated columns, for select editors. */
export const FIELD_OPTIONS: Partial<Record<LotField, readonly string[]>> = {
  assetClass: ASSET_CLASSES,
  method: BOOK_METHODS,
  convention: CONVENTIONS,
  taxClass: TAX_CLASSES,
};

/** Same values in every Fleet column (the objects may differ). */
export function sameLot(a: Lot, b: Lot): boolean {
  if (a === b) return true;
  for (const f of LOT_FIELDS) if (a[f] !== b[f]) return false;
  return true;
}

/** Today's date where the user is (a new lot goes in service "today" unless the workbook has an As Of). */
export function todayLocal(now = new Date()): string {
  return toLocalDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A new lot: valid as it stands (so adding a row never adds a problem), for the user to fill in. */
export function defaultLot(id: string, inService: string): Lot {
  return {
    id,
    assetClass: 'ASIC',
    model: '',
    quantity: 1,
    unitCost: 0,
    inService: parseLocalDate(inService) ? inService : todayLocal(),
    salvagePct: 0,
    lifeMonths: 36,
    method: 'SL',
    convention: 'full-month',
    taxClass: 'MACRS-5',
  };
}

/** Header text compared as the file reader compares it, to recognise a header row in a paste. */
export const headerKey = normaliseKey;
