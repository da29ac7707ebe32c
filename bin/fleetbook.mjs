#!/usr/bin/env node
// The `fleetbook` command. In a checkout it rebuilds dist/electron/cli.mjs first when any source
// under shared/ or electron/ is newer (silently: the only output is the command's own), then runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCE_DIRS = ['shared', 'electron'];
/** A build lock older than this was left by a process that died. */
const STALE_LOCK_MS = 120_000;
const LOCK_POLL_MS = 50;

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

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` holding a lock directory, so two commands started together never build at once. */
function withBuildLock(root, fn) {
  const lock = join(root, 'dist/.fleetbook-build.lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      sleep(LOCK_POLL_MS);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds when needed; false (with the build's errors on stderr) when the build failed. */
export function ensureBuilt(root) {
  if (!needsBuild(root)) return true;
  return withBuildLock(root, () => {
    if (!needsBuild(root)) return true; // another command built it while this one waited
    const build = spawnSync(process.execPath, [join(root, 'scripts/build-node.mjs'), '--quiet'], { cwd: root, encoding: 'utf8' });
    if (build.status === 0) return true;
    process.stderr.write(`fleetbook: could not build the command line (node scripts/build-node.mjs failed)\n${build.stderr ?? ''}`);
    return false;
  });
}

export async function run(root, argv) {
  if (!ensureBuilt(root)) {
    process.exitCode = 3;
    return;
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
