import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../electron/host/report/xlsx-writer';
import type { ReportModel, ReportRow } from '../../../shared/report';
import { readReport, tempDir, zipEntryText } from './helpers';

async function write(rows: ReportRow[], name = 'w.xlsx'): Promise<string> {
  const model: ReportModel = {
    included: ['audit'],
    notes: [],
    sheets: [
      {
        name: "Odd & 'Quoted' x",
        columns: [{ header: 'Text <1>', width: 20, format: 'text' }, { header: 'Number', width: 12, format: 'money' }, { header: 'Formula', width: 30, format: 'general' }],
        headerRow: true,
        freeze: { rows: 1, columns: 1 },
        autoFilter: true,
        rowCount: rows.length,
        rows: () => rows,
      },
    ],
  };
  const path = join(await tempDir(), name);
  const out = createWriteStream(path);
  await writeXlsx(model, out, { created: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), application: 'test' });
  out.end();
  await finished(out);
  return path;
}

describe('writeXlsx', () => {
  it('escapes text and formulas, keeps non-ASCII, drops characters XML forbids', async () => {
    const path = await write([
      { cells: ['a & b < c > d', -1234.5, { formula: 'IF(B2<0,"neg & low","ok")', result: 'neg & low' }] },
      { cells: ['Ünïcödé 漢字 €', 1e-7, { formula: 'B3*2', result: 2e-7 }] },
      { cells: ['bell\u0007 tab\tend', 12345678901.23, { formula: 'ROUND(B4,2)', result: 12345678901.23 }] },
      { cells: [' leading space', Number.NaN, true] },
    ]);
    const wb = await readReport(path);
    const ws = wb.getWorksheet("Odd & 'Quoted' x")!;
    expect(ws.getCell('A1').value).toBe('Text <1>');
    expect(ws.getCell('A2').value).toBe('a & b < c > d');
    expect(ws.getCell('B2').value).toBe(-1234.5);
    expect(ws.getCell('C2').formula).toBe('IF(B2<0,"neg & low","ok")');
    expect(ws.getCell('C2').result).toBe('neg & low');
    expect(ws.getCell('A3').value).toBe('Ünïcödé 漢字 €');
    expect(ws.getCell('B3').value).toBe(1e-7);
    expect(ws.getCell('A4').value).toBe('bell tab\tend');
    expect(ws.getCell('B4').value).toBe(12345678901.23);
    expect(ws.getCell('A5').value).toBe(' leading space');
    expect(ws.getCell('B5').value).toBeNull(); // NaN has no text: the cell is left empty
    expect(ws.getCell('C5').value).toBe(true);
    const workbook = await zipEntryText(path, 'xl/workbook.xml');
    expect(workbook).toContain('<sheet name="Odd &amp; \'Quoted\' x"');
    expect(workbook).toContain('<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'Odd &amp; \'\'Quoted\'\' x\'!$A$1:$C$5</definedName>');
  });

  it('refuses a model whose row count is wrong (the autofilter and progress rely on it)', async () => {
    const model: ReportModel = {
      included: [],
      notes: [],
      sheets: [{ name: 'S', columns: [{ header: 'a', width: 5, format: 'general' }], headerRow: true, autoFilter: true, rowCount: 2, rows: () => [{ cells: [1] }] }],
    };
    const path = join(await tempDir(), 'bad.xlsx');
    const out = createWriteStream(path);
    await expect(writeXlsx(model, out, { created: new Date(0), application: 'test' })).rejects.toThrow('S: 2 rows written, 3 planned');
    out.destroy();
  });
});
