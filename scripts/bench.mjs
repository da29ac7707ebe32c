// `npm run bench [-- FILTER]`: bundles test/bench/*.bench.ts, runs each benchmark in its own Node
// process (so peak memory is its own), prints median, spread and peak RSS, and writes
// bench-results/latest.json. Targets are reported, never asserted: timings belong here, not in tests.
// A benchmark may time itself (browser benchmarks time inside the page) and report sub-spans
// (`parts`) and extra figures (`details`); one that cannot run here says why (`skipped`).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const filter = process.argv[2]?.toLowerCase() ?? '';
const benchDir = join(root, 'test/bench');
const outDir = join(root, 'dist/bench');
const files = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort();

await build({
  entryPoints: files.map((f) => join(benchDir, f)),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'error',
});

const results = [];
for (const file of files) {
  const bundle = join(outDir, file.replace(/\.ts$/, '.mjs'));
  const list = spawnSync(process.execPath, [join(root, 'scripts/bench-child.mjs'), bundle, 'list'], { encoding: 'utf8' });
  if (list.status !== 0) {
    console.error(`${file}: could not load\n${list.stderr}`);
    process.exitCode = 1;
    continue;
  }
  const names = JSON.parse(list.stdout);
  names.forEach((name, index) => {
    if (filter && !name.toLowerCase().includes(filter) && !file.includes(filter)) return;
    const child = spawnSync(process.execPath, ['--expose-gc', join(root, 'scripts/bench-child.mjs'), bundle, String(index)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) {
      console.error(`${name}: failed\n${child.stderr}`);
      process.exitCode = 1;
      return;
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    results.push({ file, ...r });
    if (r.skipped) {
      console.log(`${name.padEnd(62)} skipped: ${r.skipped}`);
      return;
    }
    const verdict = r.targetMs === undefined ? '' : r.medianMs <= r.targetMs ? `  ok (target < ${r.targetMs} ms)` : `  OVER target ${r.targetMs} ms`;
    console.log(
      `${name.padEnd(62)} median ${fmt(r.medianMs)} ms  [${fmt(r.minMs)} .. ${fmt(r.maxMs)}]  n=${r.runs}  cpu ${fmt(r.cpuMedianMs ?? NaN)} ms  peak RSS ${r.peakRssMb.toFixed(0)} MB${verdict}`,
    );
    for (const [part, p] of Object.entries(r.parts ?? {})) {
      console.log(`    ${part.padEnd(58)} median ${fmt(p.medianMs)} ms  [${fmt(p.minMs)} .. ${fmt(p.maxMs)}]`);
    }
    if (r.details) console.log(`    ${JSON.stringify(r.details)}`);
  });
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
const report = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length, results };
writeFileSync(join(root, 'bench-results/latest.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote bench-results/latest.json (${results.length} benchmarks)`);

function fmt(ms) {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
