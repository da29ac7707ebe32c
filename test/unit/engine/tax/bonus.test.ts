import { describe, expect, it } from 'vitest';
import { bonusRateFor, computeTaxSchedules } from '../../../../shared/engine/tax';
import { byTaxYear, fleet, lot, sum } from './helpers';

const pct = (acquired: string | undefined, inService: string, options = {}) =>
  bonusRateFor({ acquired, inService, taxClass: 'MACRS-5' }, options).pct;

describe('bonus rate by acquisition and placed-in-service date', () => {
  it('acquired 2025-01-10, placed in service 2025-03-01: TCJA 40 % (acquired before 2025-01-20)', () => {
    const r = bonusRateFor({ acquired: '2025-01-10', inService: '2025-03-01', taxClass: 'MACRS-5' });
    expect(r.pct).toBe(40);
    expect(r.rule).toMatch(/TCJA/);
  });

  it('acquired 2025-02-01: 100 % under the 2025 law', () => {
    const r = bonusRateFor({ acquired: '2025-02-01', inService: '2025-04-01', taxClass: 'MACRS-5' });
    expect(r.pct).toBe(100);
    expect(r.rule).toMatch(/119-21/);
    // The acquisition date defaults to the in-service date.
    expect(pct(undefined, '2025-02-01')).toBe(100);
  });

  it('the boundary: acquired 2025-01-19 stays on TCJA, 2025-01-20 gets 100 %', () => {
    expect(pct('2025-01-19', '2025-06-01')).toBe(40);
    expect(pct('2025-01-20', '2025-06-01')).toBe(100);
  });

  it('the 40 % election covers the first tax year ending after 2025-01-19 only', () => {
    const on = { bonusElection40: true };
    expect(pct('2025-02-01', '2025-02-01', on)).toBe(40);
    expect(pct('2025-02-01', '2025-12-31', on)).toBe(40);
    expect(pct('2025-02-01', '2026-01-01', on)).toBe(100);
    // Fiscal year from July: FY2025 = July 2024 .. June 2025 is the first tax year ending after 2025-01-19.
    const july = { bonusElection40: true, fiscalYearStartMonth: 7 };
    expect(pct('2025-03-01', '2025-05-01', july)).toBe(40);
    expect(pct('2025-03-01', '2025-08-01', july)).toBe(100);
    // Property acquired before 2025-01-20 is not touched by the election (TCJA 2026 = 20 %).
    expect(pct('2024-12-01', '2026-02-01', on)).toBe(20);
  });

  it('TCJA phase-down by placed-in-service year', () => {
    expect(pct('2023-03-01', '2023-06-30')).toBe(80);
    expect(pct('2022-03-01', '2022-12-31')).toBe(100);
    expect(pct('2023-12-01', '2024-01-02')).toBe(60);
    expect(pct('2024-06-01', '2026-06-01')).toBe(20);
    expect(pct('2024-06-01', '2027-01-01')).toBe(0);
  });

  it('acquired on or before 2017-09-27: not modelled, 0 %, and the rule says so', () => {
    const r = bonusRateFor({ acquired: '2017-09-27', inService: '2018-01-01', taxClass: 'MACRS-5' });
    expect(r.pct).toBe(0);
    expect(r.rule).toMatch(/not modelled/);
  });

  it("the lot's Bonus % overrides the law; tax class none has no bonus", () => {
    expect(bonusRateFor({ acquired: '2025-02-01', inService: '2025-02-01', taxClass: 'MACRS-5', bonusPct: 30 })).toMatchObject({ pct: 30, rule: expect.stringMatching(/override/) });
    expect(bonusRateFor({ inService: '2025-02-01', taxClass: 'none' }).pct).toBe(0);
  });
});

describe('bonus and Section 179 in the tax schedule', () => {
  it('acquired and placed in service in 2023: 80 %, and Section 179 reduces the basis', () => {
    // cost 1,000.00; Section 179 250.00; bonus 80 % of 750.00 = 600.00; MACRS basis 150.00.
    // Year 1 (half-year, 5-year): 250.00 + 600.00 + 20 % x 150.00 = 880.00; then 32 % x 150.00 = 48.00.
    const r = computeTaxSchedules(fleet([lot({ unitCost: 100000, section179: 25000, bonusPct: undefined, acquired: '2023-02-01', inService: '2023-04-01' })]));
    expect(r.lots[0]).toMatchObject({ cost: 100000, section179: 25000, bonusPct: 80, bonus: 60000, macrsBasis: 15000 });
    const years = byTaxYear(r.schedules[0], 1);
    expect(years.get(2023)).toBe(88000);
    expect(years.get(2024)).toBe(4800);
    expect(sum(r.schedules[0].depreciation)).toBe(100000);
  });

  it('100 % bonus: the whole cost in the in-service month, tax NBV 0 from then on', () => {
    const r = computeTaxSchedules(fleet([lot({ quantity: 3, unitCost: 12345, bonusPct: undefined, acquired: '2025-02-01', inService: '2025-03-15' })]));
    const s = r.schedules[0];
    expect(s.depreciation[0]).toBe(37035);
    expect(sum(s.depreciation)).toBe(37035);
    expect(s.closingCost[s.length - 1] - s.closingAccum[s.length - 1]).toBe(0);
  });

  it('the 40 % election from the option or from the Assumptions driver bonuselection40', () => {
    const lots = [lot({ unitCost: 100000, bonusPct: undefined, acquired: '2025-03-01', inService: '2025-03-01' })];
    expect(computeTaxSchedules(fleet(lots)).lots[0].bonus).toBe(100000);
    expect(computeTaxSchedules(fleet(lots), { bonusElection40: true }).lots[0].bonus).toBe(40000);
    expect(computeTaxSchedules(fleet(lots, { drivers: { bonuselection40: 'Yes' } })).lots[0].bonus).toBe(40000);
    expect(computeTaxSchedules(fleet(lots, { drivers: { bonuselection40: 1 } }), { bonusElection40: false }).lots[0].bonus).toBe(100000);
  });

  it('bonus cents rounded half away from zero: 33 % of 0.50 = 0.165 -> 0.17', () => {
    const r = computeTaxSchedules(fleet([lot({ unitCost: 50, bonusPct: 33 })]));
    expect(r.lots[0]).toMatchObject({ bonus: 17, macrsBasis: 33 });
  });

  it('Section 179 above cost is limited to cost', () => {
    const r = computeTaxSchedules(fleet([lot({ unitCost: 1000, section179: 5000 })]));
    expect(r.lots[0]).toMatchObject({ section179: 1000, bonus: 0, macrsBasis: 0 });
    expect(r.schedules[0].depreciation[0]).toBe(1000);
  });
});
