import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../shared/domain/dates';
import { computeEconomicValues } from '../../../../shared/engine/economic';
import { driversFrom, fleetOf, lot } from './helpers';

/**
 * Sanity checks against reference/economics.md section 5.7 (worked examples, the reference's own
 * script-level figures), with its stated inputs.
 *
 * Why the value tolerance is 2%: the reference sums month k's margin discounted k + 1 months
 * (Version A, k = 1..N) while DESIGN.md's recursion counts the current month undiscounted, which
 * lifts our value by up to one month of discounting (1.15^(1/12) - 1 = 1.17% for the ASICs, 0.80%
 * for the GPUs); the ASIC table uses a 30.42-day month where we use calendar days (about 0.2% on
 * these paths), and the table rounds (to the dollar or to $0.1k-$1k). Lives are whole months and
 * must match exactly.
 */
const within = (got: number, want: number, tol: number) => {
  expect(Math.abs(got / want - 1), `${got} vs ${want}`).toBeLessThan(tol);
};

describe('economics.md 5.7, ASICs', () => {
  // Start Jan 2026; HP0 $39.5/PH/day; drift -20%/yr; halving at month 27 (April 2028); uptime 97%;
  // r = 15%; power $0.05/kWh; no fixed costs; 72-month horizon; VIU without salvage.
  // The table's month-0 margins (S21: $109) hold with no pool fee: 200 TH x $0.0395 x 0.97 x 30.42 d
  // = $233.1 revenue, 3.5 kW x 24 x 0.97 x $0.05 x 30.42 = $123.9 power, $109.2 margin. The table
  // halves the hashprice at the halving (no fee share) and has no hashboard degradation.
  const inputs = {
    marketstart: '2026-01-01',
    hashpricephday: 39.5,
    hashpricedriftyr: -20,
    halvingdates: '2028-04-01',
    feeshare: 0,
    uptime: 97,
    poolfee: 0,
    asicpowerpricekwh: 0.05,
    hashboarddegradationyr: 0,
    asicdiscountrate: 15,
    asicphysicallifemonths: 72,
    liquidationfactor: 0,
  };
  const models: [string, number, number][] = [
    // model, VIU $ per machine, operating economic life (months) from the table
    ['S19j Pro', 42, 6],
    ['S21', 1463, 27],
    ['S21 XP', 2856, 27],
    ['S23 Hyd', 8040, 30],
  ];
  const list = computeEconomicValues(
    fleetOf(models.map(([m], i) => lot({ id: `L${i}`, assetClass: 'ASIC', model: m, inService: '2026-01-01' }))),
    null,
    driversFrom(inputs),
  );

  it("the S21's operating economic life ends at the 2028 halving", () => {
    const s21 = list[1];
    expect(s21.presetId).toBe('s21');
    expect(s21.operatingLifeMonths).toBe(27);
    // Without resale or fixed costs, retiring is optimal exactly when the margin stays <= 0.
    expect(s21.economicLifeMonths).toBe(27);
    expect(s21.startMonth + 27).toBe(monthIndexOf('2028-04-01'));
    expect(s21.operating[26]).toBe(1);
    expect(s21.operating[27]).toBe(0);
  });

  it('values and lives of the four machines match the table', () => {
    models.forEach(([model, viu, life], i) => {
      const e = list[i];
      expect(e.operatingLifeMonths, model).toBe(life);
      within(e.initialValue / 100, viu, 0.02);
    });
  });

  it('the S21 still stops in April 2028 with the app defaults for fees (1%) and the estimated halving date', () => {
    const [e] = computeEconomicValues(
      fleetOf([lot({ id: 'S', assetClass: 'ASIC', model: 'S21' })]),
      null,
      driversFrom({ ...inputs, feeshare: 1, halvingdates: '2028-04-15' }),
    );
    expect(e.operatingLifeMonths).toBe(27);
  });
});

describe('economics.md 5.7, GPUs', () => {
  // H100, Jan 2026; rent $2.35/hr; U 85%; 1.275 kW per GPU (10.2 kW per 8-GPU server); PUE 1.3;
  // $0.08/kWh; idle 35%; colocation $150/kW-month avoidable; r = 10%; 72 months; no salvage, no
  // operations cost (the example lists none). One preset server = 8 GPUs: value per GPU = value / 8.
  const inputs = {
    marketstart: '2026-01-01',
    gpuutilization: 85,
    pue: 1.3,
    gpupowerpricekwh: 0.08,
    idlepowerfraction: 35,
    colocationkwmonth: 150,
    gpuoperationsofcapexyr: 0,
    gpudiscountrate: 10,
    gpuphysicallifemonths: 72,
    liquidationfactor: 0,
  };
  const perGpu = (model: string, decayPct: number, rent?: number) => {
    const [e] = computeEconomicValues(
      fleetOf([lot({ id: 'G', assetClass: 'GPU', model, unitCost: 25_000_000, ...(rent ? { rentPerGpuHour: rent } : {}) })]),
      null,
      driversFrom({ ...inputs, gpurentdecayyr: decayPct }),
    );
    return { value: e.initialValue / 100 / 8, life: e.economicLifeMonths, preset: e.presetId };
  };

  it('H100: value and retirement month by rent decay, as in the table', () => {
    const table: [number, number, number][] = [
      [10, 46_000, 72],
      [20, 32_000, 72],
      [30, 22_000, 56],
      [40, 16_000, 39],
    ];
    for (const [decay, viu, retire] of table) {
      const r = perGpu('H100', decay);
      expect(r.preset).toBe('h100_sxm');
      expect(r.life, `${decay}%`).toBe(retire);
      // The table rounds to $1k: add half of that ($0.5k / $16k = 3% at worst) to the 2%.
      within(r.value, viu, 0.02 + 500 / viu);
    }
  });

  it("H100 at 20%/yr rent decay is worth about its all-in cost; faster decay falls below it", () => {
    // All-in capex per GPU: $250k server / 8 = $31,250 (economics.md 3.6). The reference calls the
    // asset value-neutral at about 20%/yr: the value is within 5% of cost there, above it at 10%/yr
    // and below it at 30%/yr.
    const cost = 250_000 / 8;
    within(perGpu('H100', 20).value, cost, 0.05);
    expect(perGpu('H100', 10).value).toBeGreaterThan(cost);
    expect(perGpu('H100', 30).value).toBeLessThan(cost);
  });

  it('A100 and B200 figures of the same section', () => {
    // A100 at $1.20/hr, 0.81 kW (6.5 kW / 8): ~$17.8k at 15%/yr, $9.7k at 30%/yr retiring at month 49.
    const a15 = perGpu('A100', 15, 1.2);
    const a30 = perGpu('A100', 30, 1.2);
    within(a15.value, 17_800, 0.02);
    within(a30.value, 9_700, 0.02);
    expect(a30.life).toBe(49);
    // B200 at $5.94/hr, 1.79 kW (14.3 kW / 8): ~$98k at 20%/yr, $61k at 35%/yr; at $3.50 and 35%: ~$29k.
    within(perGpu('B200', 20).value, 98_000, 0.02);
    within(perGpu('B200', 35).value, 61_000, 0.02);
    within(perGpu('B200', 35, 3.5).value, 29_000, 0.02 + 500 / 29_000);
  });
});
