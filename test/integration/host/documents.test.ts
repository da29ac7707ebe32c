import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fleet } from '../../../shared/domain/fleet';
import type { OpenedDocument, RecentEntry, SavedInfo, SaveOutcome } from '../../../shared/ipc/contract';
import { failure, fleet, fleetFile, jsonSerializer, lot, readFleet, readOnlyFolder, diskFullAfter, tempDir, value, webHost } from './helpers';

async function setup(extra: Parameters<typeof webHost>[2] = {}) {
  const userData = await tempDir('fleetbook-user-');
  const docs = await tempDir('fleetbook-docs-');
  const saves = join(await tempDir('fleetbook-saves-'), 'fleetbook-saves');
  const serialize = jsonSerializer();
  const host = webHost(userData, saves, { serialize, ...extra });
  return { userData, docs, saves, host, serialize };
}

async function openFile(host: ReturnType<typeof webHost>, path: string): Promise<OpenedDocument> {
  return value(await host.openPath(path));
}

const saved = (o: SaveOutcome): SavedInfo => {
  if (o.needsSaveAs) throw new Error(`expected a save, got needsSaveAs: ${o.reason}`);
  return o;
};

describe('opening', () => {
  it('opens a file by path: a document id, the fleet, and the file in the recent list', async () => {
    const { host, docs } = await setup();
    const path = join(docs, 'fleet.xlsx');
    await writeFile(path, fleetFile(fleet([lot('A'), lot('B')]), { warnings: [{ sheet: 'Fleet', cell: 'C2', message: 'odd' }] }));
    const doc = await openFile(host, path);
    expect(doc.name).toBe('fleet.xlsx');
    expect(doc.fleet.lots.map((l) => l.id)).toEqual(['A', 'B']);
    expect(doc.warnings).toEqual([{ sheet: 'Fleet', cell: 'C2', message: 'odd' }]);
    expect(doc.docId).toMatch(/^[0-9a-f-]{36}$/);
    const recent = value(await host.invoke('doc:recent-list', {})) as RecentEntry[];
    expect(recent.map((r) => r.name)).toEqual(['fleet.xlsx']);
  });

  it('reports every problem of a file that cannot be read, and opens nothing', async () => {
    const { host, docs } = await setup();
    const path = join(docs, 'bad.xlsx');
    const problems = [
      { sheet: 'Fleet', cell: 'E14', message: 'Unit Cost "12,5O0" is not a number' },
      { sheet: 'Fleet', cell: 'F3', message: 'In Service is required' },
    ];
    await writeFile(path, JSON.stringify({ problems }));
    const e = failure(await host.openPath(path));
    expect(e).toEqual({ code: 'invalid-file', message: 'bad.xlsx has problems.', problems });
    expect(value(await host.invoke('doc:recent-list', {}))).toEqual([]);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const { host, docs } = await setup({ maxFileBytes: 1024 });
    const path = join(docs, 'big.xlsx');
    await writeFile(path, Buffer.alloc(4096, 32));
    expect(failure(await host.openPath(path))).toMatchObject({ code: 'too-large', message: expect.stringMatching(/big\.xlsx is too large/) });
  });

  it('opens bytes from the browser, with the same cap', async () => {
    const { host } = await setup({ maxFileBytes: 1024 });
    const small = Buffer.from(fleetFile(fleet())).toString('base64');
    const doc = value(await host.invoke('doc:open-bytes', { name: 'C:\\Users\\ann\\up.xlsx', bytesBase64: small })) as OpenedDocument;
    expect(doc.name).toBe('up.xlsx');
    expect(doc.displayPath).toBeNull();
    const big = Buffer.alloc(2048, 32).toString('base64');
    expect(failure(await host.invoke('doc:open-bytes', { name: 'big.xlsx', bytesBase64: big })).code).toBe('too-large');
  });

  it('opens from the recent list by id, and drops an entry whose file is gone', async () => {
    const { host, docs } = await setup();
    const path = join(docs, 'r.xlsx');
    await writeFile(path, fleetFile(fleet()));
    await openFile(host, path);
    const [entry] = value(await host.invoke('doc:recent-list', {})) as RecentEntry[];
    expect((value(await host.invoke('doc:open-recent', { recentId: entry.id })) as OpenedDocument).name).toBe('r.xlsx');
    expect(failure(await host.invoke('doc:open-recent', { recentId: 'f00d' })).code).toBe('not-found');
  });

  it('hands over a file the OS queued, once', async () => {
    const { host, docs } = await setup();
    const path = join(docs, 'double-clicked.xlsx');
    await writeFile(path, fleetFile(fleet()));
    const events: string[] = [];
    host.onEvent((e) => events.push(e.type));
    host.queueOpen(path);
    expect(events).toContain('open-pending');
    expect((value(await host.invoke('doc:open-pending', {})) as OpenedDocument).name).toBe('double-clicked.xlsx');
    expect(value(await host.invoke('doc:open-pending', {}))).toBeNull();
  });

  it('has no native open dialog in browser mode', async () => {
    const { host } = await setup();
    expect(failure(await host.invoke('doc:open-dialog', {}))).toMatchObject({ code: 'unsupported', message: expect.stringMatching(/file chooser/) });
  });
});

