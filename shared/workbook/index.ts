// The fleet workbook format: raw sheets (from CSV, xlsx or a paste) -> validated Fleet.
// xlsx parsing itself lives in ./xlsx (exceljs, Node side only).
export type { CellValue, DateCell, PercentCell, ErrorCell, SheetRow, SheetTable } from './table';
export { isBlankCell, isBlankRow } from './table';
export { parseCsv, sniffDelimiter } from './csv';
export { normaliseKey } from './normalise';
export { excelSerialToLocalDate, localDateToExcelSerial } from './excelDate';
export { cellText, parseDateText, parseNumberText, readDate, readNumber, readPercent, type DateLocale } from './parseValue';
export {
  ASSUMPTION_FIELDS,
  EVENT_FIELDS,
  FLEET_FIELDS,
  SCENARIO_FIELDS,
  resolveFieldName,
  type ColumnMapping,
  type EventField,
  type FieldName,
  type FleetField,
} from './columns';
export { detectInputKind, extensionOf, type InputKind, type InputKindResult } from './inputKind';
export { readFleetFromTables, type FleetRead, type ReadFleetOptions, type WorkbookExtras } from './readFleet';
export type { ExtraColumns } from './sheetCommon';
export type { AssumptionExtras } from './assumptionsSheet';
export { MAX_LIFE_MONTHS } from './fleetSheet';
export { fleetToWorkbook, fleetSheet, type OriginalBook, type OutCell, type OutSheet, type OutWorkbook } from './toTables';
export { sheetToCsv, looksLikeFormula } from './writeCsv';
export { checkSheetLimits, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from './limits';
