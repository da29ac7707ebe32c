// The production codec as the host uses it: a real CSV opens, a bad one is refused with its
// problems in place, and an unknown file is refused with a sentence. (The reader's own rules are
// tested with the workbook module.)
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host/index';
import { workbookCodec } from '../../../electron/host/workbook-codec';
import { failure, tempDir, value } from './helpers';

const HEADER = 'Lot ID,Class,Model,Quantity,Unit Cost,In Service,Book Life (months)';

async function host() {
  return createHost({ mode: 'web', userDataDir: await tempDir(), saveDir: await tempDir(), ...workbookCodec, app: { name: 'Fleetbook', version: 't' }, log: () => undefined });
}

describe('the workbook codec behind the host', () => {
  it('opens a CSV of lots', async () => {
    const dir = await tempDir();
    const path = join(dir, 'lots.csv');
    await writeFile(path, `\ufeff${HEADER}\r\nA1,ASIC,S21,100,"$3,500.00",2025-01-15,36\r\n`);
    const doc = value(await (await host()).openPath(path));
    expect(doc.fleet.lots).toHaveLength(1);
    expect(doc.fleet.lots[0]).toMatchObject({ id: 'A1', assetClass: 'ASIC', quantity: 100, unitCost: 350_000, inService: '2025-01-15', lifeMonths: 36 });
  });

  it('refuses a CSV with a bad cell, naming the cell', async () => {
    const dir = await tempDir();
    const path = join(dir, 'bad.csv');
    await writeFile(path, `${HEADER}\nA1,ASIC,S21,100,"12,5O0",2025-01-15,36\n`);
    const e = failure(await (await host()).openPath(path));
    expect(e.code).toBe('invalid-file');
    expect(e.problems?.some((p) => p.cell === 'E2')).toBe(true);
  });

  it('refuses a file that is not a workbook with a sentence', async () => {
    const dir = await tempDir();
    const path = join(dir, 'photo.png');
    await writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(failure(await (await host()).openPath(path)).message).toMatch(/^Fleetbook cannot open photo\.png: /);
  });
});
