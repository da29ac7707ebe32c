import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../shared/domain/dates';
import { cashFlowOf, computeEconomicValues } from '../../../../shared/engine/economic';
import { arr, bookOf, driversFrom, fleetOf, lot } from './helpers';

/**
 * Hand-computed cases. Conventions under test (README.md): W(i) is the value at the start of month
 * i with month i's flow undiscounted; the arrays hold end-of-month values, economicValue[i] = W(i+1);
 * amounts are cents per lot.
 */

// Flat market, no halving in the horizon, no discounting, salvage = 50% of cost at every age.
const FLAT_ASIC = {
  marketstart: '2026-01-01',
  hashpricephday: 50, // $0.05 per TH per day
  hashpricedriftyr: 0,
  halvingdates: 'none',
  feeshare: 0,
  uptime: 100,
  poolfee: 0,
  asicpowerpricekwh: 0.1,
  hashboarddegradationyr: 0,
  asicdiscountrate: 0,
  asicphysicallifemonths: 3,
  asicresalemodel: 'exponential',
  resaledecayyr: 0,
  liquidationfactor: 50,
};

describe('constant prices, zero discount: value = remaining margins + final salvage', () => {
  it('ASIC: 3 units of 100 TH/s at 1,000 W over Jan-Mar 2026', () => {
    // Per unit and day: revenue 100 TH x $0.05 = $5.00; power 1 kW x 24 h x $0.10 = $2.40; margin $2.60.
    // Jan (31 d) 80.60, Feb (28 d) 72.80, Mar (31 d) 80.60. Salvage S = 50% x $20 = $10 at any age.
    // W(3) = 10; W(2) = 80.60 + 10 = 90.60; W(1) = 72.80 + 90.60 = 163.40; W(0) = 80.60 + 163.40 = 244.00
    // = 80.60 + 72.80 + 80.60 + 10. Per lot x 3, in cents.
    const d = driversFrom(FLAT_ASIC);
    const [e] = computeEconomicValues(
      fleetOf([lot({ id: 'A', assetClass: 'ASIC', hashrateThs: 100, powerW: 1000, unitCost: 2000, quantity: 3, inService: '2026-01-15' })]),
      null,
      d,
    );
    expect(e.modelled).toBe(true);
    expect(e.startMonth).toBe(monthIndexOf('2026-01-01'));
    expect(e.length).toBe(3);
    expect(e.initialValue).toBe(73200);
    expect(arr(e.economicValue)).toEqual([49020, 27180, 3000]);
    expect(arr(e.salvageValue)).toEqual([3000, 3000, 3000]);
    expect(arr(e.margin)).toEqual([24180, 21840, 24180]);
    expect(arr(cashFlowOf(e))).toEqual([24180, 21840, 24180]);
    expect(arr(e.operating)).toEqual([1, 1, 1]);
    // Economic depreciation: 73200 - 49020, 49020 - 27180, 27180 - 3000.
    expect(arr(e.economicDepreciation)).toEqual([24180, 21840, 24180]);
    expect(e.economicLifeMonths).toBe(3);
    expect(e.operatingLifeMonths).toBe(3);
  });

  it('GPU: 3 one-GPU units at $2/GPU-hr, fixed costs $20/month, over 4 months', () => {
    // Per unit and month: revenue 1 GPU x $2 x 730 h x 100% = $1,460; power 1 kW x PUE 1 x 730 h x
    // $0.10 x (0 + 1 x 100%) = $73; margin $1,387. Fixed: colocation 1 kW x $10 = $10, operations
    // 12%/yr x $1,000 / 12 = $10: F = $20. Salvage 50% x $1,000 = $500.
    // W(4) = 500; W(3) = 1,367 + 500 = 1,867; W(2) = 3,234; W(1) = 4,601; W(0) = 5,968 = 4 x 1,367 + 500.
    const d = driversFrom({
      marketstart: '2026-01-01',
      gpurentdecayyr: 0,
      gpuutilization: 100,
      pue: 1,
      idlepowerfraction: 0,
      gpupowerpricekwh: 0.1,
      colocationkwmonth: 10,
      gpuoperationsofcapexyr: 12,
      gpudiscountrate: 0,
      gpuphysicallifemonths: 4,
      gpuresalemodel: 'exponential',
      resaledecayyr: 0,
      liquidationfactor: 50,
    });
    const [e] = computeEconomicValues(
      fleetOf([lot({ id: 'G', assetClass: 'GPU', gpusPerUnit: 1, powerW: 1000, rentPerGpuHour: 2, unitCost: 100000, quantity: 3 })]),
      null,
      d,
    );
    expect(e.initialValue).toBe(596800 * 3);
    expect(arr(e.economicValue)).toEqual([1380300, 970200, 560100, 150000]);
    expect(arr(e.margin)).toEqual([416100, 416100, 416100, 416100]);
    expect(e.fixedCostPerMonth).toBe(6000);
    expect(arr(cashFlowOf(e))).toEqual([410100, 410100, 410100, 410100]);
    expect(e.economicLifeMonths).toBe(4);
  });
});

