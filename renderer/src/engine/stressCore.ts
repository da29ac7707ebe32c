import type { Fleet } from '../../../shared/domain/fleet';
import { formatProblem, type Problem } from '../../../shared/domain/problem';
import type { Result } from '../../../shared/domain/result';
import { computeBookSchedules } from '../../../shared/engine/book';
import type { LotSchedule } from '../../../shared/engine/book/types';
import {
  applyScenario, asOfFiscalYear, compareScenarios, createMonteCarlo, isBaseName, lifeWhatIf, prepareFleet, scenarioNames, sensitivity, tornado,
  type MonteCarloRun, type PreparedFleet, type Sensitivity,
} from '../../../shared/engine/stress';
import { normaliseKey } from '../../../shared/workbook/normalise';
import type { FromWorker, ToWorker } from './protocol';
import { monteCarloBuffers, MAX_PATHS, type CompareResult, type MonteCarloQuery, type ScenarioProblem, type StressQuery, type StressResult } from './stressProtocol';

/**
 * The stress half of the engine worker (DESIGN.md section 7), free of worker APIs like core.ts:
 * scenario comparison, tornado and life what-if answered at once, and Monte Carlo runs advanced a
 * slice at a time by `pump`, so the worker reads its messages (a cancel, a schedule query)
 * between slices.
 *
 * Why slices rather than a worker of its own that is terminated on cancel: the engine worker
 * already holds the fleet and its book schedules (a second worker would need its own copy and
 * its own bundle), a cancel keeps those caches instead of throwing them away, the paths done so
 * far can still be shown, and the other views stay live while a long run goes on. The engine's
 * paths each have their own random stream, so slicing changes no figure (see montecarlo.ts).
 */

/** What the stress queries run on: the fleet less the lots with problems, and their book schedules. */
export interface StressInput {
  /** Same key, same fleet and books (the caches below are keyed on it). */
  key: string;
  fleet: Fleet;
  books: LotSchedule[];
}

export interface StressCoreDeps {
  /** The input for the current fleet version without the lots at these indexes. */
  input(exclude: readonly number[]): StressInput;
  version(): number;
  now(): number;
}

export interface StressReply {
  message: FromWorker;
  transfer: Transferable[];
}

type StressMessage = Extract<ToWorker, { type: 'stress' | 'montecarlo' | 'cancel' }>;

