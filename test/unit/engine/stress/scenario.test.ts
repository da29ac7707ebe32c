import { describe, expect, it } from 'vitest';
import type { Fleet, ScenarioOverride } from '../../../../shared/domain/fleet';
import { formatProblem } from '../../../../shared/domain/problem';
import { applyScenario, compareScenarios, parseScenarioKey, scenarioNames } from '../../../../shared/engine/stress';
import { fleetOf, lot } from './helpers';

const LOTS = [
  lot({ id: 'A1', assetClass: 'ASIC', model: 'Antminer S21', unitCost: 350000, quantity: 10, lifeMonths: 36, salvagePct: 5 }),
  lot({ id: 'A2', assetClass: 'ASIC', model: 'Antminer S19j Pro', unitCost: 150000, quantity: 10, lifeMonths: 36 }),
  lot({ id: 'G1', assetClass: 'GPU', model: 'NVIDIA H100 80GB SXM5', unitCost: 25000000, quantity: 2, lifeMonths: 72 }),
  lot({ id: 'O1', assetClass: 'Other', model: 'Rack', unitCost: 100000, lifeMonths: 60, method: 'SYD' }),
];

function withScenarios(rows: [string, string, number | string][], drivers: Record<string, number | string> = {}): Fleet {
  const scenarios: ScenarioOverride[] = rows.map(([scenario, key, value]) => ({ scenario, key, value }));
  return fleetOf(LOTS, { asOf: '2026-06-30', drivers }, { scenarios });
}

function applied(fleet: Fleet, name: string | undefined): Fleet {
  const r = applyScenario(fleet, name);
  if (!r.ok) throw new Error(r.error.map(formatProblem).join('\n'));
  return r.value;
}

function problems(fleet: Fleet, name: string | undefined): string[] {
  const r = applyScenario(fleet, name);
  return r.ok ? [] : r.error.map(formatProblem);
}

const lives = (f: Fleet) => Object.fromEntries(f.lots.map((l) => [l.id, l.lifeMonths]));

