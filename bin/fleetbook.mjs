#!/usr/bin/env node
// The `fleetbook` command. In a checkout it rebuilds dist/electron/cli.mjs first when any source
// under shared/ or electron/ is newer (silently: the only output is the command's own), then runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_DIRS = ['shared', 'electron'];

/** The newest modification time of any file under `dir` (0 when there is none). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** True when `root` is a checkout whose built CLI is missing or older than its sources. */
export function needsBuild(root) {
  if (!existsSync(join(root, 'scripts/build-node.mjs'))) return false; // an installed package: dist is all there is
  const cli = join(root, 'dist/electron/cli.mjs');
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  return SOURCE_DIRS.some((d) => existsSync(join(root, d)) && newestMtime(join(root, d)) > built);
}

export async function run(root, argv) {
  if (needsBuild(root)) {
    const build = spawnSync(process.execPath, [join(root, 'scripts/build-node.mjs'), '--quiet'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) {
      process.stderr.write(`fleetbook: could not build the command line (node scripts/build-node.mjs failed)\n${build.stderr ?? ''}`);
      process.exitCode = 3;
      return;
    }
  }
  const { main } = await import(pathToFileURL(join(root, 'dist/electron/cli.mjs')).href);
  await main(argv);
}

function isEntryPoint() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) await run(join(dirname(fileURLToPath(import.meta.url)), '..'), process.argv.slice(2));
