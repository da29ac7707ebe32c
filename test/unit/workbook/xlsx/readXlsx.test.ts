import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatProblem } from '../../../../shared/domain/problem';
import { readFleetFromTables } from '../../../../shared/workbook/readFleet';
import { readXlsxTables } from '../../../../shared/workbook/xlsx';
import { readWithExcelJs } from '../../../../shared/workbook/xlsx/excelJsReader';
import type { CellValue, SheetTable } from '../../../../shared/workbook/table';
import { fullWorkbook, storedZip, truncatedWorkbook, workbook1900Serials, workbook1904, workbookWithErrors } from '../../../fixtures/workbooks/make-fixtures';

async function tables(bytes: Uint8Array): Promise<SheetTable[]> {
  const r = await readXlsxTables(bytes, 'book.xlsx');
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

async function refusal(bytes: Uint8Array): Promise<string[]> {
  const r = await readXlsxTables(bytes, 'book.xlsx');
  if (r.ok) throw new Error('expected a refusal');
  return r.error.map(formatProblem);
}

describe('readXlsxTables', () => {
  it('reads every sheet in tab order with raw values: date serials, percent cells, formula results', async () => {
    const sheets = await tables(await fullWorkbook());
    expect(sheets.map((s) => s.name)).toEqual(['Fleet', 'Assumptions', 'Events', 'Scenarios', 'Notes']);
    const fleet = sheets[0];
    expect(fleet.date1904).toBe(false);
    // =DATE(2025,1,15) is 45672 and =DATE(2024,12,1) is 45627 in Excel's 1900 system.
    expect(fleet.rows[1]).toEqual({ row: 2, cells: ['A-1', 'ASIC', 'Antminer S21', 100, 3500, { kind: 'date', serial: 45672 }, { kind: 'date', serial: 45627 }, { kind: 'percent', fraction: 0.1 }, 36, 'SL', 'first batch'] });
    expect(fleet.rows[2].cells.slice(4, 7)).toEqual([250000, { kind: 'date', serial: 45717 }, null]);
  });

  it('reads the whole fleet workbook into a Fleet', async () => {
    const r = readFleetFromTables(await tables(await fullWorkbook()), { sourceName: 'book.xlsx' });
    if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
    const { fleet, extras } = r.value;
    expect(fleet.lots.map((l) => [l.id, l.assetClass, l.quantity, l.unitCost, l.inService, l.acquired, l.salvagePct, l.method])).toEqual([
      ['A-1', 'ASIC', 100, 350000, '2025-01-15', '2024-12-01', 10, 'SL'],
      ['G-1', 'GPU', 2, 25000000, '2025-03-01', undefined, 0, 'DDB'],
    ]);
    expect(fleet.assumptions).toMatchObject({ company: 'Example Mining Co', fiscalYearStartMonth: 7, asOf: '2025-06-30', taxRatePct: 21, drivers: { powerpricekwh: 0.06 } });
    expect(fleet.events).toEqual([
      { date: '2025-09-30', lotId: 'A-1', type: 'impairment', fairValue: 15000000 },
      { date: '2025-10-15', lotId: 'A-1', type: 'disposal', units: 10, proceeds: 900000 },
    ]);
    expect(fleet.scenarios).toEqual([{ scenario: 'Bear', key: 'Power Price ($/kWh)', value: 0.08 }]);
    expect(extras.fleet).toEqual({ headers: ['Notes'], values: [['first batch'], [null]] });
    expect(extras.sheets.map((s) => s.name)).toEqual(['Notes']);
  });

  it('honours the 1904 date system for date cells and bare serials alike', async () => {
    const sheets = await tables(await workbook1904());
    expect(sheets[0].date1904).toBe(true);
    expect(sheets[0].rows[1].cells[4]).toEqual({ kind: 'date', serial: 43860 });
    const r = readFleetFromTables(sheets, { sourceName: 'book.xlsx' });
    expect(r.ok && r.value.fleet.lots.map((l) => l.inService)).toEqual(['2024-01-31', '2024-01-31']);
  });

  it('reads bare serials in the 1900 system', async () => {
    const r = readFleetFromTables(await tables(await workbook1900Serials()), { sourceName: 'book.xlsx' });
    expect(r.ok && r.value.fleet.lots.map((l) => l.inService)).toEqual(['2020-01-30', '2024-01-31']);
  });

  it('keeps Excel errors as errors and flags formulas with no saved result', async () => {
    const sheets = await tables(await workbookWithErrors());
    expect(sheets[0].rows[1].cells[3]).toEqual({ kind: 'error', code: '#DIV/0!' });
    const r = readFleetFromTables(sheets, { sourceName: 'book.xlsx' });
    expect(!r.ok && r.error.map(formatProblem)).toEqual([
      'Fleet!D2: Unit Cost is an Excel error (#DIV/0!)',
      'Fleet!D3: formula with no saved result: open the file in Excel and save it so its formulas are calculated',
      'Fleet!D3: Unit Cost is missing',
    ]);
  });

  it('reads rich text, hyperlinks, booleans and merged cells as plain values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Fleet');
    ws.getCell('A1').value = { richText: [{ text: 'Lot ' }, { text: 'ID', font: { bold: true } }] };
    ws.getCell('B1').value = { text: 'link', hyperlink: 'https://example.com' };
    ws.getCell('C1').value = true;
    ws.getCell('D1').value = 'merged';
    ws.mergeCells('D1:E1');
    const sheets = await tables(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheets[0].rows[0].cells).toEqual(['Lot ID', 'link', true, 'merged']);
  });

  it('refuses what is not an xlsx, saying what it looks like', async () => {
    const text = new TextEncoder().encode('Lot ID,Class\nA,ASIC\n');
    expect(await refusal(text)).toEqual(['book.xlsx: not an xlsx file (it looks like CSV/text: give it a .csv extension, or save it from Excel as an Excel Workbook (.xlsx))']);
    expect(await refusal(new TextEncoder().encode('<html><table></table></html>'))).toEqual([
      'book.xlsx: not an xlsx file (it looks like HTML or XML text: if Excel opens it, save it as an Excel Workbook (.xlsx))',
    ]);
    expect(await refusal(new Uint8Array([0, 1, 2, 3, 200]))).toEqual(['book.xlsx: not an xlsx file (it is not a zip archive, as an .xlsx file is)']);
    expect(await refusal(new Uint8Array())).toEqual(['book.xlsx: the file is empty']);
    expect(await refusal(storedZip([{ name: 'readme.txt', text: 'hi' }]))).toEqual(['book.xlsx: this is a zip archive but not an Excel workbook (.xlsx)']);
    expect(await refusal(await truncatedWorkbook())).toEqual([
      'book.xlsx: the file is damaged or incomplete (its zip directory is missing or broken); if it opens in Excel, save it again there',
    ]);
  });

  it('explains an exceljs failure and advises re-saving in Excel', async () => {
    const broken = storedZip([
      { name: '[Content_Types].xml', text: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: '_rels/.rels', text: '<Relationships/>' },
      { name: 'xl/workbook.xml', text: '<x:workbook><x:sheets><x:sheet' },
    ]);
    const messages = await refusal(broken);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^book\.xlsx: could not read the workbook \(.+\); open it in Excel and save it again as an Excel Workbook \(\.xlsx\)$/);
  });

  it('agrees with exceljs (its fallback) on every fixture workbook', async () => {
    const withoutTrailingBlanks = (cells: CellValue[]) => {
      let n = cells.length;
      while (n > 0 && cells[n - 1] === null) n--;
      return cells.slice(0, n);
    };
    const trim = (t: SheetTable[]) => t.map((s) => ({ ...s, rows: s.rows.map((r) => ({ row: r.row, cells: withoutTrailingBlanks(r.cells) })) }));
    for (const build of [fullWorkbook, workbook1904, workbook1900Serials, workbookWithErrors]) {
      const bytes = await build();
      const viaExcelJs = await readWithExcelJs(bytes);
      if (!viaExcelJs.ok) throw new Error(viaExcelJs.error);
      expect(trim(await tables(bytes)), build.name).toEqual(trim(viaExcelJs.value));
    }
  });
});
