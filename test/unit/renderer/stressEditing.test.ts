import { describe, expect, it } from 'vitest';
import type { ScenarioOverride } from '../../../shared/domain/fleet';
import { parseLives } from '../../../renderer/src/views/stress/lives';
import { parseOverrideText, scenarioNamesOf, withCell, withRowAdded, withRowRemoved } from '../../../renderer/src/views/stress/scenarioRows';
import { lifeBuckets } from '../../../renderer/src/views/stress/lifeBuckets';

const rows: ScenarioOverride[] = [
  { scenario: 'Bear', key: 'Hashprice Drift (%/yr)', value: -35 },
  { scenario: 'Bull', key: 'Uptime %', value: 99 },
  { scenario: 'bear', key: 'Book Life (months): ASIC', value: 24 },
];

describe('scenario editor rows', () => {
  it('reads typed values as the file reader reads cells', () => {
    expect(parseOverrideText('15%')).toBe(15);
    expect(parseOverrideText(' 1,250 ')).toBe(1250);
    expect(parseOverrideText('-0.5')).toBe(-0.5);
    expect(parseOverrideText('2025-06-30')).toBe('2025-06-30');
    expect(parseOverrideText('cashflow')).toBe('cashflow');
  });

  it('lists scenario names once each, as the engine compares them, without Base', () => {
    expect(scenarioNamesOf([...rows, { scenario: 'BASE', key: 'Uptime %', value: 90 }])).toEqual(['Bear', 'Bull']);
  });

  it('sets one cell, refusing what the workbook could not hold', () => {
    const ok = withCell(rows, 1, 'value', '98.5');
    expect(ok).toEqual({ ok: true, rows: [rows[0], { ...rows[1], value: 98.5 }, rows[2]] });
    expect(withCell(rows, 1, 'key', 'Moon Phase')).toMatchObject({ ok: false, problem: expect.stringContaining('"Moon Phase" is not a key') });
    expect(withCell(rows, 1, 'scenario', ' ')).toMatchObject({ ok: false, problem: 'A scenario needs a name.' });
    expect(withCell(rows, 1, 'scenario', 'base')).toMatchObject({ ok: false, problem: expect.stringContaining('is the workbook itself') });
    expect(withCell(rows, 1, 'value', '')).toMatchObject({ ok: false, problem: 'The value is blank.' });
    // "BEAR" with "hashprice drift" is row 1's scenario and key, however written.
    expect(withCell(rows, 2, 'key', 'hashprice drift %/yr')).toMatchObject({ ok: false, problem: expect.stringContaining('already sets') });
  });

  it("adds a row after its scenario's last row, or last for a new scenario; removes one", () => {
    const added = withRowAdded(rows, 'Bull', 'Pool Fee %', '2');
    expect(added.ok && added.rows.map((r) => `${r.scenario}/${r.key}`)).toEqual(['Bear/Hashprice Drift (%/yr)', 'Bull/Uptime %', 'Bull/Pool Fee %', 'bear/Book Life (months): ASIC']);
    const fresh = withRowAdded(rows, 'Calm', 'BTC Price Volatility (%/yr)', '35');
    expect(fresh.ok && fresh.rows.at(-1)).toEqual({ scenario: 'Calm', key: 'BTC Price Volatility (%/yr)', value: 35 });
    expect(withRowAdded(rows, 'Bull', 'Uptime %', '95')).toMatchObject({ ok: false });
    expect(withRowRemoved(rows, 0)).toEqual(rows.slice(1));
  });
});

describe('life what-if lives', () => {
  it('reads months and years, each once, in the order typed', () => {
    expect(parseLives('36, 48;60 66  72')).toEqual({ ok: true, lives: [36, 48, 60, 66, 72] });
    expect(parseLives('3y, 5.5y, 36')).toEqual({ ok: true, lives: [36, 66] });
  });

  it('says what is wrong', () => {
    expect(parseLives('')).toMatchObject({ ok: false });
    expect(parseLives('36, forty')).toMatchObject({ ok: false, problem: expect.stringContaining('"forty"') });
    expect(parseLives('0')).toMatchObject({ ok: false, problem: expect.stringContaining('from 1 to 600') });
    expect(parseLives('4.1y')).toMatchObject({ ok: false });
    expect(parseLives('1 2 3 4 5 6 7 8 9')).toMatchObject({ ok: false, problem: 'At most 8 lives at a time.' });
  });
});

describe('economic life histogram', () => {
  it('sums the shares by half-year and drops empty tails', () => {
    const d = new Float64Array(30);
    d[7] = 0.25;
    d[8] = 0.25;
    d[20] = 0.5;
    expect(lifeBuckets(d)).toEqual([
      { range: '6–11', share: 50 },
      { range: '12–17', share: 0 },
      { range: '18–23', share: 50 },
    ]);
  });
});