describe('saving', () => {
  it('saves over the file atomically, keeping the previous version as .bak, and passes the original to the writer', async () => {
    const { host, docs, serialize } = await setup();
    const path = join(docs, 'fleet.xlsx');
    const before = fleetFile(fleet([lot('A')]));
    await writeFile(path, before);
    const doc = await openFile(host, path);
    const edited = fleet([lot('A', { quantity: 99 })]);
    const info = saved(value(await host.invoke('doc:save', { docId: doc.docId, fleet: edited })) as SaveOutcome);
    expect(info.backupName).toBe('fleet.xlsx.bak');
    expect(readFleet(await readFile(path, 'utf8'))).toEqual(edited);
    expect(await readFile(`${path}.bak`, 'utf8')).toBe(before);
    expect(Buffer.from(serialize.calls[0].original!).toString('utf8')).toBe(before);
    expect(serialize.calls[0].format).toBe('xlsx');
    expect((await readdir(docs)).sort()).toEqual(['fleet.xlsx', 'fleet.xlsx.bak']);

    // A second save is not mistaken for someone else's change.
    saved(value(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet([lot('A', { quantity: 5 })]) })) as SaveOutcome);
  });

  it('asks for Save As when the document has no file yet', async () => {
    const { host } = await setup();
    const { docId } = value(await host.invoke('doc:new', {})) as { docId: string };
    expect(value(await host.invoke('doc:save', { docId, fleet: fleet() }))).toMatchObject({ needsSaveAs: true, reason: expect.stringMatching(/not been saved/) });
  });

  it('does not overwrite a file another program changed since it was read', async () => {
    const { host, docs } = await setup();
    const path = join(docs, 'shared.xlsx');
    await writeFile(path, fleetFile(fleet()));
    const doc = await openFile(host, path);
    await writeFile(path, fleetFile(fleet([lot('THEIRS')])));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    expect(value(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet([lot('MINE')]) }))).toMatchObject({
      needsSaveAs: true,
      reason: expect.stringMatching(/changed by another program/),
    });
    expect(readFleet(await readFile(path, 'utf8')).lots[0].id).toBe('THEIRS');
  });

  it('does not overwrite a workbook whose content the writer would lose', async () => {
    const { host, docs } = await setup();
    const path = join(docs, 'charts.xlsx');
    const text = fleetFile(fleet(), { blocked: 'charts.xlsx has charts that Fleetbook cannot keep.' });
    await writeFile(path, text);
    const doc = await openFile(host, path);
    expect(value(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet([lot('X')]) }))).toEqual({
      needsSaveAs: true,
      reason: 'charts.xlsx has charts that Fleetbook cannot keep.',
    });
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('saves a CSV back as CSV only when the fleet has nothing a CSV cannot hold', async () => {
    const { host, docs, serialize } = await setup();
    const path = join(docs, 'lots.csv');
    await writeFile(path, fleetFile(fleet()));
    const doc = await openFile(host, path);
    saved(value(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet([lot('A'), lot('B')]) })) as SaveOutcome);
    expect(serialize.calls.at(-1)!.format).toBe('csv');

    const withEvents: Fleet = fleet([lot('A')], { events: [{ type: 'disposal', date: '2025-06-30', lotId: 'A', units: 1, proceeds: 0 }] });
    expect(value(await host.invoke('doc:save', { docId: doc.docId, fleet: withEvents }))).toMatchObject({ needsSaveAs: true, reason: expect.stringMatching(/events/) });
    const f = fleet();
    f.assumptions.taxRatePct = 25;
    expect(value(await host.invoke('doc:save', { docId: doc.docId, fleet: f }))).toMatchObject({ needsSaveAs: true, reason: expect.stringMatching(/assumptions/) });
  });

  it('reports a full disk with a readable message and leaves the file as it was', async () => {
    const { docs, userData, saves } = await setup();
    const path = join(docs, 'fleet.xlsx');
    const before = fleetFile(fleet([lot('A')]));
    await writeFile(path, before);
    const host = webHost(userData, saves, { fs: diskFullAfter(64, (p) => p.startsWith(docs)) });
    const doc = await openFile(host, path);
    const e = failure(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet([lot('A'), lot('B'), lot('C')]) }));
    expect(e).toMatchObject({ code: 'io', message: expect.stringMatching(/disk is full/) });
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(docs)).toEqual(['fleet.xlsx']);
  });

  it('reports a read-only folder and leaves the file as it was', async () => {
    const { docs, userData, saves } = await setup();
    const path = join(docs, 'fleet.xlsx');
    const before = fleetFile(fleet([lot('A')]));
    await writeFile(path, before);
    const host = webHost(userData, saves, { fs: readOnlyFolder(docs) });
    const doc = await openFile(host, path);
    const e = failure(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet([lot('B')]) }));
    expect(e).toMatchObject({ code: 'io', message: expect.stringMatching(/read-only/) });
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('reports a writer failure without touching the file', async () => {
    const { docs, userData, saves } = await setup();
    const path = join(docs, 'fleet.xlsx');
    await writeFile(path, fleetFile(fleet()));
    const host = webHost(userData, saves, {
      serialize: async () => {
        throw new Error('sheet too wide');
      },
    });
    const doc = await openFile(host, path);
    expect(failure(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet() })).message).toMatch(/Could not write fleet\.xlsx: sheet too wide/);
    expect(await readdir(docs)).toEqual(['fleet.xlsx']);
  });
});

