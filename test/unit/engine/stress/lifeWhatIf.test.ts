import { describe, expect, it } from 'vitest';
import { lifeWhatIf, type LifeWhatIf } from '../../../../shared/engine/stress';
import { fleetOf, lot } from './helpers';

function value<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const byYear = (w: LifeWhatIf, a: number): Record<string, { base: number; alt: number; effect: number }> =>
  Object.fromEntries(w.fiscalYears.map((fy, i) => [fy, { base: w.base[i], alt: w.alternatives[a].depreciation[i], effect: w.alternatives[a].effect[i] }]));

describe('life what-if: depreciation and pre-tax income effect per fiscal year', () => {
  // One lot of 120,000.00, no salvage, SL full-month from January 2025, fiscal year = calendar year.
  // Base 60 months: 120,000 / 5 = 24,000.00 a year, FY2025..FY2029.
  // 36 months: 120,000 / 3 = 40,000.00 a year, FY2025..FY2027.
  //   effect = base - alternative: 24,000 - 40,000 = -16,000 in FY2025..FY2027; 24,000 - 0 = +24,000 in FY2028, FY2029.
  // 72 months: 20,000.00 a year, FY2025..FY2030: effect +4,000 in FY2025..FY2029, -20,000 in FY2030.
  const fleet = fleetOf([lot({ id: 'A', assetClass: 'ASIC', quantity: 1, unitCost: 12000000, inService: '2025-01-15', lifeMonths: 60 })]);

  it('5 years against 3 and 6 years', () => {
    const w = value(lifeWhatIf(fleet, { lives: [36, 72] }));
    expect(w.fiscalYears).toEqual(['FY2025', 'FY2026', 'FY2027', 'FY2028', 'FY2029', 'FY2030']);
    expect(byYear(w, 0)).toEqual({
      FY2025: { base: 2400000, alt: 4000000, effect: -1600000 },
      FY2026: { base: 2400000, alt: 4000000, effect: -1600000 },
      FY2027: { base: 2400000, alt: 4000000, effect: -1600000 },
      FY2028: { base: 2400000, alt: 0, effect: 2400000 },
      FY2029: { base: 2400000, alt: 0, effect: 2400000 },
      FY2030: { base: 0, alt: 0, effect: 0 },
    });
    expect(w.alternatives[1].effect).toEqual([400000, 400000, 400000, 400000, 400000, -2000000]);
    // Over the whole life the effects cancel: the same cost is depreciated.
    expect(w.alternatives.map((a) => a.totalEffect)).toEqual([0, 0]);
    expect(w.totalBase).toBe(12000000);
  });

  it('fiscal years starting in July: the first fiscal year has six months', () => {
    // FY2025 = Jul 2024 - Jun 2025 holds Jan-Jun 2025: base 6 x 2,000 = 12,000; 36 months: 6 x 3,333.33 = 20,000.00 (cumulative rounding).
    const w = value(lifeWhatIf({ ...fleet, assumptions: { ...fleet.assumptions, fiscalYearStartMonth: 7 } }, { lives: [36] }));
    expect(w.fiscalYears[0]).toBe('FY2025');
    expect(byYear(w, 0).FY2025).toEqual({ base: 1200000, alt: 2000000, effect: -800000 });
    expect(byYear(w, 0).FY2026).toEqual({ base: 2400000, alt: 4000000, effect: -1600000 });
  });

  it('the default lives are 3, 4, 5, 5.5 and 6 years; a class filter leaves the other class as in the base', () => {
    const two = fleetOf([
      lot({ id: 'A', assetClass: 'ASIC', unitCost: 12000000, inService: '2025-01-15', lifeMonths: 60 }),
      lot({ id: 'G', assetClass: 'GPU', unitCost: 7200000, inService: '2025-01-15', lifeMonths: 72 }),
    ]);
    const all = value(lifeWhatIf(two));
    expect(all.alternatives.map((a) => a.lifeMonths)).toEqual([36, 48, 60, 66, 72]);
    const gpuOnly = value(lifeWhatIf(two, { lives: [36], assetClass: 'GPU' }));
    // GPU: 72,000 over 72 months = 12,000/yr; over 36 months = 24,000/yr: effect -12,000 in FY2025.
    // The ASIC lot keeps its 24,000/yr in both columns.
    expect(byYear(gpuOnly, 0).FY2025).toEqual({ base: 3600000, alt: 4800000, effect: -1200000 });
  });

  it('SYD lots at 5.5 years are noted; lives out of range are problems', () => {
    const syd = fleetOf([lot({ id: 'S', assetClass: 'GPU', unitCost: 6000000, lifeMonths: 60, method: 'SYD' })]);
    const w = value(lifeWhatIf(syd, { lives: [66] }));
    expect(w.notes).toHaveLength(1);
    expect(w.notes[0]).toContain('SYD');
    const bad = lifeWhatIf(syd, { lives: [0, 30.5] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toHaveLength(2);
  });
});
