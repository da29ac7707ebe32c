// electron-builder cannot build installers here, but its own loader and schema can check the config.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and registers .xlsx the safe way', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    const config = await getConfig(process.cwd(), null, null);
    await validateConfiguration(config, new DebugLogger(false));

    // The loader normalises `files` to [{ filter: [...] }].
    const files = (config.files as (string | { filter: string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'xlsx', rank: 'Alternate' })]);
    expect(config.nsis.perMachine).toBe(true); // Windows associations need a per-machine install
    expect(config.linux.target).toEqual(expect.arrayContaining(['deb', 'AppImage']));
    expect(config.mac.target).toEqual(['dmg']);
  });
});
