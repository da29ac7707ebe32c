import type { Fleet, Lot } from '../../../shared/domain/fleet';
import type { PeriodRow } from '../../../shared/engine/book/types';
import type { MonteCarloResult } from '../../../shared/engine/stress';
import { unpackPeriods, type BookQuery, type FromWorker, type ToWorker, type ValueQuery, type ValueResult } from './protocol';
import { unpackDeferred, type DeferredQuery, type DeferredResult } from './deferredProtocol';
import type { MonteCarloQuery, StressQuery, StressResult } from './stressProtocol';

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export type QueryOutcome =
  | { status: 'ok'; rows: PeriodRow[]; computeMs: number }
  | { status: 'error'; message: string }
  /** Cancelled by the user, or its work was abandoned for a newer fleet. */
  | { status: 'cancelled' };

export type ValueOutcome =
  | { status: 'ok'; value: ValueResult; computeMs: number }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

export type DeferredOutcome =
  | { status: 'ok'; result: DeferredResult; computeMs: number }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

export type StressOutcome =
  | { status: 'ok'; result: StressResult; computeMs: number }
  | { status: 'error'; message: string }
  | { status: 'cancelled' };

export type MonteCarloOutcome =
  | { status: 'ok'; result: MonteCarloResult; computeMs: number }
  | { status: 'error'; message: string }
  /** Stopped by the user (`result`: the paths done until then), or by a restart of the worker (no result). */
  | { status: 'cancelled'; result: MonteCarloResult | null };

export interface MonteCarloHandlers {
  progress(done: number, total: number): void;
  done(o: MonteCarloOutcome): void;
}

/** What the worker answered to one request, or that nobody will answer it. */
type Answer = FromWorker | { type: 'cancelled' } | { type: 'failed'; message: string };

interface Pending {
  version: number;
  sentAt: number;
  /** Null once cancelled: the worker is still busy with it, but nobody wants the answer. */
  done: ((a: Answer) => void) | null;
  progress?: (done: number, total: number) => void;
  /** Work the worker does in slices between other messages: it does not make the worker busy. */
  sliced?: boolean;
}

/** A request as the client sends it, before it gets an id and a version. */
type Request = ToWorker extends infer T ? (T extends { type: 'query' | 'value' | 'deferred' | 'stress' | 'montecarlo' } ? Omit<T, 'id' | 'version'> : never) : never;

export interface EngineClientOptions {
  now?: () => number;
  /**
   * When a new fleet arrives while the worker is still busy with an older one for longer than
   * this, the worker is stopped and restarted rather than left to finish work nobody wants.
   */
  abandonAfterMs?: number;
}

/**
 * Talks to the engine worker: sends the fleet (whole, or as a patch of the lots that changed),
 * numbers requests so a result for something no longer wanted is dropped, and can stop the
 * worker mid-computation (a worker cannot be interrupted, only terminated and started again).
 */
export class EngineClient {
  private worker: WorkerLike | null = null;
  private version = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The fleet the worker holds (null after a restart: the next message sends it whole). */
  private sent: Fleet | null = null;
  private sentVersion = 0;
  private current: Fleet | null = null;
  private readonly now: () => number;
  private readonly abandonAfterMs: number;
  /** Messages posted to the worker, whole fleets and patches (for tests and diagnostics). */
  readonly stats = { fleets: 0, patches: 0, restarts: 0 };

  constructor(
    private readonly spawn: () => WorkerLike,
    options: EngineClientOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.abandonAfterMs = options.abandonAfterMs ?? 150;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const w = this.spawn();
    w.onmessage = (e) => this.onMessage(e.data);
    w.onerror = (e) => {
      e.preventDefault?.();
      this.failAll(`the engine stopped: ${e.message || 'unknown error'}`);
      this.stop();
    };
    this.worker = w;
    this.sent = null;
    return w;
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sent = null;
  }