describe('applyScenario', () => {
  it('the base (no name, or "Base" in any case) is the fleet itself', () => {
    const f = withScenarios([['Bear', 'Uptime %', 90]]);
    expect(applied(f, undefined)).toBe(f);
    expect(applied(f, 'base')).toBe(f);
  });

  it('fixed assumptions: Tax Rate %, Discount Rate %, As Of, Fiscal Year Start Month, Horizon', () => {
    const f = withScenarios([
      ['S', 'Tax Rate %', 25],
      ['S', 'discount rate', '15%'],
      ['S', 'As Of', '2026-12-31'],
      ['S', 'Fiscal Year Start Month', 'July'],
      ['S', 'Horizon (months)', 60],
    ]);
    const a = applied(f, 's').assumptions;
    expect([a.taxRatePct, a.discountRatePct, a.asOf, a.fiscalYearStartMonth, a.horizonMonths]).toEqual([25, 15, '2026-12-31', 7, 60]);
    expect(f.assumptions.taxRatePct).toBe(21); // the input is not modified
  });

  it('a scenario Discount Rate % or Power Price replaces the class keys of the workbook unless it sets them too', () => {
    const f = withScenarios(
      [['S', 'Discount Rate %', 20], ['S', 'Power Price ($/kWh)', 0.07], ['S', 'GPU Power Price ($/kWh)', 0.1]],
      { asicdiscountrate: 15, gpudiscountrate: 10, asicpowerpricekwh: 0.045, gpupowerpricekwh: 0.08 },
    );
    const d = applied(f, 'S').assumptions.drivers;
    expect(d.asicdiscountrate).toBeUndefined();
    expect(d.gpudiscountrate).toBeUndefined();
    expect(d.asicpowerpricekwh).toBeUndefined();
    expect(d.powerpricekwh).toBe(0.07);
    expect(d.gpupowerpricekwh).toBe(0.1);
  });

  it('market drivers and volatilities by their Assumptions keys', () => {
    const f = withScenarios([['Bear', 'Uptime %', 90], ['Bear', 'Hashprice ($/PH/day)', 30], ['Bear', 'BTC Price Volatility (%/yr)', 70]], { hashpricethday: 0.04 });
    const d = applied(f, 'Bear').assumptions.drivers;
    expect(d.uptime).toBe(90);
    expect(d.hashpricephday).toBe(30);
    expect(d.hashpricethday).toBeUndefined(); // the other unit's key would clash
    expect(d.btcpricevolatilityyr).toBe(70);
  });

  it('book life for every lot, by class (prefix or ": CLASS"), by model; the most specific wins; years to months', () => {
    const f = withScenarios([
      ['S', 'Book Life (months)', 48],
      ['S', 'GPU Life (years)', 4],
      ['S', 'Book Life (months): ASIC', 24],
      ['S', 'Book Life (years): antminer s21', 2.5],
      ['S', 'Salvage %: GPU', 10],
    ]);
    const g = applied(f, 'S');
    expect(lives(g)).toEqual({ A1: 30, A2: 24, G1: 48, O1: 48 });
    expect(g.lots.map((l) => l.salvagePct)).toEqual([5, 0, 10, 0]);
    expect(lives(f)).toEqual({ A1: 36, A2: 36, G1: 72, O1: 60 });
    // A model matches by preset, so an alias names the same machine.
    expect(lives(applied(withScenarios([['T', 'Book Life (months): S21', 40]]), 'T')).A1).toBe(40);
  });

  it('an unknown key is a problem naming the sheet Scenarios, the scenario and the key', () => {
    expect(problems(withScenarios([['Bear', 'Moon Phase', 3], ['Bear', 'Uptime %', 90]]), 'Bear')).toEqual([
      'Scenarios: scenario "Bear", key "Moon Phase": not a key Fleetbook knows (an assumption, a market driver, a volatility, or Book Life (months) / Book Life (years) / Salvage % for every lot, a class or a model: see the stress README)',
    ]);
  });

  it('bad values, clashing keys, a model no lot has and a life SYD cannot take are problems, all at once', () => {
    const f = withScenarios([
      ['S', 'Uptime %', 150],
      ['S', 'Tax Rate %', 'high'],
      ['S', 'Book Life (years)', 4.3],
      ['S', 'Book Life (months): GPU', 60],
      ['S', 'GPU Book Life (months)', 48],
      ['S', 'Salvage %: Antminer S99', 5],
      ['S', 'Book Life (months): Other', 66],
    ]);
    expect(problems(f, 'S')).toEqual([
      'Scenarios: scenario "S", key "Tax Rate %": "high" is not a percentage from 0 to 100',
      'Scenarios: scenario "S", key "Book Life (years)": a book life is a whole number of months from 1 to 600 (4.3 years is 51.6 months)',
      'Scenarios: scenario "S", key "GPU Book Life (months)": sets the same thing as key "Book Life (months): GPU"',
      'Scenarios: scenario "S", Uptime %: 150 is out of range (>= 0 and <= 100)',
      'Scenarios: scenario "S", key "Salvage %: Antminer S99": no lot has model "Antminer S99"',
      'Scenarios: scenario "S", key "Book Life (months): Other": 66 months is not a whole number of years, which SYD needs (lots O1)',
    ]);
  });

  it('an unknown scenario name lists the names the workbook has', () => {
    const f = withScenarios([['Bear', 'Uptime %', 90], ['Bull case', 'Uptime %', 99], ['bear', 'Pool Fee %', 2]]);
    expect(scenarioNames(f)).toEqual(['Bear', 'Bull case']);
    expect(problems(f, 'Crash')).toEqual(['Scenarios: no scenario named "Crash" (the workbook has: Bear, Bull case)']);
    expect(problems(withScenarios([]), 'Crash')).toEqual(['Scenarios: no scenario named "Crash" (the workbook has: none)']);
    // Names compare as keys do: case and spaces do not matter; rows of one scenario may be apart.
    expect(applied(f, 'BULLCASE').assumptions.drivers.uptime).toBe(99);
    expect(applied(f, 'BEAR').assumptions.drivers.poolfee).toBe(2);
  });

  it('rows under the reserved name Base are a problem when the base is asked for by name', () => {
    expect(problems(withScenarios([['Base', 'Uptime %', 90]]), 'Base')).toHaveLength(1);
  });

  it('the key grammar', () => {
    expect(parseScenarioKey('Book Life (months): S21')).toEqual({ kind: 'lot', field: 'lifeMonths', target: { kind: 'model', model: 'S21' } });
    expect(parseScenarioKey('ASIC Life (months)')).toEqual({ kind: 'lot', field: 'lifeMonths', target: { kind: 'class', assetClass: 'ASIC' } });
    expect(parseScenarioKey('salvage %: gpu')).toEqual({ kind: 'lot', field: 'salvagePct', target: { kind: 'class', assetClass: 'GPU' } });
    expect(parseScenarioKey('GPU Rent Decay (%/yr)')).toEqual({ kind: 'driver', key: 'gpurentdecayyr' });
    expect(parseScenarioKey('Hashrate Volatility (%/yr)')).toEqual({ kind: 'volatility', key: 'hashratevolatilityyr' });
    expect(parseScenarioKey('Tax Rate %')).toEqual({ kind: 'assumption', field: 'taxRatePct' });
    expect(parseScenarioKey('Uptime %: ASIC')).toBeNull();
  });
});

describe('compareScenarios', () => {
  it('the base first, then every scenario in file order, each evaluated under its overrides', () => {
    const f = withScenarios([
      ['Cheap power', 'ASIC Power Price ($/kWh)', 0.03],
      ['Short lives', 'Book Life (months): ASIC', 24],
    ]);
    const r = compareScenarios(f);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const [base, cheap, short] = r.value.scenarios;
    expect(r.value.scenarios.map((s) => s.name)).toEqual(['Base', 'Cheap power', 'Short lives']);
    expect(cheap.outcome.economicValue).toBeGreaterThan(base.outcome.economicValue);
    expect(cheap.outcome.depreciation).toEqual(base.outcome.depreciation);
    expect(short.outcome.economicValue).toBe(base.outcome.economicValue);
    // ASICs: 10 x 3,500 x 95% + 10 x 1,500 = 48,250.00 over 24 instead of 36 months from January 2026:
    // FY2026 12/24 against 12/36 of it: 24,125.00 against 16,083.33, the GPU and Other lots unchanged.
    const fy = (o: typeof base) => o.outcome.depreciation.find((d) => d.fiscalYear === 'FY2026')!.amount;
    expect(fy(short) - fy(base)).toBe(2412500 - 1608333);
    expect(short.outcome.bookNbv).toBeLessThan(base.outcome.bookNbv);
    expect(r.value.fiscalYears[0]).toBe('FY2026');
  });

  it("problems of any scenario stop the comparison", () => {
    const r = compareScenarios(withScenarios([['A', 'Uptime %', 90], ['B', 'Bogus', 1]]));
    expect(r.ok).toBe(false);
  });
});
