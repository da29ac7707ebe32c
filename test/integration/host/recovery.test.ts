import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenedDocument, RecoveryEntry, SaveOutcome } from '../../../shared/ipc/contract';
import { RECOVERY_DIR } from '../../../electron/host/recovery';
import { failure, fleet, fleetFile, lot, readFleet, tempDir, value, webHost } from './helpers';

async function setup() {
  const userData = await tempDir('fleetbook-user-');
  const docs = await tempDir('fleetbook-docs-');
  const saves = await tempDir('fleetbook-saves-');
  let t = Date.UTC(2025, 5, 1);
  const start = () => webHost(userData, saves, { now: () => new Date((t += 60_000)) });
  return { userData, docs, saves, start };
}

const list = async (host: ReturnType<typeof webHost>) => value(await host.invoke('doc:recovery-list', {})) as RecoveryEntry[];

describe('autosave and recovery', () => {
  it('offers unsaved work back after a restart, and recovers it', async () => {
    const { start } = await setup();
    const first = start();
    const { docId } = value(await first.invoke('doc:new', { name: 'Q3 plan.xlsx' })) as { docId: string };
    const work = fleet([lot('A'), lot('B'), lot('C')]);
    value(await first.invoke('doc:autosave', { docId, fleet: work }));
    // The running session does not offer its own open documents.
    expect(await list(first)).toEqual([]);

    // "Crash": no close; a new host on the same user-data folder.
    const second = start();
    const entries = await list(second);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: docId, name: 'Q3 plan.xlsx', displayPath: null, lotCount: 3 });

    const doc = value(await second.invoke('doc:recover', { recoveryId: entries[0].id })) as OpenedDocument;
    expect(doc.fleet).toEqual(work);
    expect(doc.name).toBe('Q3 plan.xlsx');
    expect(failure(await second.invoke('doc:recover', { recoveryId: entries[0].id })).message).toMatch(/already open/);
  });

  it('keeps the newest autosave, and drops the copy once the work is saved', async () => {
    const { start, docs, userData } = await setup();
    const path = join(docs, 'fleet.xlsx');
    await writeFile(path, fleetFile(fleet([lot('A')])));
    const host = start();
    const doc = value(await host.openPath(path));
    value(await host.invoke('doc:autosave', { docId: doc.docId, fleet: fleet([lot('A', { quantity: 1 })]) }));
    value(await host.invoke('doc:autosave', { docId: doc.docId, fleet: fleet([lot('A', { quantity: 2 })]) }));
    const after = await list(start());
    expect(after).toHaveLength(1);
    expect(after[0].displayPath).toContain('fleet.xlsx');
    expect(after[0].lotCount).toBe(1);

    const outcome = value(await host.invoke('doc:save', { docId: doc.docId, fleet: fleet([lot('A', { quantity: 2 })]) })) as SaveOutcome;
    expect(outcome.needsSaveAs).toBe(false);
    expect(await list(start())).toEqual([]);
    expect(await readdir(join(userData, RECOVERY_DIR))).toEqual([]);
  });

  it('recovered work saves back to its file when the file is unchanged', async () => {
    const { start, docs } = await setup();
    const path = join(docs, 'fleet.xlsx');
    await writeFile(path, fleetFile(fleet([lot('A')])));
    const crashed = start();
    const doc = value(await crashed.openPath(path));
    value(await crashed.invoke('doc:autosave', { docId: doc.docId, fleet: fleet([lot('A'), lot('NEW')]) }));

    const host = start();
    const [entry] = await list(host);
    const recovered = value(await host.invoke('doc:recover', { recoveryId: entry.id })) as OpenedDocument;
    const outcome = value(await host.invoke('doc:save', { docId: recovered.docId, fleet: recovered.fleet })) as SaveOutcome;
    expect(outcome.needsSaveAs).toBe(false);
    expect(readFleet(await readFile(path, 'utf8')).lots.map((l) => l.id)).toEqual(['A', 'NEW']);
  });

  it('recovered work asks for Save As when its file changed meanwhile', async () => {
    const { start, docs } = await setup();
    const path = join(docs, 'fleet.xlsx');
    await writeFile(path, fleetFile(fleet([lot('A')])));
    const crashed = start();
    const doc = value(await crashed.openPath(path));
    value(await crashed.invoke('doc:autosave', { docId: doc.docId, fleet: fleet([lot('MINE')]) }));
    await writeFile(path, fleetFile(fleet([lot('THEIRS'), lot('THEIRS-2')])));
    await utimes(path, new Date(), new Date(Date.now() + 5000));

    const host = start();
    const [entry] = await list(host);
    const recovered = value(await host.invoke('doc:recover', { recoveryId: entry.id })) as OpenedDocument;
    expect(value(await host.invoke('doc:save', { docId: recovered.docId, fleet: recovered.fleet }))).toMatchObject({ needsSaveAs: true });
    expect(readFleet(await readFile(path, 'utf8')).lots[0].id).toBe('THEIRS');
  });

  it('discards recovered work on request, and closing a document drops its copy', async () => {
    const { start } = await setup();
    const a = start();
    const one = value(await a.invoke('doc:new', {})) as { docId: string };
    const two = value(await a.invoke('doc:new', {})) as { docId: string };
    value(await a.invoke('doc:autosave', { docId: one.docId, fleet: fleet() }));
    value(await a.invoke('doc:autosave', { docId: two.docId, fleet: fleet() }));
    value(await a.invoke('doc:close', { docId: two.docId }));
    expect(failure(await a.invoke('doc:autosave', { docId: two.docId, fleet: fleet() })).code).toBe('not-found');

    const b = start();
    const entries = await list(b);
    expect(entries.map((e) => e.id)).toEqual([one.docId]);
    value(await b.invoke('doc:discard-recovery', { recoveryId: one.docId }));
    expect(await list(start())).toEqual([]);
  });

  it('skips a damaged recovery file instead of failing the list', async () => {
    const { start, userData } = await setup();
    const a = start();
    const { docId } = value(await a.invoke('doc:new', {})) as { docId: string };
    value(await a.invoke('doc:autosave', { docId, fleet: fleet() }));
    await writeFile(join(userData, RECOVERY_DIR, 'broken.json'), '{"format":"fleetbook-recovery"');
    expect((await list(start())).map((e) => e.id)).toEqual([docId]);
  });

  it('closeAll (a clean exit) leaves nothing to recover', async () => {
    const { start } = await setup();
    const a = start();
    const { docId } = value(await a.invoke('doc:new', {})) as { docId: string };
    value(await a.invoke('doc:autosave', { docId, fleet: fleet() }));
    await a.closeAll();
    expect(await list(start())).toEqual([]);
  });
});