describe('save as (browser mode)', () => {
  it('writes into the host-owned folder under a safe, free name; later saves go there', async () => {
    const { host, saves } = await setup();
    const { docId } = value(await host.invoke('doc:new', {})) as { docId: string };
    const first = value(await host.invoke('doc:save-as', { docId, fleet: fleet([lot('A')]), suggestedName: '../../outside.xlsx' })) as SavedInfo;
    expect(first.name).toBe('outside.xlsx');
    expect(readFleet(await readFile(join(saves, 'outside.xlsx'), 'utf8')).lots[0].id).toBe('A');

    const other = value(await host.invoke('doc:new', {})) as { docId: string };
    const second = value(await host.invoke('doc:save-as', { docId: other.docId, fleet: fleet([lot('B')]), suggestedName: 'outside.xlsx' })) as SavedInfo;
    expect(second.name).toBe('outside (2).xlsx');
    expect(readFleet(await readFile(join(saves, 'outside.xlsx'), 'utf8')).lots[0].id).toBe('A');

    saved(value(await host.invoke('doc:save', { docId, fleet: fleet([lot('A2')]) })) as SaveOutcome);
    expect(readFleet(await readFile(join(saves, 'outside.xlsx'), 'utf8')).lots[0].id).toBe('A2');
    const recent = value(await host.invoke('doc:recent-list', {})) as RecentEntry[];
    expect(recent.map((r) => r.name)).toEqual(['outside.xlsx', 'outside (2).xlsx']);
  });

  it('refuses to save as CSV what a CSV cannot hold', async () => {
    const { host } = await setup();
    const { docId } = value(await host.invoke('doc:new', {})) as { docId: string };
    const f = fleet([lot('A')], { scenarios: [{ scenario: 'bear', key: 'Hashprice', value: 0.03 }] });
    expect(failure(await host.invoke('doc:save-as', { docId, fleet: f, suggestedName: 'x.csv' })).message).toMatch(/scenarios.*\.xlsx/);
  });

  it('reports a save folder that cannot be created', async () => {
    const base = await tempDir();
    await writeFile(join(base, 'file'), 'x');
    const host = webHost(await tempDir(), join(base, 'file', 'saves'));
    const { docId } = value(await host.invoke('doc:new', {})) as { docId: string };
    expect(failure(await host.invoke('doc:save-as', { docId, fleet: fleet(), suggestedName: 'a.xlsx' })).code).toBe('io');
  });
});

describe('the contract at the host', () => {
  it('refuses unknown channels and payloads that do not match the schema, naming the field', async () => {
    const { host } = await setup();
    expect(failure(await host.invoke('fs:read', {}))).toMatchObject({ code: 'invalid-request' });
    expect(failure(await host.invoke('doc:save', { fleet: fleet() })).message).toMatch(/^Invalid request to doc:save: docId:/);
    const bad = fleet();
    (bad.lots[0] as unknown as Record<string, unknown>).quantity = 'ten';
    expect(failure(await host.invoke('doc:save', { docId: 'abc', fleet: bad })).message).toMatch(/fleet\.lots\[0\]\.quantity/);
    expect(failure(await host.invoke('doc:save', { docId: 'abc', fleet: { ...fleet(), path: '/etc/passwd' } })).code).toBe('invalid-request');
    expect(failure(await host.invoke('doc:recover', { recoveryId: '../../etc/passwd' })).code).toBe('invalid-request');
    expect(failure(await host.invoke('app:info', { extra: 1 })).code).toBe('invalid-request');
  });

  it('says when a document id is not open', async () => {
    const { host } = await setup();
    expect(failure(await host.invoke('doc:save', { docId: 'not-open', fleet: fleet() })).code).toBe('not-found');
  });

  it('answers app:info with the mode', async () => {
    const { host } = await setup();
    expect(value(await host.invoke('app:info', {}))).toMatchObject({ name: 'Fleetbook', version: '0.0.0-test', mode: 'web' });
  });

  it('turns a reader that throws into an error Result', async () => {
    const docs = await tempDir();
    const path = join(docs, 'a.xlsx');
    await mkdir(docs, { recursive: true });
    await writeFile(path, 'x');
    const host = webHost(await tempDir(), await tempDir(), {
      parse: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
      },
    });
    expect(failure(await host.openPath(path))).toMatchObject({ code: 'invalid-file', message: expect.stringMatching(/could not read a\.xlsx/) });
  });
});
