import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { formatCents, formatNumber } from '../format';
import { FIELD_HEADERS, FIELD_KIND, FIELD_OPTIONS, LOT_FIELDS, type LotField } from '../store/fields';
import { isTotalRow, lotCost, type FleetRow } from './fleetRows';

export const COST_COLUMN = 'cost';

type CellValue = string | number | null;

/** What a cell holds for sorting, filtering and editing: the typed text of a draft, else the value. */
function fieldValue(row: FleetRow | undefined, field: LotField): CellValue {
  if (!row) return null;
  if (isTotalRow(row)) {
    if (field === 'quantity') return row.totals.quantity;
    return null;
  }
  const raw = row.draft?.raw[field];
  if (raw !== undefined) return raw;
  const v = row.lot[field];
  if (v === undefined) return null;
  // Money is edited and filtered in currency units; display formats the exact cents.
  if (FIELD_KIND[field] === 'money') return (v as number) / 100;
  return v as string | number;
}

/** Numbers first, then text (drafts that did not parse), blanks last, whatever the direction. */
function compareCells(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (v === null || v === '' ? 2 : typeof v === 'number' ? 0 : 1);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''), undefined, { numeric: true });
}

/** Date filter on 'yyyy-MM-dd' strings (the filter hands over a local-midnight Date). */
function compareIsoToFilterDate(filterDate: Date, cellValue: unknown): number {
  if (typeof cellValue !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cellValue)) return -1;
  const f = `${filterDate.getFullYear()}-${String(filterDate.getMonth() + 1).padStart(2, '0')}-${String(filterDate.getDate()).padStart(2, '0')}`;
  return cellValue < f ? -1 : cellValue > f ? 1 : 0;
}

const NUMERIC_KINDS = new Set(['integer', 'money', 'number']);

function problemOf(row: FleetRow | undefined, field: LotField): string | undefined {
  return row && !isTotalRow(row) ? row.problems?.[field] : undefined;
}

/**
 * The Fleet grid's columns: the Fleet sheet's columns in order (DESIGN.md section 8) with a
 * computed Cost after Unit Cost. Built once per currency (memoise on it).
 */
export function fleetColumnDefs(currency: string): ColDef<FleetRow>[] {
  const defs: ColDef<FleetRow>[] = [];
  for (const field of LOT_FIELDS) {
    const kind = FIELD_KIND[field];
    const numeric = NUMERIC_KINDS.has(kind);
    const options = FIELD_OPTIONS[field];
    const def: ColDef<FleetRow> = {
      colId: field,
      headerName: FIELD_HEADERS[field],
      headerTooltip: FIELD_HEADERS[field],
      cellDataType: false,
      valueGetter: (p: ValueGetterParams<FleetRow>) => fieldValue(p.data, field),
      comparator: (a: CellValue, b: CellValue) => compareCells(a, b),
      editable: (p) => !p.node.rowPinned,
      cellEditor: options ? 'agSelectCellEditor' : 'agTextCellEditor',
      cellEditorParams: options ? { values: [...options] } : undefined,
      filter: numeric ? 'agNumberColumnFilter' : kind === 'date' ? 'agDateColumnFilter' : 'agTextColumnFilter',
      filterParams: kind === 'date' ? { comparator: compareIsoToFilterDate } : undefined,
      cellClass: numeric ? 'ag-right-aligned-cell' : undefined,
      headerClass: numeric ? 'ag-right-aligned-header' : undefined,
      cellClassRules: {
        'fb-invalid': (p) => problemOf(p.data, field) !== undefined,
        'fb-draft': (p) => !!p.data && !isTotalRow(p.data) && p.data.draft?.raw[field] !== undefined,
      },
      tooltipValueGetter: (p) => problemOf(p.data as FleetRow | undefined, field),
      width: field === 'id' ? 140 : numeric ? 120 : kind === 'date' ? 120 : 130,
    };
    if (field === 'id') {
      def.pinned = 'left';
      def.valueFormatter = (p: ValueFormatterParams<FleetRow>) => {
        const row = p.data;
        if (isTotalRow(row)) {
          const n = row.totals.lots;
          return n === row.ofLots ? `Total (${n} lots)` : `Total (${n} of ${row.ofLots} lots)`;
        }
        return p.value == null ? '' : String(p.value);
      };
    } else if (kind === 'money') {
      def.valueFormatter = (p: ValueFormatterParams<FleetRow>) => {
        const row = p.data;
        if (!row || isTotalRow(row) || p.value == null) return '';
        if (row.draft?.raw[field] !== undefined) return String(p.value);
        return formatCents(row.lot[field] as number, currency);
      };
    } else if (numeric) {
      def.valueFormatter = (p: ValueFormatterParams<FleetRow>) =>
        typeof p.value === 'number' ? formatNumber(p.value, field === 'quantity' || field === 'lifeMonths' ? 0 : 4) : (p.value ?? '');
    }
    defs.push(def);
    if (field === 'unitCost') defs.push(costColumn(currency));
  }
  return defs;
}

function costColumn(currency: string): ColDef<FleetRow> {
  return {
    colId: COST_COLUMN,
    headerName: 'Cost',
    headerTooltip: 'Cost = Quantity x Unit Cost',
    cellDataType: false,
    editable: false,
    valueGetter: (p) => {
      const row = p.data;
      if (!row) return null;
      return (isTotalRow(row) ? row.totals.costCents : lotCost(row.lot)) / 100;
    },
    valueFormatter: (p) => {
      const row = p.data;
      if (!row) return '';
      return formatCents(isTotalRow(row) ? row.totals.costCents : lotCost(row.lot), currency);
    },
    filter: 'agNumberColumnFilter',
    cellClass: 'ag-right-aligned-cell fb-computed',
    headerClass: 'ag-right-aligned-header',
    width: 150,
  };
}
