import type { CellValue, SheetTable } from '../../../shared/workbook/table';

/** A sheet from rows of cells; row numbers 1.. in order (row 1 = header). */
export function sheet(name: string, rows: CellValue[][], date1904?: boolean): SheetTable {
  const t: SheetTable = { name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
  if (date1904 !== undefined) t.date1904 = date1904;
  return t;
}

export const FLEET_HEADER = ['Lot ID', 'Class', 'Model', 'Quantity', 'Unit Cost', 'In Service', 'Book Life (months)'];
