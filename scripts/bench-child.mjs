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
const skipped = b.skip?.();
if (skipped) {
  console.log(JSON.stringify({ name: b.name, targetMs: b.targetMs, skipped }));
  process.exit(0);
}
const state = b.setup ? await b.setup() : undefined;
globalThis.gc?.();
for (let w = 0; w < (b.warmups ?? 1); w++) await b.run(state); // warm-up
const runs = b.runs ?? 7;
const times = [];
/** CPU time of this process per run: less swayed than wall time by other work on a shared machine. */
const cpuTimes = [];
/** Sub-spans a self-timed run reports (see Measured in test/bench/harness.ts), by name. */
const parts = {};
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = await b.run(state);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  const measured = out !== null && typeof out === 'object' && typeof out.ms === 'number' ? out : null;
  times.push(measured ? measured.ms : wall);
  for (const [k, v] of Object.entries(measured?.parts ?? {})) (parts[k] ??= []).push(v);
}
const details = b.details ? await b.details(state) : undefined;
await b.teardown?.(state);
const summary = (xs) => {
  xs.sort((a, c) => a - c);
  const median = xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
  return { medianMs: median, minMs: xs[0], maxMs: xs[xs.length - 1] };
};
const partSummaries = Object.fromEntries(Object.entries(parts).map(([k, xs]) => [k, summary(xs)]));
console.log(
  JSON.stringify({
    name: b.name,
    targetMs: b.targetMs,
    runs,
    ...summary(times),
    cpuMedianMs: summary(cpuTimes).medianMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...(Object.keys(partSummaries).length ? { parts: partSummaries } : {}),
    ...(details ? { details } : {}),
  }),
);
// A browser or server left behind must not keep the run waiting.
process.exit(0);
