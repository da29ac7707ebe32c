// The codec as production runs it: reading and writing in the bundled worker thread, with a
// memory limit and a timeout. Hostile files each get a sentence and none hangs; a worker that
// hangs, crashes or runs out of memory is stopped and reported.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet } from '../../../shared/domain/fleet';
import { serializeFleet } from '../../../shared/workbook/xlsx/writeWorkbook';
import { createHost } from '../../../electron/host/index';
import type { Codec } from '../../../electron/host/codec';
import { createWorkbookCodec } from '../../../electron/host/workbook-codec';
import { fullWorkbook, storedZip, truncatedWorkbook } from '../../fixtures/workbooks/make-fixtures';
import { inlineCell, minimalXlsx, unzip, zip } from '../../fixtures/workbooks/zip-tools';
import { failure, tempDir, value } from './helpers';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Inside the checkout, so the bundle's `import 'exceljs'` finds node_modules.
const OUT = join(ROOT, 'test-output', `parse-worker-${process.pid}-${Date.now()}`);
const WORKER = join(OUT, 'host-parse.worker.mjs');

beforeAll(async () => {
  await build({
    entryPoints: [join(ROOT, 'electron/host/parse.worker.ts')],
    outfile: WORKER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  await writeFile(join(OUT, 'hang.worker.mjs'), 'for (;;) {}\n');
  await writeFile(join(OUT, 'crash.worker.mjs'), 'process.exit(3);\n');
  await writeFile(join(OUT, 'hog.worker.mjs'), 'const keep = []; for (;;) keep.push(new Array(1e5).fill(keep.length));\n');
}, 60_000);

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

const codec = (extra: { path?: string; timeoutMs?: number; maxOldGenerationSizeMb?: number } = {}): Codec => createWorkbookCodec({ worker: { path: WORKER, ...extra } });

async function refusal(bytes: Uint8Array, name: string, c: Codec = codec()): Promise<string> {
  const r = await c.parse(bytes, name);
  if (r.ok) throw new Error(`expected ${name} to be refused`);
  return r.error.message;
}

const fleet: Fleet = {
  assumptions: { ...DEFAULT_ASSUMPTIONS, company: 'Northwind', drivers: {} },
  lots: [{ id: 'A-1', assetClass: 'ASIC', model: 'Antminer S21', quantity: 100, unitCost: 350_000, inService: '2025-01-15', salvagePct: 0.5, lifeMonths: 36, method: 'SL', convention: 'full-month', taxClass: 'MACRS-5' }],
  events: [{ date: '2025-06-30', lotId: 'A-1', type: 'disposal', units: 10, proceeds: 1_000_000 }],
  scenarios: [{ scenario: 'Short lives', key: 'ASIC Book Life (months)', value: 24 }],
};

describe('the codec in its worker thread', () => {
  it('reads and writes workbooks', async () => {
    const c = codec();
    const bytes = await c.serialize(fleet, 'xlsx');
    const r = await c.parse(bytes, 'fleet.xlsx');
    expect(r).toEqual({ ok: true, value: { fleet, warnings: [] } });
    const full = await c.parse(await fullWorkbook(), 'full.xlsx');
    expect(full.ok && full.value.overwriteBlocked).toMatch(/formulas \(in Fleet\)/);
  });

  it('refuses hostile and wrong files, each with a sentence', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await refusal(png, 'fleet.xlsx')).toMatch(/^Fleetbook cannot open fleet\.xlsx: .*not an xlsx file \(it is not a zip archive/);
    expect(await refusal(await truncatedWorkbook(), 'cut.xlsx')).toMatch(/damaged or incomplete/);
    const declaredBomb = storedZip([
      { name: '[Content_Types].xml', text: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', text: '<worksheet/>', declaredSize: 0xfffffff0 },
    ]);
    expect(await refusal(declaredBomb, 'bomb.xlsx')).toMatch(/would inflate to more than 256 MiB/);
    expect(await refusal(new TextEncoder().encode('Lot ID,Class,Quantity\nA,ASIC,1\n'), 'renamed.xlsx')).toMatch(/looks like CSV\/text: give it a \.csv extension/);
  });

  it('refuses a zip whose sheet inflates to far more than its directory declares', async () => {
    const parts = unzip(minimalXlsx(`<row r="1">${inlineCell('A1', 'Lot ID')}</row>`)).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: new Uint8Array(64 * 1024 * 1024), declaredSize: 200 } : p,
    );
    expect(await refusal(zip(parts), 'lying.xlsx')).toMatch(/inflates to more than its zip directory declares/);
  });

  it('refuses sheets past the row and column limits', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 200_001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    expect(await refusal(minimalXlsx(rows.join('')), 'long.xlsx')).toBe('Fleetbook cannot open long.xlsx: Fleet: the sheet has 200,001 rows, more than the 200,000 Fleetbook opens');
    const wide = minimalXlsx(`<row r="1">${inlineCell('A1', 'Lot ID')}${inlineCell('IW1', 'far right')}</row>`);
    expect(await refusal(wide, 'wide.xlsx')).toBe('Fleetbook cannot open wide.xlsx: Fleet!IW1: the sheet has a cell in column IW, past the 256 columns (A to IV) Fleetbook opens');
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v soffice']).status !== 0)(
    'opens a workbook written by LibreOffice',
    async () => {
      const dir = await tempDir();
      await writeFile(join(dir, 'ours.xlsx'), await serializeFleet(fleet, 'xlsx'));
      await mkdir(join(dir, 'lo'));
      const r = spawnSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'xlsx', '--outdir', join(dir, 'lo'), join(dir, 'ours.xlsx')], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
      const written = new Uint8Array(await readFile(join(dir, 'lo', 'ours.xlsx')));
      expect(written).not.toEqual(await serializeFleet(fleet, 'xlsx'));
      const opened = await codec().parse(written, 'libre.xlsx');
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.value.fleet).toEqual(fleet);
      // LibreOffice adds an empty drawing to every sheet: nothing there that saving would lose.
      expect(opened.value.overwriteBlocked).toBeUndefined();
    },
    180_000,
  );
});