/** Problems of user input, turned into one readable message (one line each). */
class ProblemsError extends Error {
  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

function unwrap<T>(r: Result<T, Problem[]>): T {
  if (!r.ok) throw new ProblemsError(r.error);
  return r.value;
}

/** A scenario applied, with what its queries share. */
interface ScenarioContext {
  fleet: Fleet;
  books: LotSchedule[];
  prepared: PreparedFleet;
  sensitivity?: Sensitivity;
}

interface Job {
  id: number;
  version: number;
  run: MonteCarloRun;
  computeMs: number;
}

export function createStressCore(deps: StressCoreDeps) {
  let cacheKey = '';
  let basePrepared: PreparedFleet | null = null;
  let contexts = new Map<string, ScenarioContext>();
  // Runs in the order they were started; the first one advances.
  const jobs = new Map<number, Job>();

  function fresh(input: StressInput): void {
    if (input.key === cacheKey) return;
    cacheKey = input.key;
    basePrepared = null;
    contexts = new Map();
  }

  function prepared(input: StressInput): PreparedFleet {
    fresh(input);
    return (basePrepared ??= prepareFleet(input.fleet));
  }

  function context(input: StressInput, scenario: string): ScenarioContext {
    fresh(input);
    const base = isBaseName(scenario);
    const key = base ? '' : normaliseKey(scenario);
    let c = contexts.get(key);
    if (!c) {
      const f = unwrap(applyScenario(input.fleet, base ? undefined : scenario));
      // The book changes only with the lots or the fiscal calendar; the grouping only with lots and events.
      const sameBook = f.lots === input.fleet.lots && f.assumptions.fiscalYearStartMonth === input.fleet.assumptions.fiscalYearStartMonth;
      const sameLots = f.lots === input.fleet.lots && f.events === input.fleet.events;
      c = { fleet: f, books: sameBook ? input.books : computeBookSchedules(f), prepared: sameLots ? prepared(input) : prepareFleet(f) };
      contexts.set(key, c);
    }
    return c;
  }

  /** Every scenario that applies, compared; the others listed with their problems. */
  function compare(input: StressInput): CompareResult {
    const fleet = input.fleet;
    const problems: ScenarioProblem[] = [];
    const names: string[] = [];
    for (const name of scenarioNames(fleet)) {
      const applied = applyScenario(fleet, name);
      if (!applied.ok) problems.push({ scenario: name, messages: applied.error.map(formatProblem) });
      else if (!isBaseName(name)) names.push(name);
    }
    const comparison = unwrap(compareScenarios(fleet, { names, books: input.books, prepared: prepared(input) }));
    return { kind: 'compare', comparison, problems };
  }

  function answer(query: StressQuery, exclude: readonly number[]): StressResult {
    const input = deps.input(exclude);
    switch (query.kind) {
      case 'compare':
        return compare(input);
      case 'tornado': {
        const c = context(input, query.scenario);
        c.sensitivity ??= unwrap(sensitivity(c.fleet, { books: c.books, prepared: c.prepared }));
        const s = c.sensitivity;
        const asOfFy = asOfFiscalYear(s.base, c.fleet.assumptions.fiscalYearStartMonth);
        const fy = query.output === 'depreciation' ? (query.fiscalYear ?? asOfFy) : undefined;
        return { kind: 'tornado', tornado: tornado(s, query.output, fy), fiscalYears: s.base.depreciation.map((d) => d.fiscalYear), asOfFiscalYear: asOfFy };
      }
      case 'whatIf': {
        const c = context(input, query.scenario);
        return { kind: 'whatIf', whatIf: unwrap(lifeWhatIf(c.fleet, { lives: query.lives, assetClass: query.assetClass, books: c.books })) };
      }
    }
  }

  function startRun(id: number, query: MonteCarloQuery, exclude: readonly number[]): Job {
    if (!Number.isInteger(query.paths) || query.paths < 1 || query.paths > MAX_PATHS) {
      throw new Error(`Paths must be a whole number from 1 to ${MAX_PATHS.toLocaleString('en-US')}, not ${query.paths}`);
    }
    if (!Number.isSafeInteger(query.seed)) throw new Error(`Seed must be a whole number, not ${query.seed}`);
    const c = context(deps.input(exclude), query.scenario);
    const run = unwrap(createMonteCarlo(c.fleet, { paths: query.paths, seed: query.seed, books: c.books, prepared: c.prepared }));
    return { id, version: deps.version(), run, computeMs: 0 };
  }

  function progress(job: Job): StressReply {
    return { message: { type: 'progress', id: job.id, version: job.version, done: job.run.done, total: job.run.total }, transfer: [] };
  }

  function finish(job: Job, stopped: boolean): StressReply {
    jobs.delete(job.id);
    const result = job.run.result(stopped);
    return { message: { type: 'montecarlo-result', id: job.id, version: job.version, result, computeMs: job.computeMs }, transfer: monteCarloBuffers(result) };
  }

  function failure(id: number, version: number, e: unknown): StressReply {
    const message = e instanceof RangeError && /array length|allocation/i.test(e.message) ? 'Not enough memory for that many paths; try fewer.' : e instanceof Error ? e.message : String(e);
    return { message: { type: 'error', id, version, message }, transfer: [] };
  }

  return {
    handle(msg: StressMessage): StressReply[] {
      const version = deps.version();
      switch (msg.type) {
        case 'stress': {
          const start = deps.now();
          try {
            if (msg.version !== version) throw new Error('engine query for a fleet it does not have');
            const result = answer(msg.query, msg.exclude ?? []);
            return [{ message: { type: 'stress-result', id: msg.id, version, result, computeMs: deps.now() - start }, transfer: [] }];
          } catch (e) {
            return [failure(msg.id, version, e)];
          }
        }
        case 'montecarlo': {
          try {
            if (msg.version !== version) throw new Error('engine query for a fleet it does not have');
            const job = startRun(msg.id, msg.query, msg.exclude ?? []);
            jobs.set(job.id, job);
            return [progress(job)];
          } catch (e) {
            return [failure(msg.id, version, e)];
          }
        }
        case 'cancel': {
          const job = jobs.get(msg.id);
          return job ? [finish(job, true)] : [];
        }
      }
    },

    /** True while a Monte Carlo run has paths left. */
    busy(): boolean {
      return jobs.size > 0;
    },

    /** Advances the oldest run for about `budgetMs` (at least one path): its progress, or its result when done. */
    pump(budgetMs: number): StressReply[] {
      const job = jobs.values().next().value;
      if (!job) return [];
      const start = deps.now();
      try {
        do job.run.step(1);
        while (job.run.done < job.run.total && deps.now() - start < budgetMs);
      } catch (e) {
        jobs.delete(job.id);
        return [failure(job.id, job.version, e)];
      }
      job.computeMs += deps.now() - start;
      return [job.run.done >= job.run.total ? finish(job, false) : progress(job)];
    },
  };
}

export type StressCore = ReturnType<typeof createStressCore>;
