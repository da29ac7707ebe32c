import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/host/atomic-write';
import type { HostFs } from '../../../electron/host/fs';
import { diskFullAfter, ioError, readOnlyFolder, tempDir } from './helpers';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('writeFileAtomic', () => {
  it('creates a new file, with no backup and no temporary files left', async () => {
    const dir = await tempDir();
    const target = join(dir, 'fleet.xlsx');
    const r = await writeFileAtomic(target, bytes('v1'));
    expect(r.backupPath).toBeNull();
    expect(await readFile(target, 'utf8')).toBe('v1');
    expect(await readdir(dir)).toEqual(['fleet.xlsx']);
  });

  it('keeps the previous version as .bak, and the backup follows each save', async () => {
    const dir = await tempDir();
    const target = join(dir, 'fleet.xlsx');
    await writeFile(target, 'v1');
    const r = await writeFileAtomic(target, bytes('v2'));
    expect(r.backupPath).toBe(`${target}.bak`);
    expect(await readFile(target, 'utf8')).toBe('v2');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('v1');

    await writeFileAtomic(target, bytes('v3'));
    expect(await readFile(target, 'utf8')).toBe('v3');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('v2');
    expect((await readdir(dir)).sort()).toEqual(['fleet.xlsx', 'fleet.xlsx.bak']);
  });

  it('writes large content completely', async () => {
    const dir = await tempDir();
    const target = join(dir, 'big.xlsx');
    const big = new Uint8Array(5 * 1024 * 1024 + 7).map((_, i) => i % 251);
    await writeFileAtomic(target, big);
    expect(Buffer.compare(await readFile(target), Buffer.from(big))).toBe(0);
  });

  it('keeps the file permissions across the replacement', async () => {
    const dir = await tempDir();
    const target = join(dir, 'private.xlsx');
    await writeFile(target, 'v1');
    await chmod(target, 0o600);
    await writeFileAtomic(target, bytes('v2'));
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves the original and its backup intact when the disk fills up midway', async () => {
    const dir = await tempDir();
    const target = join(dir, 'fleet.xlsx');
    await writeFile(target, 'original');
    await writeFile(`${target}.bak`, 'older');
    const content = bytes('x'.repeat(100_000));

    const error = await writeFileAtomic(target, content, { fs: diskFullAfter(4096) }).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('older');
    expect((await readdir(dir)).sort()).toEqual(['fleet.xlsx', 'fleet.xlsx.bak']);
  });

  it('leaves the original intact when flushing to disk fails', async () => {
    const dir = await tempDir();
    const target = join(dir, 'fleet.xlsx');
    await writeFile(target, 'original');
    const failingSync: HostFs = {
      ...fsp,
      open: (async (path: string, flags?: string, mode?: number) => {
        const h = await fsp.open(path, flags, mode);
        return flags === 'wx' ? Object.assign(h, { sync: async () => { throw ioError('EIO'); } }) : h;
      }) as HostFs['open'],
    };
    await expect(writeFileAtomic(target, bytes('new'), { fs: failingSync })).rejects.toMatchObject({ code: 'EIO' });
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['fleet.xlsx']);
  });

  it('leaves the original intact in a read-only folder', async () => {
    const dir = await tempDir();
    const target = join(dir, 'fleet.xlsx');
    await writeFile(target, 'original');
    await expect(writeFileAtomic(target, bytes('new'), { fs: readOnlyFolder(dir) })).rejects.toMatchObject({ code: 'EROFS' });
    expect(await readFile(target, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['fleet.xlsx']);
  });

  it('leaves the original and the old backup intact when only the final rename is refused', async () => {
    const dir = await tempDir();
    const target = join(dir, 'fleet.xlsx');
    await writeFile(target, 'original');
    await writeFile(`${target}.bak`, 'older');
    const fs: HostFs = {
      ...fsp,
      rename: async (from, to) => {
        if (String(to) === target) throw ioError('EACCES');
        return fsp.rename(from, to);
      },
    };
    await expect(writeFileAtomic(target, bytes('new'), { fs })).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(target, 'utf8')).toBe('original');
    // The backup step ran before the refused rename: it holds the current version, never a partial one.
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('original');
    expect((await readdir(dir)).sort()).toEqual(['fleet.xlsx', 'fleet.xlsx.bak']);
  });

  it('fails cleanly when the folder cannot exist (its parent is a file)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'not-a-folder'), 'x');
    await expect(writeFileAtomic(join(dir, 'not-a-folder', 'fleet.xlsx'), bytes('new'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await readdir(dir)).toEqual(['not-a-folder']);
  });

  it('falls back to copying when hard links are not supported', async () => {
    const dir = await tempDir();
    const target = join(dir, 'fleet.xlsx');
    await writeFile(target, 'v1');
    const noLinks: HostFs = { ...fsp, link: async () => { throw ioError('EPERM'); } };
    await writeFileAtomic(target, bytes('v2'), { fs: noLinks });
    expect(await readFile(target, 'utf8')).toBe('v2');
    expect(await readFile(`${target}.bak`, 'utf8')).toBe('v1');
  });
});