describe('a worker that misbehaves', () => {
  it('is stopped after the timeout, with a sentence', async () => {
    expect(await refusal(await serializeFleet(fleet, 'xlsx'), 'slow.xlsx', codec({ path: join(OUT, 'hang.worker.mjs'), timeoutMs: 300 }))).toBe(
      'Fleetbook cannot open slow.xlsx: reading it took longer than 0.3 seconds, so Fleetbook stopped (is it a very large or damaged file?).',
    );
  });

  it('that crashes is reported', async () => {
    expect(await refusal(new Uint8Array([1]), 'x.xlsx', codec({ path: join(OUT, 'crash.worker.mjs') }))).toMatch(/^Fleetbook cannot open x\.xlsx: the reader stopped unexpectedly \(.*exit code 3/);
  });

  it('that runs out of memory is stopped at its limit', async () => {
    expect(await refusal(new Uint8Array([1]), 'big.xlsx', codec({ path: join(OUT, 'hog.worker.mjs'), maxOldGenerationSizeMb: 32 }))).toMatch(
      /^Fleetbook cannot open big\.xlsx: reading it needs more than the 32 MB of memory Fleetbook allows/,
    );
  });

  it('makes the host refuse the file, and a save fail with a sentence, without hanging', async () => {
    const dir = await tempDir();
    const path = join(dir, 'slow.xlsx');
    await writeFile(path, await serializeFleet(fleet, 'xlsx'));
    const hung = codec({ path: join(OUT, 'hang.worker.mjs'), timeoutMs: 300 });
    const h = createHost({ mode: 'web', userDataDir: await tempDir(), saveDir: await tempDir(), ...hung, app: { name: 'Fleetbook', version: 't' }, log: () => undefined });
    const e = failure(await h.openPath(path));
    expect(e.code).toBe('invalid-file');
    expect(e.message).toMatch(/took longer than/);
    const doc = value(await h.invoke('doc:new', {})) as { docId: string };
    const saved = failure(await h.invoke('doc:save-as', { docId: doc.docId, fleet, suggestedName: 'out.xlsx' }));
    expect(saved.message).toMatch(/^Could not write out\.xlsx: writing it took longer than 0\.3 seconds/);
  });
});
