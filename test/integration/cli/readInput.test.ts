import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, readFileCapped, readInputTables } from '../../../electron/cli/readInput';
import { FIXTURES } from './run';

const tmp = mkdtempSync(join(tmpdir(), 'fleetbook-input-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reading the input file', () => {
  it('refuses a file over the size cap before reading it', async () => {
    const r = await readFileCapped(join(FIXTURES, 'small-fleet.csv'), 100);
    expect(r).toEqual({ ok: false, error: [{ sheet: join(FIXTURES, 'small-fleet.csv'), message: 'is too large (0.0 MB; the limit is 0.0 MB)', severity: 'error' }] });
  });

  it('decodes UTF-8 with or without BOM, UTF-16 with a BOM, and falls back to Windows-1252 with a warning', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Lot €'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16, 'f.csv')).toEqual({ ok: true, value: { text: 'Lot €', warnings: [] } });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xe2, 0x82, 0xac]), 'f.csv')).toEqual({ ok: true, value: { text: 'A€', warnings: [] } });
    expect(decodeText(new Uint8Array([0x41, 0x80, 0xe9]), 'f.csv')).toEqual({
      ok: true,
      value: { text: 'A€é', warnings: [{ sheet: 'f.csv', message: 'is not UTF-8 text; it was read as Windows-1252 (Western European)', severity: 'warning' }] },
    });
    expect(decodeText(new Uint8Array([0x41, 0, 0x42]), 'f.csv')).toEqual({ ok: false, error: [{ sheet: 'f.csv', message: 'is not a text (CSV) file', severity: 'error' }] });
  });

  it('reads a CSV by extension and an xlsx by its zip signature, whatever its name', async () => {
    const csv = await readInputTables(join(FIXTURES, 'small-fleet.csv'));
    expect(csv.ok && csv.value.tables.map((t) => [t.name, t.rows.length])).toEqual([['Fleet', 4]]);
    const disguised = join(tmp, 'workbook.csv');
    writeFileSync(disguised, (await import('node:fs')).readFileSync(join(FIXTURES, 'full.xlsx')));
    const xlsx = await readInputTables(disguised);
    expect(xlsx.ok && xlsx.value.tables.map((t) => t.name)).toEqual(['Fleet', 'Assumptions', 'Events', 'Scenarios', 'Notes']);
  });
});