  private failAll(message: string): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.done?.({ type: 'failed', message });
  }

  private onMessage(m: FromWorker): void {
    if (m.type === 'progress') {
      this.pending.get(m.id)?.progress?.(m.done, m.total);
      return;
    }
    if (m.type === 'error' && m.id < 0) {
      // The worker could not take a fleet or patch: start over with the whole fleet.
      this.stop();
      this.failAll(m.message);
      return;
    }
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    p?.done?.(m); // no done: cancelled or superseded, nobody wants it
  }

  /** Make `fleet` the one later requests are computed from. Cheap when nothing changed. */
  setFleet(fleet: Fleet): void {
    if (fleet === this.current) return;
    this.current = fleet;
    this.version++;
    // Still busy with an older fleet for a while: that work is wasted, stop it.
    let oldest = Infinity;
    for (const p of this.pending.values()) if (!p.sliced) oldest = Math.min(oldest, p.sentAt);
    if (this.worker && oldest < Infinity && this.now() - oldest > this.abandonAfterMs) this.restart();
    this.sync();
  }

  /** Send the current fleet to the worker, as a patch when only some lots changed. */
  private sync(): void {
    const fleet = this.current;
    if (!fleet) return;
    const w = this.ensureWorker();
    const base = this.sent;
    if (base === fleet) return;
    const patch = base ? patchOf(base, fleet) : null;
    if (patch) {
      w.postMessage({ type: 'patch', version: this.version, baseVersion: this.sentVersion, lots: patch });
      this.stats.patches++;
    } else {
      w.postMessage({ type: 'fleet', version: this.version, fleet });
      this.stats.fleets++;
    }
    this.sent = fleet;
    this.sentVersion = this.version;
  }

  /** Ask for a schedule of the current fleet; `done` is called once. Returns a cancel function. */
  request(query: BookQuery, done: (o: QueryOutcome) => void): () => void {
    return this.send({ type: 'query', query }, (a) => {
      if (a.type === 'result') done({ status: 'ok', rows: unpackPeriods(a.table), computeMs: a.computeMs });
      else if (a.type === 'cancelled') done({ status: 'cancelled' });
      else done({ status: 'error', message: a.type === 'error' || a.type === 'failed' ? a.message : 'unexpected answer from the engine' });
    });
  }

  /** Ask for book vs economic value of the current fleet; `done` is called once. Returns a cancel function. */
  requestValue(query: ValueQuery, done: (o: ValueOutcome) => void): () => void {
    return this.send({ type: 'value', query }, (a) => {
      if (a.type === 'value-result') done({ status: 'ok', value: a.value, computeMs: a.computeMs });
      else if (a.type === 'cancelled') done({ status: 'cancelled' });
      else done({ status: 'error', message: a.type === 'error' || a.type === 'failed' ? a.message : 'unexpected answer from the engine' });
    });
  }

  /** Ask for the deferred tax by period of the current fleet; `done` is called once. Returns a cancel function. */
  requestDeferred(query: DeferredQuery, done: (o: DeferredOutcome) => void): () => void {
    return this.send({ type: 'deferred', query }, (a) => {
      if (a.type === 'deferred-result') done({ status: 'ok', result: unpackDeferred(a.table), computeMs: a.computeMs });
      else if (a.type === 'cancelled') done({ status: 'cancelled' });
      else done({ status: 'error', message: a.type === 'error' || a.type === 'failed' ? a.message : 'unexpected answer from the engine' });
    });
  }

  /** Ask for a stress figure (scenario comparison, tornado, life what-if) of the current fleet. Returns a cancel function. */
  requestStress(query: StressQuery, exclude: readonly number[], done: (o: StressOutcome) => void): () => void {
    return this.send({ type: 'stress', query, exclude }, (a) => {
      if (a.type === 'stress-result') done({ status: 'ok', result: a.result, computeMs: a.computeMs });
      else if (a.type === 'cancelled') done({ status: 'cancelled' });
      else done({ status: 'error', message: a.type === 'error' || a.type === 'failed' ? a.message : 'unexpected answer from the engine' });
    });
  }

  /**
   * Start a Monte Carlo run of the current fleet, reported as it goes. Returns the cancel
   * function: the worker stops the run and answers with the paths done so far (status cancelled).
   */
  runMonteCarlo(query: MonteCarloQuery, exclude: readonly number[], handlers: MonteCarloHandlers): () => void {
    let cancelled = false;
    const id = this.nextId;
    this.send(
      { type: 'montecarlo', query, exclude },
      (a) => {
        if (a.type === 'montecarlo-result') handlers.done(cancelled || a.result.stopped ? { status: 'cancelled', result: a.result } : { status: 'ok', result: a.result, computeMs: a.computeMs });
        else if (a.type === 'cancelled') handlers.done({ status: 'cancelled', result: null });
        else handlers.done({ status: 'error', message: a.type === 'error' || a.type === 'failed' ? a.message : 'unexpected answer from the engine' });
      },
      { progress: handlers.progress, sliced: true },
    );
    return () => {
      if (cancelled || !this.pending.has(id)) return;
      cancelled = true;
      this.worker?.postMessage({ type: 'cancel', id, version: this.version });
    };
  }

  private send(message: Request, done: (a: Answer) => void, extra: Pick<Pending, 'progress' | 'sliced'> = {}): () => void {
    if (!this.current) {
      done({ type: 'failed', message: 'no fleet' });
      return () => {};
    }
    this.sync();
    const id = this.nextId++;
    this.pending.set(id, { version: this.version, sentAt: this.now(), done, ...extra });
    this.worker!.postMessage({ ...message, id, version: this.version } as ToWorker);
    return () => {
      // The answer, if it comes, is dropped; the worker counts as busy until then.
      const p = this.pending.get(id);
      if (p) p.done = null;
    };
  }

  /** Stop whatever the worker is computing; every waiting request ends as cancelled. */
  cancelAll(): void {
    if (this.pending.size === 0) return;
    this.restart();
  }

  private restart(): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    this.stop();
    this.stats.restarts++;
    for (const p of all) p.done?.({ type: 'cancelled' });
  }

  dispose(): void {
    this.restart();
    this.current = null;
  }
}

/** The lots that differ, when only lots changed and not too many of them; else null (send it whole). */
function patchOf(base: Fleet, next: Fleet): [number, Lot][] | null {
  if (base.assumptions !== next.assumptions || base.events !== next.events || base.scenarios !== next.scenarios || base.lots.length !== next.lots.length) return null;
  const changed: [number, Lot][] = [];
  const limit = Math.max(64, next.lots.length >> 3);
  for (let i = 0; i < next.lots.length; i++) {
    if (base.lots[i] === next.lots[i]) continue;
    changed.push([i, next.lots[i]]);
    if (changed.length > limit) return null;
  }
  return changed;
}
