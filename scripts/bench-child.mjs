// Runs one benchmark of a bundled bench file in this process and prints its figures as JSON.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle, which] = process.argv.slice(2);
const mod = await import(pathToFileURL(bundle).href);
const benchmarks = mod.benchmarks ?? [];
if (which === 'list') {
  console.log(JSON.stringify(benchmarks.map((b) => b.name)));
  process.exit(0);
}
const b = benchmarks[Number(which)];
const state = b.setup ? await b.setup() : undefined;
globalThis.gc?.();
await b.run(state); // warm-up
const runs = b.runs ?? 7;
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await b.run(state);
  times.push(performance.now() - t0);
}
times.sort((a, c) => a - c);
const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
console.log(
  JSON.stringify({
    name: b.name,
    targetMs: b.targetMs,
    runs,
    medianMs: median,
    minMs: times[0],
    maxMs: times[times.length - 1],
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
