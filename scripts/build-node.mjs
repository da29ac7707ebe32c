// Bundles the Node side with esbuild into dist/electron/:
//   main.cjs, preload.cjs  (Electron: CommonJS, `electron` left external; the sandboxed preload
//                           may require nothing but electron)
//   web.mjs, cli.mjs       (the HTTP host for browser mode and the command line)
//   *.worker.mjs           (worker-thread entries found under electron/)
// Packages stay external (they are in node_modules at run time and in the packaged app).
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const out = join(root, 'dist/electron');
const quiet = process.argv.includes('--quiet');

function findWorkers(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return findWorkers(p);
    return name.endsWith('.worker.ts') ? [p] : [];
  });
}

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'error', packages: 'external' };
const electronEntries = ['main', 'preload'].filter((n) => existsSync(join(root, `electron/${n}.ts`)));
const nodeEntries = ['web', 'cli'].filter((n) => existsSync(join(root, `electron/${n}.ts`)));
const workers = findWorkers(join(root, 'electron'));

await Promise.all([
  electronEntries.length &&
    build({
      ...common,
      entryPoints: Object.fromEntries(electronEntries.map((n) => [n, join(root, `electron/${n}.ts`)])),
      outdir: out,
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
      external: ['electron'],
    }),
  build({
    ...common,
    entryPoints: Object.fromEntries(nodeEntries.map((n) => [n, join(root, `electron/${n}.ts`)])),
    outdir: out,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
  }),
  // Workers are self-contained (their packages bundled in): in the packaged app they are unpacked
  // from the asar archive (electron-builder.yml asarUnpack), where node_modules cannot be resolved.
  workers.length &&
    build({
      ...common,
      packages: undefined,
      entryPoints: Object.fromEntries(workers.map((w) => [relative(join(root, 'electron'), w).replace(/\.ts$/, '').replace(/[\\/]/g, '-'), w])),
      outdir: out,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    }),
]);
if (!quiet) console.log(`built ${[...electronEntries, ...nodeEntries].join(', ')}${workers.length ? ` + ${workers.length} worker(s)` : ''} into dist/electron`);
