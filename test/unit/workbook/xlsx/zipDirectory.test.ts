import { describe, expect, it } from 'vitest';
import { inspectZip, MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED_BYTES } from '../../../../shared/workbook/xlsx/zipDirectory';
import { fullWorkbook, storedZip } from '../../../fixtures/workbooks/make-fixtures';

const DAMAGED = 'the file is damaged or incomplete (its zip directory is missing or broken); if it opens in Excel, save it again there';

describe('inspectZip', () => {
  it('lists the entries and their declared sizes', () => {
    const r = inspectZip(storedZip([{ name: 'a.txt', text: 'hello' }, { name: 'xl/b.xml', text: '<b/>' }]));
    expect(r).toMatchObject({ ok: true, value: { entries: 2, uncompressedBytes: 9, names: ['a.txt', 'xl/b.xml'] } });
    expect(r.ok && r.value.list.map((e) => [e.method, e.compressedSize, e.uncompressedSize, e.localHeaderOffset])).toEqual([[0, 5, 5, 0], [0, 4, 4, 40]]);
  });

  it('reads a real workbook written by exceljs', async () => {
    const r = inspectZip(await fullWorkbook());
    expect(r.ok && r.value.names).toContain('xl/workbook.xml');
  });

  it('refuses a zip whose parts would inflate beyond the cap, before inflating anything', () => {
    const bomb = storedZip([
      { name: 'a.xml', text: 'x', declaredSize: MAX_XLSX_UNCOMPRESSED_BYTES },
      { name: 'b.xml', text: 'x', declaredSize: 1 },
    ]);
    expect(inspectZip(bomb)).toEqual({ ok: false, error: 'the workbook would inflate to more than 256 MiB, more than Fleetbook accepts (a zip bomb, or a sheet far larger than a fleet)' });
  });

  it('refuses a zip that declares too many entries', () => {
    expect(inspectZip(storedZip([{ name: 'a', text: 'x' }], MAX_XLSX_ENTRIES + 1))).toEqual({
      ok: false,
      error: `the workbook has ${MAX_XLSX_ENTRIES + 1} parts, more than the ${MAX_XLSX_ENTRIES} Fleetbook accepts`,
    });
  });

  it('refuses truncated or inconsistent zips', async () => {
    const whole = await fullWorkbook();
    expect(inspectZip(whole.slice(0, whole.length - 10))).toEqual({ ok: false, error: DAMAGED });
    expect(inspectZip(new Uint8Array(10))).toEqual({ ok: false, error: DAMAGED });
    // The directory claims one more entry than it holds.
    expect(inspectZip(storedZip([{ name: 'a', text: 'x' }], 2))).toEqual({ ok: false, error: DAMAGED });
  });
});
