import { describe, expect, it } from 'vitest';
import type { Fleet } from '../../../../shared/domain/fleet';
import { computeBookSchedules, rollupPeriods } from '../../../../shared/engine/book';
import { computeEconomicValues, DRIVER_DEFS, marketFromAssumptions, rollupEconomics, withDriver } from '../../../../shared/engine/economic';
import { defaultLevers, sensitivity, tornado, unitsAfterDisposals } from '../../../../shared/engine/stress';
import { fleetOf, lot, mixedFleet } from './helpers';

/** Fleet economic value and gap at the as-of month, straight from the economic engine and its rollup. */
function independent(fleet: Fleet): { ev: number; gap: number; dep: Record<string, number> } {
  const m = marketFromAssumptions(fleet.assumptions);
  if (!m.ok) throw new Error('drivers');
  const books = computeBookSchedules(fleet);
  const r = rollupEconomics(computeEconomicValues(fleet, books, m.value, { units: unitsAfterDisposals(fleet) })).asOf;
  const dep = Object.fromEntries(rollupPeriods(books, 'year', { startMonth: fleet.assumptions.fiscalYearStartMonth }).map((p) => [p.period, p.depreciation]));
  return { ev: r.economicValue, gap: r.bookNbv - r.economicValue, dep };
}

const range = (key: string) => DRIVER_DEFS.find((d) => d.key === key)!;

describe('tornado', () => {
  const fleet = mixedFleet(120, 3);
  const levers = ['hashpricephday', 'gpurentdecayyr', 'discountrate', 'liquidationfactor', 'asicpowerpricekwh', 'Book Life (months): ASIC'];
  const s = sensitivity(fleet, { levers });
  if (!s.ok) throw new Error(JSON.stringify(s.error));

  it("a driver's swing equals the difference of its two one-way runs, computed independently", () => {
    const ev = tornado(s.value, 'economicValue');
    const gap = tornado(s.value, 'gap');
    for (const key of ['hashpricephday', 'gpurentdecayyr', 'discountrate', 'liquidationfactor', 'asicpowerpricekwh']) {
      const def = range(key);
      const low = independent({ ...fleet, assumptions: withDriver(fleet.assumptions, key, def.low!) });
      const high = independent({ ...fleet, assumptions: withDriver(fleet.assumptions, key, def.high!) });
      const bar = ev.bars.find((b) => b.key === key)!;
      expect(bar.lowInput).toBe(def.low);
      expect(bar.highInput).toBe(def.high);
      expect(bar.atLow).toBe(low.ev);
      expect(bar.atHigh).toBe(high.ev);
      expect(bar.swing).toBe(Math.abs(high.ev - low.ev));
      expect(bar.swing).toBeGreaterThan(0);
      expect(gap.bars.find((b) => b.key === key)!.swing).toBe(Math.abs(high.gap - low.gap));
    }
    expect(ev.base).toBe(independent(fleet).ev);
  });

  it('the book-life lever against the book re-run with every ASIC at 24 and 60 months', () => {
    const at = (life: number) => independent({ ...fleet, lots: fleet.lots.map((l) => (l.assetClass === 'ASIC' ? { ...l, lifeMonths: life } : l)) });
    const low = at(24);
    const high = at(60);
    const gapBar = tornado(s.value, 'gap').bars.find((b) => b.key === 'Book Life (months): ASIC')!;
    expect([gapBar.lowInput, gapBar.highInput]).toEqual([24, 60]);
    expect(gapBar.swing).toBe(Math.abs(high.gap - low.gap));
    const dep = tornado(s.value, 'depreciation', 'FY2026');
    const bar = dep.bars.find((b) => b.key === 'Book Life (months): ASIC')!;
    expect(bar.atLow).toBe(low.dep.FY2026);
    expect(bar.atHigh).toBe(high.dep.FY2026);
    expect(bar.swing).toBe(Math.abs(high.dep.FY2026 - low.dep.FY2026));
    // Market drivers do not move the book: their depreciation swing is nil, and the book lever tops that tornado.
    expect(dep.bars[0].key).toBe('Book Life (months): ASIC');
    expect(dep.bars.slice(1).every((b) => b.swing === 0)).toBe(true);
    // Nor does the book life move the economic value.
    expect(tornado(s.value, 'economicValue').bars.find((b) => b.key === 'Book Life (months): ASIC')!.swing).toBe(0);
  });

  it('bars are sorted by swing, largest first', () => {
    for (const out of ['economicValue', 'gap', 'impairment'] as const) {
      const bars = tornado(s.value, out).bars;
      expect(bars).toHaveLength(levers.length);
      for (let i = 1; i < bars.length; i++) expect(bars[i - 1].swing).toBeGreaterThanOrEqual(bars[i].swing);
    }
  });

  it('other ranges can be given; unknown levers are problems', () => {
    const r = sensitivity(fleet, { levers: ['Uptime %'], ranges: { uptime: { low: 80 } } });
    if (!r.ok) throw new Error('unexpected');
    expect([r.value.runs[0].lever.low, r.value.runs[0].lever.high]).toEqual([80, 99]);
    const bad = sensitivity(fleet, { levers: ['Moon Phase', 'Halving Dates'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.map((p) => p.message)).toEqual([
      '"Moon Phase" is not a driver with a stress range or a book-life lever',
      '"Halving Dates" is not a driver with a stress range or a book-life lever',
    ]);
  });

  it('default levers: the drivers with a range for the classes held, and their book lives', () => {
    const asicOnly = fleetOf([lot({ id: 'A', assetClass: 'ASIC', model: 'Antminer S21' })]);
    const keys = defaultLevers(asicOnly).map((l) => l.key);
    expect(keys).toContain('hashpricephday');
    expect(keys).toContain('discountrate');
    expect(keys).toContain('Book Life (months): ASIC');
    expect(keys).not.toContain('gpurentdecayyr');
    expect(keys).not.toContain('Book Life (months): GPU');
    const withRange = DRIVER_DEFS.filter((d) => d.kind === 'number' && d.low !== undefined && d.appliesTo !== 'GPU').length;
    expect(keys).toHaveLength(withRange + 1);
  });
});
