/**
 * The contract of a benchmark file: `test/bench/<area>.bench.ts` exports `benchmarks`.
 * `npm run bench` (scripts/bench.mjs) bundles each file, runs every benchmark several times,
 * and reports the median, the spread and the peak memory, and writes bench-results/latest.json.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Benchmark<S = any> {
  /** Name as reported, e.g. 'book schedule 10,000 lots x 120 months'. */
  name: string;
  /** The target from DESIGN.md section 11 or the issue, in milliseconds (median must be under it). */
  targetMs?: number;
  /** Untimed preparation; its result is passed to run. */
  setup?: () => S | Promise<S>;
  /** The timed work. */
  run: (state: S) => unknown | Promise<unknown>;
  /** Timed repetitions (default 7) after one warm-up run. */
  runs?: number;
}

