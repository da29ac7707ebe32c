export { readXlsxTables, MAX_EXCELJS_FALLBACK_BYTES } from './readXlsx';
export { inspectZip, MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED_BYTES, type ZipEntry, type ZipSummary } from './zipDirectory';
export { serializeFleet, decodeCsvBytes, type WriteFormat } from './writeWorkbook';
export { overwriteBlockedMessage, scanWorkbook, type WorkbookScan } from './contentScan';
