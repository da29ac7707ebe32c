import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../electron/host/errors';
import { readFileCapped } from '../../../electron/host/read-file';
import { tempDir } from './helpers';

describe('readFileCapped', () => {
  it('reads a file up to the cap, exactly', async () => {
    const dir = await tempDir();
    const path = join(dir, 'fleet.csv');
    await writeFile(path, 'a'.repeat(1000));
    const snap = await readFileCapped(path, 1000);
    expect(snap.bytes.length).toBe(1000);
    expect(snap.size).toBe(1000);
  });

  it('refuses a file over the cap, saying how large it is and what the limit is', async () => {
    const dir = await tempDir();
    const path = join(dir, 'huge.xlsx');
    await writeFile(path, Buffer.alloc(3 * 1024 * 1024));
    const e = await readFileCapped(path, 2 * 1024 * 1024).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserFacingError);
    expect(e).toMatchObject({ code: 'too-large' });
    expect((e as Error).message).toMatch(/huge\.xlsx is too large to open \(3 MB; the limit is 2 MB\)/);
  });

  it('says when the file is gone, or is a folder', async () => {
    const dir = await tempDir();
    await expect(readFileCapped(join(dir, 'missing.xlsx'), 100)).rejects.toMatchObject({ code: 'not-found' });
    await mkdir(join(dir, 'folder.xlsx'));
    await expect(readFileCapped(join(dir, 'folder.xlsx'), 100)).rejects.toThrow(/not a file/);
  });
});
