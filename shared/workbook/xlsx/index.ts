export { readXlsxTables } from './readXlsx';
export { inspectZip, MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED_BYTES, type ZipSummary } from './zipDirectory';
