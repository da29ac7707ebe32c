import type { ColDef, ColDefField, ValueFormatterParams } from 'ag-grid-community';
import { formatCents } from '../format';

/** A read-only column of amounts in cents, shown in the workbook's currency and right-aligned. */
export function moneyColumn<Row>(field: ColDefField<Row> & string, headerName: string, currency: string): ColDef<Row> {
  return {
    colId: field,
    field,
    headerName,
    cellDataType: false,
    valueFormatter: (p: ValueFormatterParams<Row>) => (typeof p.value === 'number' ? formatCents(p.value, currency) : ''),
    cellClass: 'ag-right-aligned-cell',
    headerClass: 'ag-right-aligned-header',
  };
}
