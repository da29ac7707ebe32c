/** The engine worker's deferred tax query, checked against a small fleet computed by hand. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../../shared/domain/fleet';
import { computeLotSchedule, rollupPeriods } from '../../../shared/engine/book';
import { computeTaxSchedules, rollupDeferredTax } from '../../../shared/engine/tax';
import { createEngineCore } from '../../../renderer/src/engine/core';
import { unpackDeferred, type DeferredQuery } from '../../../renderer/src/engine/deferredProtocol';
import type { FromWorker } from '../../../renderer/src/engine/protocol';
import { deferredTotals } from '../../../renderer/src/views/schedule/deferredTotals';

// A1: 12 ASICs at $1,000.00, book straight line over 12 months from January 2025 ($1,000.00 a
// month), 100 % bonus: tax NBV 0 from the first month.
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
  bonusPct: 100,
};
// T1: one $10,000.00 server, book straight line over 24 months from March 2025 (cumulative
// rounding: round(10,000.00 x k / 24)); tax MACRS 5-year half-year without bonus: 20 % in 2025
// spread over its 10 months ($200.00 a month), then 32 %, 19.2 %, 11.52 %, 11.52 %, 5.76 %.
const server: Lot = { ...asic, id: 'T1', assetClass: 'GPU', model: 'H100', quantity: 1, unitCost: 1_000_000, inService: '2025-03-01', lifeMonths: 24, bonusPct: 0 };

function fleet(lots: Lot[]): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, fiscalYearStartMonth: 1, taxRatePct: 21 }, lots, events: [], scenarios: [] };
}

function core() {
  return createEngineCore({
    computeLotSchedule,
    rollupPeriods,
    computeTaxSchedules: (f) => computeTaxSchedules(f).schedules,
    rollupDeferredTax,
  });
}

function ask(c: ReturnType<typeof core>, query: DeferredQuery) {
  const [reply] = c.handle({ type: 'deferred', id: 5, version: 1, query });
  const m = reply.message as Extract<FromWorker, { type: 'deferred-result' }>;
  expect(m.type, JSON.stringify(reply.message)).toBe('deferred-result');
  expect(reply.transfer).toEqual([m.table.values.buffer]);
  const { rows, taxRatePct } = unpackDeferred(m.table);
  expect(taxRatePct).toBe(21);
  return rows.map((r) => [r.period, r.bookNbv, r.taxNbv, r.temporaryDifference, r.openingDeferredTax, r.deferredTax, r.change]);
}

describe('engine worker core: deferred tax', () => {
  it('per lot and fiscal year: T1 by hand, rounded per lot to the cent', () => {
    const c = core();
    c.handle({ type: 'fleet', version: 1, fleet: fleet([asic, server]) });
    // FY2025 (10 months): book 10,000.00 - round(10,000.00 x 10/24) = 10,000.00 - 4,166.67 = 5,833.33;
    //   tax 10,000.00 - 2,000.00 = 8,000.00; difference -2,166.67; x 21 % = -455.0007 -> -455.00 (an asset).
    // FY2026 (22 months): book 10,000.00 - 9,166.67 = 833.33; tax 10,000.00 - 52 % = 4,800.00;
    //   difference -3,966.67; x 21 % = -833.0007 -> -833.00; change -833.00 + 455.00 = -378.00.
    // FY2027: book fully depreciated (February 2027): 0; tax 10,000.00 - 71.2 % = 2,880.00; -2,880.00 x 21 % = -604.80.
    // FY2028: tax 10,000.00 - 82.72 % = 1,728.00 -> -362.88. FY2029: 94.24 % -> 576.00 -> -120.96. FY2030: 0 -> 0.
    expect(ask(c, { period: 'year', scope: { kind: 'lot', lotId: 'T1' } })).toEqual([
      ['FY2025', 583_333, 800_000, -216_667, 0, -45_500, -45_500],
      ['FY2026', 83_333, 480_000, -396_667, -45_500, -83_300, -37_800],
      ['FY2027', 0, 288_000, -288_000, -83_300, -60_480, 22_820],
      ['FY2028', 0, 172_800, -172_800, -60_480, -36_288, 24_192],
      ['FY2029', 0, 57_600, -57_600, -36_288, -12_096, 24_192],
      ['FY2030', 0, 0, 0, -12_096, 0, 12_096],
    ]);
  });

  it('the fleet by fiscal quarter is the sum of the lots’ rounded cents', () => {
    const c = core();
    c.handle({ type: 'fleet', version: 1, fleet: fleet([asic, server]) });
    const fleetQuarters = ask(c, { period: 'quarter', scope: { kind: 'fleet' } });
    // Quarter ends of 2025:
    //   A1: book 9,000.00 / 6,000.00 / 3,000.00 / 0, tax 0: deferred tax 1,890.00 / 1,260.00 / 630.00 / 0 (a liability).
    //   T1: book 10,000.00 - round(10,000.00 x 1, 4, 7, 10 / 24) = 9,583.33 / 8,333.33 / 7,083.33 / 5,833.33;
    //       tax 10,000.00 - 200.00 x 1, 4, 7, 10 = 9,800.00 / 9,200.00 / 8,600.00 / 8,000.00;
    //       difference -216.67 / -866.67 / -1,516.67 / -2,166.67; x 21 % = -45.5007, -182.0007, -318.5007, -455.0007
    //       -> -45.50 / -182.00 / -318.50 / -455.00.
    //   Fleet: 1,844.50 / 1,078.00 / 311.50 / -455.00; changes 1,844.50, then -766.50 each quarter.
    expect(fleetQuarters.slice(0, 4)).toEqual([
      ['FY2025-Q1', 900_000 + 958_333, 980_000, 900_000 - 21_667, 0, 184_450, 184_450],
      ['FY2025-Q2', 600_000 + 833_333, 920_000, 600_000 - 86_667, 184_450, 107_800, -76_650],
      ['FY2025-Q3', 300_000 + 708_333, 860_000, 300_000 - 151_667, 107_800, 31_150, -76_650],
      ['FY2025-Q4', 583_333, 800_000, -216_667, 31_150, -45_500, -76_650],
    ]);
    // 2025 Q1 to 2030 Q4; the changes add up to the last balance (it opens at nothing).
    expect(fleetQuarters).toHaveLength(24);
    expect(fleetQuarters.reduce((s, r) => s + (r[6] as number), 0)).toBe(fleetQuarters[23][5]);
    const byClass = ['ASIC', 'GPU'].map((assetClass) => ask(c, { period: 'quarter', scope: { kind: 'class', assetClass: assetClass as 'ASIC' | 'GPU' } }));
    expect(byClass[0][0]).toEqual(['FY2025-Q1', 900_000, 0, 900_000, 0, 189_000, 189_000]);
    expect(byClass[1][0]).toEqual(['FY2025-Q1', 958_333, 980_000, -21_667, 0, -4_550, -4_550]);
  });

  it('by month, and leaving out the lots the grid flags', () => {
    const c = core();
    c.handle({ type: 'fleet', version: 1, fleet: fleet([asic, server]) });
    const months = ask(c, { period: 'month', scope: { kind: 'fleet' }, exclude: [0] });
    // Only T1: from March 2025; March: book 9,583.33, tax 9,800.00 -> -45.50 (as its first quarter).
    expect(months[0]).toEqual(['2025-03', 958_333, 980_000, -21_667, 0, -4_550, -4_550]);
    expect(months.at(-1)![0]).toBe('2030-12');
    const [r] = c.handle({ type: 'deferred', id: 9, version: 1, query: { period: 'year', scope: { kind: 'lot', lotId: 'A1' }, exclude: [0] } });
    expect(r.message).toMatchObject({ type: 'error', id: 9, message: 'lot "A1" has problems in the Fleet grid; fix them to see its deferred tax' });
  });

  it('answers an unknown lot, a stale query and an engine without the function with errors', () => {
    const c = core();
    c.handle({ type: 'fleet', version: 1, fleet: fleet([asic]) });
    const [a] = c.handle({ type: 'deferred', id: 1, version: 1, query: { period: 'year', scope: { kind: 'lot', lotId: 'nope' } } });
    expect(a.message).toMatchObject({ type: 'error', id: 1, message: 'there is no lot "nope"' });
    const [b] = c.handle({ type: 'deferred', id: 2, version: 0, query: { period: 'year', scope: { kind: 'fleet' } } });
    expect(b.message).toMatchObject({ type: 'error', id: 2 });
    const bare = createEngineCore({ computeLotSchedule, rollupPeriods });
    bare.handle({ type: 'fleet', version: 1, fleet: fleet([asic]) });
    const [d] = bare.handle({ type: 'deferred', id: 3, version: 1, query: { period: 'year', scope: { kind: 'fleet' } } });
    expect(d.message).toMatchObject({ type: 'error', id: 3, message: 'deferred tax is not available in this engine' });
  });

  it('sums many lots in chunks to the same cents as one lot at a time', () => {
    const lots = Array.from({ length: 2_500 }, (_, i) => ({ ...server, id: `S${i}`, unitCost: 100_001 + 37 * i, inService: `202${5 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-01` }));
    const f = fleet(lots);
    const cal = { startMonth: 1 };
    const books = lots.map((l) => computeLotSchedule(l, [], cal));
    const taxes = computeTaxSchedules(f).schedules;
    const all = rollupDeferredTax(books, taxes, 21, 'year', cal);
    const one = lots.map((_, i) => rollupDeferredTax([books[i]], [taxes[i]], 21, 'year', cal));
    for (const row of all) {
      const sum = one.reduce((s, rows) => {
        const r = rows.find((x) => x.period === row.period) ?? rows.at(-1)!;
        return s + (r.period === row.period || r.lastMonth < row.firstMonth ? r.deferredTax : 0);
      }, 0);
      expect(row.deferredTax, row.period).toBe(sum);
    }
  });

  it('the totals row: balances at the end of the last period, the change summed', () => {
    const c = core();
    c.handle({ type: 'fleet', version: 1, fleet: fleet([asic, server]) });
    const [reply] = c.handle({ type: 'deferred', id: 1, version: 1, query: { period: 'quarter', scope: { kind: 'fleet' } } });
    const { rows } = unpackDeferred((reply.message as Extract<FromWorker, { type: 'deferred-result' }>).table);
    const t = deferredTotals(rows)!;
    expect([t.period, t.bookNbv, t.taxNbv, t.deferredTax, t.openingDeferredTax]).toEqual(['Total', 0, 0, 0, 0]);
    expect(t.change).toBe(rows.reduce((s, r) => s + r.change, 0));
    expect(t.change).toBe(0); // FY2030 ends with both books at 0: everything that went in came out
    expect(deferredTotals([])).toBeNull();
  });
});
