import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../domain/fleet';
import { ASSUMPTION_FIELDS, type AssumptionField, type ColumnMapping } from './columns';
import { normaliseKey } from './normalise';
import { cellText, readDate, readNumber, readPercent } from './parseValue';
import { choices, RowReader, type ReadContext } from './rowReader';
import { dataRows, extraValues, openSheet, type ExtraColumns } from './sheetCommon';
import type { CellValue, SheetTable } from './table';

/** The Assumptions keys Fleetbook reads itself, by normalised key (other keys become drivers). */
const KEY_ALIASES: Record<string, keyof Omit<Assumptions, 'drivers'>> = {
  company: 'company',
  companyname: 'company',
  entity: 'company',
  currency: 'currency',
  fiscalyearstartmonth: 'fiscalYearStartMonth',
  fiscalyearstart: 'fiscalYearStartMonth',
  fystartmonth: 'fiscalYearStartMonth',
  fiscalstartmonth: 'fiscalYearStartMonth',
  asof: 'asOf',
  asofdate: 'asOf',
  valuationdate: 'asOf',
  reportingdate: 'asOf',
  horizonmonths: 'horizonMonths',
  horizon: 'horizonMonths',
  taxrate: 'taxRatePct',
  taxratepct: 'taxRatePct',
  taxratepercent: 'taxRatePct',
  discountrate: 'discountRatePct',
  discountratepct: 'discountRatePct',
  discountratepercent: 'discountRatePct',
};

const MONTH_CHOICES = choices<string>({
  '1': ['January', 'Jan'], '2': ['February', 'Feb'], '3': ['March', 'Mar'], '4': ['April', 'Apr'],
  '5': ['May'], '6': ['June', 'Jun'], '7': ['July', 'Jul'], '8': ['August', 'Aug'],
  '9': ['September', 'Sep', 'Sept'], '10': ['October', 'Oct'], '11': ['November', 'Nov'], '12': ['December', 'Dec'],
});
const MONTH_LIST = ['1 to 12', 'a month name'];
const MAX_HORIZON_MONTHS = 600;

/** Assumptions rows as written, for writing them back: keys in file order and their extra columns. */
export interface AssumptionExtras extends ExtraColumns {
  /** Normalised keys, aligned with `labels` and `values`. */
  keys: string[];
  /** The keys as written in the file. */
  labels: string[];
}

export interface AssumptionsRead {
  assumptions: Assumptions;
  extras: AssumptionExtras;
}

/** A driver's value: a number when it reads as one ("$0.05", "15%" -> 15), a date as yyyy-mm-dd, else text. */
function driverValue(v: CellValue, date1904: boolean | undefined): number | string {
  if (typeof v === 'object' && v !== null && v.kind === 'date') {
    const d = readDate(v, { date1904 });
    if (d.ok) return d.value.date;
  }
  const p = readPercent(v);
  if (p.ok && !p.value.bare) return p.value.value;
  const n = readNumber(v);
  return n.ok ? n.value : cellText(v, date1904);
}

export function readAssumptionsSheet(sheet: SheetTable | undefined, mapping: ColumnMapping | undefined, ctx: ReadContext, usedMappingKeys: Set<string>): AssumptionsRead {
  const assumptions: Assumptions = { ...DEFAULT_ASSUMPTIONS, drivers: {} };
  const extras: AssumptionExtras = { headers: [], values: [], keys: [], labels: [] };
  if (!sheet) return { assumptions, extras };
  const match = openSheet<AssumptionField>(sheet, ASSUMPTION_FIELDS, ['Key', 'Value'], mapping, ctx, usedMappingKeys);
  if (!match) return { assumptions, extras };
  extras.headers = match.extras.map((e) => e.header);
  const seen = new Map<string, number>();

  for (const row of dataRows(sheet)) {
    const r = new RowReader(sheet, match.columns, row, ctx);
    if (!r.has('Key')) {
      if (r.has('Value')) r.problem('Key', `Key is missing for the value ${cellText(r.raw('Value'), sheet.date1904)}`);
      continue;
    }
    const label = r.text('Key')!;
    const key = normaliseKey(label);
    const first = seen.get(key);
    if (first !== undefined) {
      r.problem('Key', `Key "${label}" is repeated (row ${first})`);
      continue;
    }
    seen.set(key, row.row);
    extras.keys.push(key);
    extras.labels.push(label);
    extras.values.push(extraValues(row, match.extras));
    r.setLabel('Value', label);
    const known = KEY_ALIASES[key];
    if (!known) {
      if (r.has('Value') && r.notError('Value')) assumptions.drivers[key] = driverValue(r.raw('Value'), sheet.date1904);
      continue;
    }
    switch (known) {
      case 'company':
        assumptions.company = r.text('Value') ?? '';
        break;
      case 'currency': {
        const code = r.text('Value', true)?.toUpperCase();
        if (code === undefined) break;
        if (/^[A-Z]{3}$/.test(code)) assumptions.currency = code;
        else r.problem('Value', `${label} "${code}" is not a three-letter currency code (USD, EUR...)`);
        break;
      }
      case 'fiscalYearStartMonth': {
        const m = r.choice('Value', MONTH_CHOICES, MONTH_LIST, true);
        if (m !== undefined) assumptions.fiscalYearStartMonth = Number(m);
        break;
      }
      case 'asOf': {
        const d = r.date('Value');
        if (d !== undefined) assumptions.asOf = d;
        break;
      }
      case 'horizonMonths': {
        const h = r.integer('Value', { min: 1, max: MAX_HORIZON_MONTHS }, true);
        if (h !== undefined) assumptions.horizonMonths = h;
        break;
      }
      case 'taxRatePct':
      case 'discountRatePct': {
        const p = r.percent('Value', { min: 0, max: 100 }, true);
        if (p !== undefined) assumptions[known] = p;
        break;
      }
    }
  }
  return { assumptions, extras };
}