describe('a margin that turns negative: switch-off and retirement', () => {
  // Rent $1.00/GPU-hr until a successor arrives on 2026-03-01 with a 60% step-down: $0.40 after.
  // Per unit: revenue 730 then 292; power 1 kW x 730 h x $0.50 = $365; margin +365, +365, -73, -73.
  // Fixed $10/month (colocation). Resale: 50% x $200 = $100, stepped down 60% once the successor is
  // out (from the start of March): S = 100, 100, 40, 40, 40 at the starts of Jan..May.
  // W(4) = 40; month 3: keep = 0 - 10 + 40 = 30 < 40, retire, W(3) = 40; month 2: same, W(2) = 40;
  // month 1: keep = 365 - 10 + 40 = 395 > 100, W(1) = 395; month 0: 355 + 395 = 750.
  // Retiring is first optimal at the start of month 2: economic life 2 months; margin last > 0 in month 1.
  const d = driversFrom({
    marketstart: '2026-01-01',
    gpurentdecayyr: 0,
    successordates: '2026-03-01',
    successorstepdown: 60,
    gpuutilization: 100,
    pue: 1,
    idlepowerfraction: 0,
    gpupowerpricekwh: 0.5,
    colocationkwmonth: 10,
    gpuoperationsofcapexyr: 0,
    gpudiscountrate: 0,
    gpuphysicallifemonths: 4,
    gpuresalemodel: 'exponential',
    resaledecayyr: 0,
    liquidationfactor: 50,
  });
  const G = lot({ id: 'G', assetClass: 'GPU', gpusPerUnit: 1, powerW: 1000, rentPerGpuHour: 1, unitCost: 20000, inService: '2026-01-10' });

  it('values, switch-off and retirement month', () => {
    const [e] = computeEconomicValues(fleetOf([G]), null, d);
    expect(e.initialValue).toBe(75000);
    expect(arr(e.economicValue)).toEqual([39500, 4000, 4000, 4000]);
    expect(arr(e.salvageValue)).toEqual([10000, 4000, 4000, 4000]);
    expect(arr(e.margin)).toEqual([36500, 36500, -7300, -7300]);
    expect(arr(e.operating)).toEqual([1, 1, 0, 0]);
    expect(arr(cashFlowOf(e))).toEqual([35500, 35500, 0, 0]);
    expect(e.economicLifeMonths).toBe(2);
    expect(e.operatingLifeMonths).toBe(2);
  });

  it('book NBV, gap, US GAAP recoverability and IFRS recoverable amount at the as-of month', () => {
    // Book: cost $200, 4-month straight line, no salvage: NBV 15,000, 10,000, 5,000, 0 cents.
    const book = bookOf('G', monthIndexOf('2026-01-01'), 20000, [5000, 10000, 15000, 20000]);
    // As of end of February (index 1): NBV 10,000. Optimal policy from the start of March: retire at
    // once for S = $40: undiscounted 4,000 < 10,000 -> impaired; IFRS recoverable = EV = 4,000.
    const feb = computeEconomicValues(fleetOf([G]), [book], { ...d, asOf: '2026-02-28' })[0];
    expect(arr(feb.bookNbv)).toEqual([15000, 10000, 5000, 0]);
    expect(arr(feb.gap)).toEqual([15000 - 39500, 10000 - 4000, 5000 - 4000, 0 - 4000]);
    expect(feb.asOfIndex).toBe(1);
    expect(feb.bookNbvAtAsOf).toBe(10000);
    expect(feb.undiscountedCashFlows).toBe(4000);
    expect(feb.recoverabilityImpaired).toBe(true);
    expect(feb.ifrsRecoverableAmount).toBe(4000);
    expect(feb.ifrsImpaired).toBe(true);
    // As of end of January (index 0): NBV 15,000; from February: 355 (Feb) + 40 (sale in March) = $395.
    const jan = computeEconomicValues(fleetOf([G]), [book], { ...d, asOf: '2026-01-31' })[0];
    expect(jan.undiscountedCashFlows).toBe(39500);
    expect(jan.recoverabilityImpaired).toBe(false);
    expect(jan.ifrsRecoverableAmount).toBe(39500);
    expect(jan.ifrsImpaired).toBe(false);
    // Without books there is nothing to test against.
    const none = computeEconomicValues(fleetOf([G]), null, { ...d, asOf: '2026-02-28' })[0];
    expect(none.bookNbv).toBeUndefined();
    expect(none.recoverabilityImpaired).toBe(false);
    // An as-of date before in-service: the lot is not held.
    const early = computeEconomicValues(fleetOf([G]), [book], { ...d, asOf: '2025-12-31' })[0];
    expect(early.asOfIndex).toBe(-1);
    expect(early.ifrsRecoverableAmount).toBe(0);
  });

  it('the book NBV holds its last value past the end of the book schedule', () => {
    const book = bookOf('G', monthIndexOf('2026-01-01'), 20000, [10000, 18000]);
    const [e] = computeEconomicValues(fleetOf([G]), [book], d);
    expect(arr(e.bookNbv)).toEqual([10000, 2000, 2000, 2000]);
  });
});

