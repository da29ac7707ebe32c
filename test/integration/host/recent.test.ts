import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs } from '../../../electron/host/fs';
import { RECENT_FILE, RecentFiles } from '../../../electron/host/recent';
import { tempDir } from './helpers';

async function setup(cap?: number) {
  const userData = await tempDir('fleetbook-user-');
  const docs = await tempDir('fleetbook-docs-');
  let t = Date.UTC(2025, 0, 1);
  const make = () => new RecentFiles(userData, { fs: nodeFs, cap, now: () => new Date((t += 1000)) });
  const file = async (name: string) => {
    const p = join(docs, name);
    await writeFile(p, 'x');
    return p;
  };
  return { userData, docs, make, file };
}

describe('recent files', () => {
  it('lists newest first, one entry per file, and ids that do not reveal the path', async () => {
    const { make, file } = await setup();
    const recent = make();
    const a = await file('a.xlsx');
    const b = await file('b.xlsx');
    await recent.add(a);
    await recent.add(b);
    await recent.add(a);
    const list = await recent.list();
    expect(list.map((e) => e.name)).toEqual(['a.xlsx', 'b.xlsx']);
    for (const e of list) {
      expect(e.id).not.toContain('/');
      expect(e.id).not.toContain(e.name);
    }
    expect(await recent.resolve(list[1].id)).toBe(b);
  });

  it('keeps at most `cap` entries, dropping the oldest', async () => {
    const { make, file } = await setup(3);
    const recent = make();
    for (const n of ['1', '2', '3', '4', '5']) await recent.add(await file(`${n}.xlsx`));
    expect((await recent.list()).map((e) => e.name)).toEqual(['5.xlsx', '4.xlsx', '3.xlsx']);
  });

  it('persists across instances (a restart) in the user-data folder', async () => {
    const { make, file, userData } = await setup();
    await make().add(await file('kept.xlsx'));
    const again = await make().list();
    expect(again.map((e) => e.name)).toEqual(['kept.xlsx']);
    expect(JSON.parse(await readFile(join(userData, RECENT_FILE), 'utf8')).files).toHaveLength(1);
  });

  it('prunes files that no longer exist, and remembers the pruning', async () => {
    const { make, file, userData } = await setup();
    const recent = make();
    const gone = await file('gone.xlsx');
    await recent.add(gone);
    await recent.add(await file('here.xlsx'));
    await rm(gone);
    expect((await recent.list()).map((e) => e.name)).toEqual(['here.xlsx']);
    expect(JSON.parse(await readFile(join(userData, RECENT_FILE), 'utf8')).files.map((f: { path: string }) => f.path)).not.toContain(gone);
  });

  it('starts a fresh list when the stored one is damaged', async () => {
    const { make, file, userData } = await setup();
    await writeFile(join(userData, RECENT_FILE), '{ not json');
    const recent = make();
    expect(await recent.list()).toEqual([]);
    await recent.add(await file('new.xlsx'));
    expect((await recent.list()).map((e) => e.name)).toEqual(['new.xlsx']);
  });

  it('keeps every add when many run at once', async () => {
    const { make, file } = await setup(20);
    const recent = make();
    const paths = await Promise.all(Array.from({ length: 8 }, (_, i) => file(`f${i}.xlsx`)));
    await Promise.all(paths.map((p) => recent.add(p)));
    expect((await recent.list()).map((e) => e.name).sort()).toEqual(paths.map((p) => p.split('/').pop()).sort());
  });
});
