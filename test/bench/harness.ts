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
  /** Why this benchmark cannot run on this machine (e.g. no browser), or undefined to run it. */
  skip?: () => string | undefined;
  /** Untimed preparation; its result is passed to run. */
  setup?: () => S | Promise<S>;
  /**
   * The timed work. By default the wall time of the call is what is reported; a run that times
   * itself more precisely (a browser benchmark timing inside the page) returns a Measured instead.
   */
  run: (state: S) => unknown | Promise<unknown>;
  /** Extra figures reported once after the runs (e.g. the page's heap); untimed. */
  details?: (state: S) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Untimed clean-up after the runs (close a browser, a server). */
  teardown?: (state: S) => unknown | Promise<unknown>;
  /** Timed repetitions (default 7) after the warm-up runs. */
  runs?: number;
  /**
   * Untimed runs first (default 1). More for engines the app re-runs on every edit, whose steady
   * state (optimised by the JIT) is what a user feels.
   */
  warmups?: number;
}

/** What a self-timed run returns: its time, and optionally the sub-spans it is made of (medians reported). */
export interface Measured {
  ms: number;
  parts?: Record<string, number>;
}
