import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './run';

type Launcher = { needsBuild(root: string): boolean };
const launcher = (): Promise<Launcher> => import(join(ROOT, 'bin/fleetbook.mjs') as string) as Promise<Launcher>;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake checkout: build script, one source file and (optionally) a built CLI, with chosen mtimes (seconds). */
function checkout(source: number, built: number | null, installed = false): string {
  const root = mkdtempSync(join(tmpdir(), 'fleetbook-launcher-'));
  dirs.push(root);
  if (!installed) {
    mkdirSync(join(root, 'scripts'));
    writeFileSync(join(root, 'scripts/build-node.mjs'), '');
  }
  mkdirSync(join(root, 'shared/domain'), { recursive: true });
  writeFileSync(join(root, 'shared/domain/x.ts'), '');
  utimesSync(join(root, 'shared/domain/x.ts'), source, source);
  if (built !== null) {
    mkdirSync(join(root, 'dist/electron'), { recursive: true });
    writeFileSync(join(root, 'dist/electron/cli.mjs'), '');
    utimesSync(join(root, 'dist/electron/cli.mjs'), built, built);
  }
  return root;
}

describe('bin/fleetbook.mjs needsBuild', () => {
  it('builds when the CLI is missing or older than a source file, not otherwise', async () => {
    const { needsBuild } = await launcher();
    expect(needsBuild(checkout(1000, null))).toBe(true);
    expect(needsBuild(checkout(2000, 1000))).toBe(true);
    expect(needsBuild(checkout(1000, 2000))).toBe(false);
  });

  it('never builds an installed package (no build script)', async () => {
    const { needsBuild } = await launcher();
    expect(needsBuild(checkout(2000, 1000, true))).toBe(false);
  });
});
