import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../../shared/domain/fleet';
import { computeLotSchedule, rollupPeriods } from '../../../shared/engine/book';
import { EngineClient, type QueryOutcome, type WorkerLike } from '../../../renderer/src/engine/client';
import { createEngineCore } from '../../../renderer/src/engine/core';
import type { FromWorker, ToWorker } from '../../../renderer/src/engine/protocol';

const lot = (id: string, quantity = 1): Lot => ({
  id,
  assetClass: 'ASIC',
  model: 'S21',
  quantity,
  unitCost: 120_000,
  inService: '2025-01-01',
  salvagePct: 0,
  lifeMonths: 12,
  method: 'SL',
  convention: 'full-month',
  taxClass: 'MACRS-5',
});
const fleetOf = (lots: Lot[]): Fleet => ({ assumptions: DEFAULT_ASSUMPTIONS, lots, events: [], scenarios: [] });

/** A worker that runs the real core, but only when the test says so (to hold work "in flight"). */
class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  inbox: ToWorker[] = [];
  terminated = false;
  private core = createEngineCore({ computeLotSchedule, rollupPeriods });
  postMessage(m: ToWorker): void {
    this.inbox.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Process everything received so far. */
  run(): void {
    while (this.inbox.length && !this.terminated) {
      for (const r of this.core.handle(this.inbox.shift()!)) this.onmessage?.({ data: r.message } as MessageEvent<FromWorker>);
    }
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

const year = { period: 'year' as const, scope: { kind: 'fleet' as const } };

describe('engine client', () => {
  it('computes a request in the worker and hands back period rows', () => {
    const { client, workers } = setup();
    client.setFleet(fleetOf([lot('A')]));
    const out: QueryOutcome[] = [];
    client.request(year, (o) => out.push(o));
    workers[0].run();
    expect(out).toHaveLength(1);
    expect(out[0].status).toBe('ok');
    if (out[0].status === 'ok') expect(out[0].rows.map((r) => [r.period, r.depreciation])).toEqual([['FY2025', 120_000]]);
  });

  it('sends a changed lot as a patch and a deletion as a whole fleet', () => {
    const { client, workers } = setup();
    const f1 = fleetOf([lot('A'), lot('B')]);
    client.setFleet(f1);
    client.request(year, () => {});
    client.setFleet(f1); // same document: nothing to send
    client.setFleet({ ...f1, lots: [f1.lots[0], lot('B', 3)] });
    client.request(year, () => {});
    client.setFleet({ ...f1, lots: [f1.lots[0]] });
    client.request(year, () => {});
    expect(workers[0].inbox.map((m) => m.type)).toEqual(['fleet', 'query', 'patch', 'query', 'fleet', 'query']);
    expect(client.stats).toMatchObject({ fleets: 2, patches: 1, restarts: 0 });
  });

  it('drops the result of a request cancelled because the document changed', () => {
    const { client, workers } = setup();
    const seen: string[] = [];
    client.setFleet(fleetOf([lot('A', 1)]));
    const cancelOld = client.request(year, (o) => seen.push(`old:${o.status}`));
    cancelOld();
    client.setFleet(fleetOf([lot('A', 2)]));
    client.request(year, (o) => seen.push(`new:${o.status === 'ok' ? o.rows[0].additions : o.status}`));
    workers[0].run();
    expect(seen).toEqual(['new:240000']);
  });

  it('stops a worker still busy with an older fleet and starts a fresh one', () => {
    const { client, workers, tick } = setup();
    const seen: string[] = [];
    client.setFleet(fleetOf([lot('A', 1)]));
    client.request(year, (o) => seen.push(`old:${o.status}`));
    tick(500);
    client.setFleet(fleetOf([lot('A', 5)]));
    client.request(year, (o) => seen.push(`new:${o.status === 'ok' ? o.rows[0].additions : o.status}`));
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].inbox[0].type).toBe('fleet');
    workers[1].run();
    expect(seen).toEqual(['old:cancelled', 'new:600000']);
    expect(client.stats.restarts).toBe(1);
  });

  it('counts work nobody wants any more as work in progress (a view that moved on)', () => {
    const { client, workers, tick } = setup();
    const seen: string[] = [];
    client.setFleet(fleetOf([lot('A', 1)]));
    const cancelOld = client.request(year, (o) => seen.push(`old:${o.status}`));
    cancelOld();
    tick(50);
    client.setFleet(fleetOf([lot('A', 2)]));
    expect(workers).toHaveLength(1); // not busy for long: let it finish
    tick(500);
    client.setFleet(fleetOf([lot('A', 3)]));
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(seen).toEqual([]);
  });

  it('cancels on request and reports a worker crash as an error', () => {
    const { client, workers } = setup();
    const seen: string[] = [];
    client.setFleet(fleetOf([lot('A')]));
    client.request(year, (o) => seen.push(o.status));
    client.cancelAll();
    expect(seen).toEqual(['cancelled']);
    client.request(year, (o) => seen.push(o.status === 'error' ? o.message : o.status));
    workers[1].onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    expect(seen).toEqual(['cancelled', 'the engine stopped: boom']);
  });
});
