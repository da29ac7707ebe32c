import { describe, expect, it } from 'vitest';
import type { Fleet } from '../../../shared/domain/fleet';
import { computeLotSchedule, rollupPeriods } from '../../../shared/engine/book';
import { EngineClient, type MonteCarloOutcome, type StressOutcome, type WorkerLike } from '../../../renderer/src/engine/client';
import { createEngineCore } from '../../../renderer/src/engine/core';
import type { FromWorker, ToWorker } from '../../../renderer/src/engine/protocol';
import { sampleFleet } from '../../../scripts/make-examples';

/** A worker running the real core; `slice()` is one turn of the worker's slice loop. */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  inbox: ToWorker[] = [];
  terminated = false;
  // A clock that never moves: one path per slice.
  private core = createEngineCore({ computeLotSchedule, rollupPeriods }, () => 0);
  postMessage(m: ToWorker): void {
    this.inbox.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  private emit(m: FromWorker): void {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
  run(): void {
    while (this.inbox.length && !this.terminated) for (const r of this.core.handle(this.inbox.shift()!)) this.emit(r.message);
  }
  slice(): void {
    for (const r of this.core.pump(0)) this.emit(r.message);
  }
  get busy(): boolean {
    return this.core.busy();
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  let clock = 0;
  const client = new EngineClient(
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    { now: () => clock, abandonAfterMs: 100 },
  );
  return { client, workers, tick: (ms: number) => (clock += ms) };
}

const sample = sampleFleet();
const query = { scenario: 'Base', paths: 20, seed: 1 };

describe('engine client: stress', () => {
  it('reports a Monte Carlo run as it goes and hands back its result', () => {
    const { client, workers } = setup();
    client.setFleet(sample);
    const progress: number[] = [];
    const done: MonteCarloOutcome[] = [];
    client.runMonteCarlo(query, [], { progress: (d) => progress.push(d), done: (o) => done.push(o) });
    workers[0].run();
    while (workers[0].busy) workers[0].slice();
    expect(progress).toEqual([...Array(20).keys()]);
    expect(done).toHaveLength(1);
    expect(done[0].status === 'ok' && done[0].result.paths).toBe(20);
  });

  it('cancels a run in the worker (no restart) and gets the paths done so far', () => {
    const { client, workers } = setup();
    client.setFleet(sample);
    const done: MonteCarloOutcome[] = [];
    const cancel = client.runMonteCarlo(query, [], { progress: () => {}, done: (o) => done.push(o) });
    workers[0].run();
    for (let i = 0; i < 5; i++) workers[0].slice();
    cancel();
    cancel(); // twice is once
    expect(workers[0].inbox.map((m) => m.type)).toEqual(['cancel']);
    workers[0].run();
    expect(workers[0].busy).toBe(false);
    expect(workers[0].terminated).toBe(false);
    expect(done).toHaveLength(1);
    expect(done[0].status).toBe('cancelled');
    expect(done[0].status === 'cancelled' && done[0].result?.paths).toBe(5);
  });

  it('answers other requests between slices, and a long run does not count as a busy worker when the fleet changes', () => {
    const { client, workers, tick } = setup();
    client.setFleet(sample);
    const done: MonteCarloOutcome[] = [];
    client.runMonteCarlo(query, [], { progress: () => {}, done: (o) => done.push(o) });
    workers[0].run();
    workers[0].slice();
    const compared: StressOutcome[] = [];
    client.requestStress({ kind: 'compare' }, [], (o) => compared.push(o));
    workers[0].run();
    expect(compared[0].status === 'ok' && compared[0].result.kind).toBe('compare');
    tick(10_000);
    // A scenario edit: the worker is not restarted (the run goes on), the fleet goes over whole.
    const edited: Fleet = { ...sample, scenarios: sample.scenarios.slice(1) };
    client.setFleet(edited);
    client.requestStress({ kind: 'compare' }, [], (o) => compared.push(o));
    expect(workers).toHaveLength(1);
    expect(workers[0].inbox.map((m) => m.type)).toEqual(['fleet', 'stress']);
    workers[0].run();
    expect(compared[1].status === 'ok' && compared[1].result.kind === 'compare' && compared[1].result.comparison.scenarios.map((s) => s.name)).toEqual(['Base', 'Short lives', 'Bear market']);
    while (workers[0].busy) workers[0].slice();
    expect(done[0].status).toBe('ok');
  });

  it('ends a run as cancelled, with no result, when the worker is restarted', () => {
    const { client, workers } = setup();
    client.setFleet(sample);
    const done: MonteCarloOutcome[] = [];
    client.runMonteCarlo(query, [], { progress: () => {}, done: (o) => done.push(o) });
    client.cancelAll();
    expect(done).toEqual([{ status: 'cancelled', result: null }]);
    expect(workers[0].terminated).toBe(true);
  });
});
