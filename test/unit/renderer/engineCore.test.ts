import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../../shared/domain/fleet';
import { computeLotSchedule, rollupPeriods } from '../../../shared/engine/book';
import { computeTaxSchedules } from '../../../shared/engine/tax';
import { createEngineCore, type BookEngine } from '../../../renderer/src/engine/core';
import { unpackPeriods, type BookQuery, type FromWorker } from '../../../renderer/src/engine/protocol';

// 12 units at $1,000, no salvage, 12 months straight line from January 2025: $1,000 a month.
const asic: Lot = {
  id: 'A1',
  assetClass: 'ASIC',
  model: 'S21',
  quantity: 12,
  unitCost: 100_000,
  inService: '2025-01-15',
  salvagePct: 0,
  lifeMonths: 12,
  method: 'SL',
  convention: 'full-month',
  taxClass: 'MACRS-5',
};
// One GPU server at $2,400, 24 months from July 2025: $100 a month.
const gpu: Lot = { ...asic, id: 'G1', assetClass: 'GPU', model: 'H100', quantity: 1, unitCost: 240_000, inService: '2025-07-01', lifeMonths: 24 };

function fleet(lots: Lot[], fiscalYearStartMonth = 1): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth }, lots, events: [], scenarios: [] };
}

function counting(): BookEngine & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    computeLotSchedule: (lot, events, cal) => {
      calls.push(lot.id);
      return computeLotSchedule(lot, events, cal);
    },
    rollupPeriods,
  };
}

function ask(core: ReturnType<typeof createEngineCore>, version: number, query: BookQuery) {
  const [reply] = core.handle({ type: 'query', id: 7, version, query });
  const m = reply.message as Extract<FromWorker, { type: 'result' }>;
  expect(m.type).toBe('result');
  expect(reply.transfer).toEqual([m.table.values.buffer]);
  return unpackPeriods(m.table);
}

describe('engine worker core', () => {
  it('rolls up the fleet by fiscal quarter', () => {
    const core = createEngineCore(counting());
    core.handle({ type: 'fleet', version: 1, fleet: fleet([asic]) });
    const rows = ask(core, 1, { period: 'quarter', scope: { kind: 'fleet' } });
    expect(rows.map((r) => [r.period, r.openingNbv, r.additions, r.depreciation, r.closingNbv, r.closingAccum])).toEqual([
      ['FY2025-Q1', 0, 1_200_000, 300_000, 900_000, 300_000],
      ['FY2025-Q2', 900_000, 0, 300_000, 600_000, 600_000],
      ['FY2025-Q3', 600_000, 0, 300_000, 300_000, 900_000],
      ['FY2025-Q4', 300_000, 0, 300_000, 0, 1_200_000],
    ]);
  });

  it('answers per class and per lot, with July fiscal years', () => {
    const core = createEngineCore(counting());
    core.handle({ type: 'fleet', version: 1, fleet: fleet([asic, gpu], 7) });
    const gpuYears = ask(core, 1, { period: 'year', scope: { kind: 'class', assetClass: 'GPU' } });
    // FY2026 = July 2025 .. June 2026: 12 x $100; FY2027 the other 12.
    expect(gpuYears.map((r) => [r.period, r.depreciation])).toEqual([
      ['FY2026', 120_000],
      ['FY2027', 120_000],
    ]);
    const lot = ask(core, 1, { period: 'year', scope: { kind: 'lot', lotId: 'A1' } });
    expect(lot.map((r) => [r.period, r.depreciation])).toEqual([
      ['FY2025', 600_000],
      ['FY2026', 600_000],
    ]);
  });

  it('recomputes only the lots a patch replaced', () => {
    const engine = counting();
    const core = createEngineCore(engine);
    core.handle({ type: 'fleet', version: 1, fleet: fleet([asic, gpu]) });
    ask(core, 1, { period: 'year', scope: { kind: 'fleet' } });
    expect(engine.calls).toEqual(['A1', 'G1']);
    core.handle({ type: 'patch', version: 2, baseVersion: 1, lots: [[1, { ...gpu, quantity: 2 }]] });
    const rows = ask(core, 2, { period: 'year', scope: { kind: 'fleet' } });
    expect(engine.calls).toEqual(['A1', 'G1', 'G1']);
    expect(rows[0].additions).toBe(1_200_000 + 480_000);
  });

  it('leaves out the lots the grid flags, without recomputing the others', () => {
    const engine = counting();
    const core = createEngineCore(engine);
    core.handle({ type: 'fleet', version: 1, fleet: fleet([asic, gpu]) });
    const all = ask(core, 1, { period: 'year', scope: { kind: 'fleet' } });
    const some = ask(core, 1, { period: 'year', scope: { kind: 'fleet' }, exclude: [0] });
    expect(all[0].additions).toBe(1_200_000 + 240_000);
    expect(some[0].additions).toBe(240_000);
    expect(engine.calls).toEqual(['A1', 'G1']);
    const [r] = core.handle({ type: 'query', id: 3, version: 1, query: { period: 'year', scope: { kind: 'lot', lotId: 'A1' }, exclude: [0] } });
    expect(r.message).toMatchObject({ type: 'error', message: 'lot "A1" has problems in the Fleet grid; fix them to see its schedule' });
  });

  it('reports an unknown lot and a stale query as errors, not crashes', () => {
    const core = createEngineCore(counting());
    core.handle({ type: 'fleet', version: 3, fleet: fleet([asic]) });
    const [r1] = core.handle({ type: 'query', id: 1, version: 3, query: { period: 'month', scope: { kind: 'lot', lotId: 'nope' } } });
    expect(r1.message).toMatchObject({ type: 'error', id: 1, message: 'there is no lot "nope"' });
    const [r2] = core.handle({ type: 'query', id: 2, version: 2, query: { period: 'month', scope: { kind: 'fleet' } } });
    expect(r2.message).toMatchObject({ type: 'error', id: 2 });
  });
});

describe('engine worker core: the tax book', () => {
  // One $10,000.00 server, MACRS 5-year half-year, bonus overridden to 0 (Pub 946 table A-1:
  // 20%, 32%, 19.2%, 11.52%, 11.52%, 5.76%): FY2025 2,000.00, FY2026 3,200.00 ... FY2030 576.00.
  const server: Lot = { ...gpu, id: 'T1', quantity: 1, unitCost: 1_000_000, inService: '2025-03-01', bonusPct: 0 };

  it('answers tax queries with the MACRS schedule, leaving out excluded lots', () => {
    const core = createEngineCore({ ...counting(), computeTaxSchedules: (f) => computeTaxSchedules(f).schedules });
    core.handle({ type: 'fleet', version: 1, fleet: fleet([server, asic]) });
    const rows = ask(core, 1, { book: 'tax', period: 'year', scope: { kind: 'fleet' }, exclude: [1] });
    expect(rows.map((r) => [r.period, r.depreciation])).toEqual([
      ['FY2025', 200_000],
      ['FY2026', 320_000],
      ['FY2027', 192_000],
      ['FY2028', 115_200],
      ['FY2029', 115_200],
      ['FY2030', 57_600],
    ]);
    // The book for the same lot is straight line over 24 months: 10,000.00 / 24 a month.
    const book = ask(core, 1, { book: 'book', period: 'year', scope: { kind: 'lot', lotId: 'T1' } });
    expect(book[0].depreciation).toBe(Math.round((1_000_000 * 10) / 24));
  });
});