describe('a halving inside the horizon', () => {
  // 100 TH/s at 1,000 W, hashprice $50/PH/day flat, fees 10% of the reward, power $0.125/kWh
  // ($3.00/day), halving on 2026-03-16, no salvage, no discounting, 4 months.
  // Reward after the halving: 0.10 + 0.90 x 0.5 = 0.55 of before: revenue $5.00/day -> $2.75/day.
  // Jan: 31 x 5 - 31 x 3 = 62. Feb: 28 x 5 - 28 x 3 = 56.
  // Mar: 15 days before (1st-15th) + 16 days after: 5 x 15 + 2.75 x 16 - 3 x 31 = 75 + 44 - 93 = 26.
  // Apr: 30 x 2.75 - 30 x 3 = -7.50.
  // W(4) = 0; W(3) = max(0, 0 + 0) = 0 (retire); W(2) = 26; W(1) = 82; W(0) = 144.
  const base = {
    ...FLAT_ASIC,
    halvingdates: '2026-03-16',
    feeshare: 10,
    asicpowerpricekwh: 0.125,
    asicphysicallifemonths: 4,
    liquidationfactor: 0,
  };
  const A = lot({ id: 'A', assetClass: 'ASIC', hashrateThs: 100, powerW: 1000, unitCost: 100000 });

  it('splits the halving month by days and retires when the margin stays negative', () => {
    const [e] = computeEconomicValues(fleetOf([A]), null, driversFrom(base));
    expect(arr(e.margin)).toEqual([6200, 5600, 2600, -750]);
    expect(e.initialValue).toBe(14400);
    expect(arr(e.economicValue)).toEqual([8200, 2600, 0, 0]);
    expect(arr(e.operating)).toEqual([1, 1, 1, 0]);
    expect(e.economicLifeMonths).toBe(3);
    expect(e.operatingLifeMonths).toBe(3);
  });

  it('a halving shifted by a month moves the cut to April', () => {
    // Halving 2026-04-16: March is whole at $5.00/day: 155 - 93 = 62; April: 15 x 5 + 15 x 2.75 - 90 = 26.25.
    // W(0) = 62 + 56 + 62 + 26.25 = 206.25; every month earns, so the lot runs to the end of its life.
    const [e] = computeEconomicValues(fleetOf([A]), null, driversFrom({ ...base, halvingshiftmonths: 1 }));
    expect(arr(e.margin)).toEqual([6200, 5600, 6200, 2625]);
    expect(e.initialValue).toBe(20625);
    expect(e.economicLifeMonths).toBe(4);
  });

  it('months before the market start see the halving in reverse (subsidy twice as large)', () => {
    // Market start 2026-04-01, after the halving, hashprice $25/PH/day then, no fees: January's reward
    // is twice April's. Jan revenue 100 x $0.025 x 2 x 31 = 155; margin 155 - 93 = 62.
    // (The fee share is the fees' share of the reward at the market start.)
    const [e] = computeEconomicValues(fleetOf([A]), null, driversFrom({ ...base, marketstart: '2026-04-01', hashpricephday: 25, feeshare: 0 }));
    expect(e.margin[0]).toBe(6200);
    // April: 100 x 0.025 x 30 = 75 - 90 = -15.00.
    expect(e.margin[3]).toBe(-1500);
  });
});

