// Finding what a workbook holds that saving would lose: parts by name (charts, pivot tables,
// macros...), and features inside the sheets (formulas, data validation...), each named in the
// message the host shows instead of overwriting.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS } from '../../../../shared/domain/fleet';
import { overwriteBlockedMessage, scanWorkbook } from '../../../../shared/workbook/xlsx/contentScan';
import { serializeFleet } from '../../../../shared/workbook/xlsx/writeWorkbook';
import { CHART_PARTS, inlineCell, minimalXlsx, SHAPE_PART, text, withParts } from '../../../fixtures/workbooks/zip-tools';

const FLEET_ROWS = [
  ['Lot ID', 'Class', 'Quantity', 'Unit Cost', 'In Service', 'Book Life (months)'],
  ['A-1', 'ASIC', 10, 3500, '2025-01-15', 36],
];

async function workbook(edit: (wb: ExcelJS.Workbook, fleet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const fleet = wb.addWorksheet('Fleet');
  for (const r of FLEET_ROWS) fleet.addRow(r);
  edit(wb, fleet);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function unkeepable(bytes: Uint8Array): Promise<string[]> {
  return (await scanWorkbook(bytes)).unkeepable;
}

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('scanWorkbook', () => {
  it('finds nothing in a workbook Fleetbook wrote, nor in a plain one from exceljs', async () => {
    const fleet = { assumptions: { ...DEFAULT_ASSUMPTIONS, drivers: {} }, lots: [], events: [], scenarios: [] };
    expect(await unkeepable(await serializeFleet(fleet, 'xlsx'))).toEqual([]);
    expect(await unkeepable(await workbook(() => undefined))).toEqual([]);
  });

  it('finds charts (a chart part and its drawing)', async () => {
    const bytes = withParts(await workbook(() => undefined), CHART_PARTS);
    expect(await unkeepable(bytes)).toEqual(['charts']);
    expect(overwriteBlockedMessage(await unkeepable(bytes))).toBe('This workbook has charts that Fleetbook cannot keep; use Save As to write a new file (the original stays as it is).');
  });

  it('finds a shape in a drawing, but not an empty drawing (LibreOffice writes one for every sheet)', async () => {
    expect(await unkeepable(withParts(await workbook(() => undefined), [SHAPE_PART]))).toEqual(['pictures or shapes']);
    const empty = text('xl/drawings/drawing1.xml', '<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"></xdr:wsDr>');
    expect(await unkeepable(withParts(await workbook(() => undefined), [empty]))).toEqual([]);
  });

  it('finds pivot tables, macros, links to other workbooks, Excel tables and slicers by their parts', async () => {
    const parts = ['xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/vbaProject.bin', 'xl/externalLinks/externalLink1.xml', 'xl/tables/table1.xml', 'xl/slicers/slicer1.xml'];
    const bytes = withParts(await workbook(() => undefined), parts.map((p) => text(p, '<x/>')));
    expect(await unkeepable(bytes)).toEqual(['pivot tables', 'macros', 'links to other workbooks', 'Excel tables', 'slicers']);
  });

  it('finds formulas, data validation, conditional formatting and hyperlinks, naming their sheets', async () => {
    const bytes = await workbook((wb, fleet) => {
      fleet.getCell('D3').value = { formula: 'D2*2', result: 7000 };
      fleet.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"ASIC,GPU,Other"'] };
      const notes = wb.addWorksheet('Notes');
      notes.getCell('A1').value = { text: 'vendor', hyperlink: 'https://example.com' };
      notes.addConditionalFormatting({ ref: 'B1:B9', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['5'], priority: 1, style: { font: { bold: true } } }] });
      notes.getCell('C1').value = { formula: '1+1', result: 2 };
    });
    expect(await unkeepable(bytes)).toEqual(['formulas (in Fleet, Notes)', 'data validation (in Fleet)', 'conditional formatting (in Notes)', 'hyperlinks (in Notes)']);
  });

  it('finds named ranges, comments and pictures', async () => {
    const bytes = await workbook((wb, fleet) => {
      wb.definedNames.add("'Fleet'!$D$2", 'UnitCost');
      fleet.getCell('A2').note = 'checked by audit';
      const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
      fleet.addImage(image, 'H2:I4');
    });
    expect(await unkeepable(bytes)).toEqual(['comments', 'pictures or shapes', 'named ranges']);
  });

  it('counts the rows with cells of each sheet as it reads them (not rows that only carry formatting)', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `<row r="${i + 1}">${inlineCell(`A${i + 1}`, 'x')}</row>`).join('');
    const scan = await scanWorkbook(minimalXlsx(`${rows}<row r="5000" spans="1:1"/>`, 'Big'));
    expect(scan.rowCounts).toEqual(new Map([['Big', 1200]]));
  });

  it('throws on a file that is not a zip (the caller decides what that means)', async () => {
    await expect(scanWorkbook(new TextEncoder().encode('Lot ID,Class\n'))).rejects.toThrow();
  });
});
