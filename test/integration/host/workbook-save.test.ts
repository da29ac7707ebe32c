// Saving through the host with the production codec: a workbook holding content Fleetbook cannot
// keep (a chart) is never overwritten; an ordinary workbook saved over keeps what Fleetbook does not
// read, with the previous version as a backup; a CSV saves as CSV.
import ExcelJS from 'exceljs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../shared/domain/problem';
import type { Fleet } from '../../../shared/domain/fleet';
import type { OpenedDocument, SavedInfo, SaveOutcome } from '../../../shared/ipc/contract';
import { readXlsxTables } from '../../../shared/workbook/xlsx';
import { createHost } from '../../../electron/host/index';
import { workbookCodec } from '../../../electron/host/workbook-codec';
import { CHART_PARTS, withParts } from '../../fixtures/workbooks/zip-tools';
import { tempDir, value } from './helpers';

async function host(saveDir?: string) {
  return createHost({ mode: 'web', userDataDir: await tempDir(), saveDir: saveDir ?? (await tempDir()), ...workbookCodec, app: { name: 'Fleetbook', version: 't' }, log: () => undefined });
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A register someone keeps in Excel: a Location column Fleetbook does not read, and a Notes sheet. */
async function register(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const fleet = wb.addWorksheet('Fleet');
  fleet.addRow(['Lot ID', 'Class', 'Model', 'Qty', 'Unit Cost', 'In Service', 'Book Life (months)', 'Location']);
  fleet.addRow(['A-1', 'ASIC', 'Antminer S21', 100, 3500, utc(2025, 1, 15), 36, 'Rockdale TX']);
  fleet.addRow(['G-1', 'GPU', 'NVIDIA H100 80GB SXM5', 4, 300000, utc(2025, 3, 1), 60, 'Ashburn VA']);
  fleet.getColumn(6).numFmt = 'yyyy-mm-dd';
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['Reviewed', utc(2025, 6, 30)]);
  notes.getCell('B1').numFmt = 'yyyy-mm-dd';
  notes.addRow(['By', 'J. Smith']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function tables(path: string) {
  const r = await readXlsxTables(new Uint8Array(await readFile(path)), path);
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

function saved(o: SaveOutcome): Exclude<SaveOutcome, { needsSaveAs: true }> {
  if (o.needsSaveAs) throw new Error(`expected a save, got needsSaveAs: ${o.reason}`);
  return o;
}

function withQuantity(f: Fleet, id: string, quantity: number): Fleet {
  return { ...f, lots: f.lots.map((l) => (l.id === id ? { ...l, quantity } : l)) };
}

describe('saving a workbook through the host', () => {
  it('never overwrites a workbook with a chart: Save asks for Save As, which writes a new file', async () => {
    const dir = await tempDir();
    const saveDir = await tempDir();
    const path = join(dir, 'charted.xlsx');
    const bytes = withParts(await register(), CHART_PARTS);
    await writeFile(path, bytes);
    const h = await host(saveDir);
    const doc = value(await h.openPath(path));
    const edited = withQuantity(doc.fleet, 'A-1', 90);

    const outcome = value(await h.invoke('doc:save', { docId: doc.docId, fleet: edited })) as SaveOutcome;
    expect(outcome).toEqual({ needsSaveAs: true, reason: expect.stringMatching(/^This workbook has charts .*cannot keep; use Save As to write a new file/) });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    await expect(stat(`${path}.bak`)).rejects.toThrow();

    const copy = value(await h.invoke('doc:save-as', { docId: doc.docId, fleet: edited, suggestedName: 'charted.xlsx' })) as SavedInfo;
    const reopened = value(await (await host()).openPath(join(saveDir, copy.name))) as OpenedDocument;
    expect(reopened.fleet).toEqual(edited);
    // The new file is Fleetbook's own: saving it again overwrites it.
    saved(value(await h.invoke('doc:save', { docId: doc.docId, fleet: withQuantity(edited, 'A-1', 80) })) as SaveOutcome);
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
  });

  it('saves over an ordinary workbook keeping its unknown column and sheet, with a backup of the previous version', async () => {
    const dir = await tempDir();
    const path = join(dir, 'register.xlsx');
    const bytes = await register();
    await writeFile(path, bytes);
    const h = await host();
    const doc = value(await h.openPath(path));
    const edited: Fleet = { ...withQuantity(doc.fleet, 'G-1', 8), lots: [...withQuantity(doc.fleet, 'G-1', 8).lots, { ...doc.fleet.lots[0], id: 'A-2', quantity: 50 }] };

    const info = saved(value(await h.invoke('doc:save', { docId: doc.docId, fleet: edited })) as SaveOutcome);
    expect(info.backupName).toBe('register.xlsx.bak');
    expect(new Uint8Array(await readFile(`${path}.bak`))).toEqual(bytes);

    const sheets = await tables(path);
    expect(sheets.map((s) => s.name)).toEqual(['Fleet', 'Notes']);
    expect(sheets[0].rows.map((r) => [r.cells[0], r.cells[3], r.cells[7] ?? null])).toEqual([
      ['Lot ID', 'Qty', 'Location'],
      ['A-1', 100, 'Rockdale TX'],
      ['G-1', 8, 'Ashburn VA'],
      ['A-2', 50, null],
    ]);
    // 2025-06-30 is serial 45838.
    expect(sheets[1].rows.map((r) => r.cells)).toEqual([['Reviewed', { kind: 'date', serial: 45838 }], ['By', 'J. Smith']]);
    expect(value(await (await host()).openPath(path)).fleet).toEqual(edited);
  });

  it('saves a CSV as CSV, keeping its columns', async () => {
    const dir = await tempDir();
    const path = join(dir, 'lots.csv');
    await writeFile(path, 'Lot ID,Class,Qty,Unit Cost,In Service,Book Life (months),Site\r\nA1,ASIC,100,"$3,500.00",2025-01-15,36,North\r\n');
    const h = await host();
    const doc = value(await h.openPath(path));
    saved(value(await h.invoke('doc:save', { docId: doc.docId, fleet: withQuantity(doc.fleet, 'A1', 120) })) as SaveOutcome);
    expect(await readFile(path, 'utf8')).toBe('\ufeffLot ID,Class,Qty,Unit Cost,In Service,Book Life (months),Site\r\nA1,ASIC,120,3500.00,2025-01-15,36,North\r\n');
  });
});