describe('units, grouping and unmodelled lots', () => {
  const d = driversFrom(FLAT_ASIC);
  const A = lot({ id: 'A', assetClass: 'ASIC', hashrateThs: 100, powerW: 1000, unitCost: 2000, quantity: 3 });

  it('a per-month units array replaces the quantity', () => {
    // Per-unit end-of-month values 163.40, 90.60, 10.00 (first case) times 3, 3, 1 units.
    const [e] = computeEconomicValues(fleetOf([A]), null, d, { units: { A: [3, 3, 1] } });
    expect(arr(e.economicValue)).toEqual([49020, 27180, 1000]);
    expect(arr(e.economicDepreciation)).toEqual([73200 - 49020, 49020 - 27180, 27180 - 1000]);
    const [z] = computeEconomicValues(fleetOf([A]), null, d, { units: new Map([['A', [3, 0]]]) });
    expect(arr(z.operating)).toEqual([1, 0, 0]);
    expect(arr(z.economicValue)).toEqual([49020, 0, 0]);
  });

  it('lots sharing model and vintage give the same per-unit values as lots valued alone', () => {
    const B = { ...A, id: 'B', quantity: 7 };
    const C = { ...A, id: 'C', inService: '2026-02-01' };
    const together = computeEconomicValues(fleetOf([A, B, C]), null, d);
    const alone = [A, B, C].map((l) => computeEconomicValues(fleetOf([l]), null, d)[0]);
    expect(together.map((e) => e.lotId)).toEqual(['A', 'B', 'C']);
    for (let i = 0; i < 3; i++) expect(arr(together[i].economicValue)).toEqual(arr(alone[i].economicValue));
    // B has 7 units: 163.40 x 7 = 1,143.80.
    expect(together[1].economicValue[0]).toBe(114380);
    // C starts in February: its first month is February's 72.80 margin, x 3 units.
    expect(together[2].margin[0]).toBe(21840);
  });

  it('class Other and lots without specs are reported, not valued', () => {
    const list = computeEconomicValues(
      fleetOf([lot({ id: 'O', assetClass: 'Other' }), lot({ id: 'X', assetClass: 'ASIC', model: 'Unknown rig' }), lot({ id: 'Y', assetClass: 'GPU', model: 'V100' })]),
      null,
      d,
    );
    expect(list.map((e) => e.modelled)).toEqual([false, false, false]);
    expect(list[0].issue).toMatch(/class Other/);
    expect(list[1].issue).toMatch(/Hashrate/);
    // The V100 preset has no server power or rent in economics.md section 6.
    expect(list[2].presetId).toBe('v100_32');
    expect(list[2].issue).toMatch(/Power/);
    expect(list[0].length).toBe(0);
  });

  it('a lot whose Model matches a preset takes its specs; the row overrides them', () => {
    // S21: 200 TH/s, 3,500 W. Jan margin per unit at the flat drivers: 200 x 0.05 x 31 - 3.5 x 24 x 31 x 0.10 = 310 - 260.40 = 49.60.
    const [p, o] = computeEconomicValues(
      fleetOf([lot({ id: 'P', assetClass: 'ASIC', model: 'antminer s21' }), lot({ id: 'Q', assetClass: 'ASIC', model: 'S21', powerW: 3000 })]),
      null,
      d,
    );
    expect(p.presetId).toBe('s21');
    expect(p.margin[0]).toBe(4960);
    // Row power 3,000 W: 310 - 3 x 24 x 31 x 0.10 = 310 - 223.20 = 86.80.
    expect(o.margin[0]).toBe(8680);
  });

  it('power price by lot wins over the class price', () => {
    // Lot A at $0.05/kWh: 5.00 - 1.20 = 3.80/day; Jan 31 x 3.80 = 117.80 per unit, x 3.
    const dl = driversFrom({ ...FLAT_ASIC, powerpricebylotkwh: 'A=0.05' });
    const [e] = computeEconomicValues(fleetOf([A]), null, dl);
    expect(e.margin[0]).toBe(35340);
  });
});
