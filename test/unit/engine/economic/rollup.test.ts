import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../shared/domain/dates';
import { computeEconomicValues, rollupByClass, rollupEconomics } from '../../../../shared/engine/economic';
import { arr, bookOf, driversFrom, fleetOf, lot } from './helpers';

// Two flat-market cases from compute.test.ts: the ASIC lot (per-lot EV 490.20, 271.80, 30.00 at the
// ends of Jan-Mar 2026, initial 732.00) and a GPU lot starting in February.
const d = driversFrom({
  marketstart: '2026-01-01', hashpricephday: 50, hashpricedriftyr: 0, halvingdates: 'none', feeshare: 0, uptime: 100, poolfee: 0,
  asicpowerpricekwh: 0.1, hashboarddegradationyr: 0, asicdiscountrate: 0, asicphysicallifemonths: 3, asicresalemodel: 'exponential',
  resaledecayyr: 0, liquidationfactor: 50,
  gpurentdecayyr: 0, gpuutilization: 100, pue: 1, idlepowerfraction: 0, gpupowerpricekwh: 0.1, colocationkwmonth: 10,
  gpuoperationsofcapexyr: 12, gpudiscountrate: 0, gpuphysicallifemonths: 4, gpuresalemodel: 'exponential',
}, { asOf: '2026-02-28' });
const lots = [
  lot({ id: 'A', assetClass: 'ASIC', hashrateThs: 100, powerW: 1000, unitCost: 2000, quantity: 3 }),
  // One GPU unit from February: per month 1,367 net of $20 fixed; salvage $500; W(end) = 1,867, ...
  lot({ id: 'G', assetClass: 'GPU', gpusPerUnit: 1, powerW: 1000, rentPerGpuHour: 2, unitCost: 100000, inService: '2026-02-01' }),
  lot({ id: 'O', assetClass: 'Other' }),
];

describe('rollupEconomics', () => {
  const list = computeEconomicValues(fleetOf(lots), null, d);

  it('sums lots over the union of their months, each only within its own life', () => {
    const r = rollupEconomics(list);
    expect(r.startMonth).toBe(monthIndexOf('2026-01-01'));
    // ASIC Jan-Mar, GPU Feb-May: Jan..May.
    expect(r.length).toBe(5);
    expect(r.lots).toBe(2);
    expect(r.unmodelledLots).toBe(1);
    // GPU per-lot EV: 4,601 (Feb), 3,234, 1,867, 500.
    expect(arr(r.economicValue)).toEqual([49020, 27180 + 460100, 3000 + 323400, 186700, 50000]);
    // Economic depreciation of the fleet is the lots' own, so the GPU arriving is not a negative depreciation.
    expect(arr(r.economicDepreciation)).toEqual([24180, 21840 + (596800 - 460100), 24180 + 136700, 136700, 136700]);
    expect(arr(r.operatingLots)).toEqual([1, 2, 2, 1, 1]);
    // Cash: ASIC margins (no fixed costs); GPU 1,387 - 20 = 1,367 a month.
    expect(arr(r.cashFlow)).toEqual([24180, 21840 + 136700, 24180 + 136700, 136700, 136700]);
    expect(r.bookNbv).toBeUndefined();
  });

  it('filters by class, by lot ids or by predicate', () => {
    expect(arr(rollupEconomics(list, 'GPU').economicValue)).toEqual([460100, 323400, 186700, 50000]);
    expect(rollupEconomics(list, 'GPU').startMonth).toBe(monthIndexOf('2026-02-01'));
    expect(rollupEconomics(list, ['A']).lots).toBe(1);
    expect(rollupEconomics(list, (e) => e.model === 'nothing').length).toBe(0);
    const byClass = rollupByClass(list);
    expect(Object.keys(byClass).sort()).toEqual(['ASIC', 'GPU', 'Other']);
    expect(byClass.Other!.unmodelledLots).toBe(1);
    expect(arr(byClass.ASIC!.economicValue)).toEqual([49020, 27180, 3000]);
  });

  it('book NBV, gap and as-of totals when books are given', () => {
    // ASIC book: cost 6,000, 3 months SL: NBV 4,000, 2,000, 0. GPU book: cost 100,000, 4 months: 75,000 ...
    const books = [
      bookOf('A', monthIndexOf('2026-01-01'), 6000, [2000, 4000, 6000]),
      bookOf('G', monthIndexOf('2026-02-01'), 100000, [25000, 50000, 75000, 100000]),
    ];
    const r = rollupEconomics(computeEconomicValues(fleetOf(lots), books, d));
    expect(arr(r.bookNbv)).toEqual([4000, 2000 + 75000, 0 + 50000, 25000, 0]);
    expect(arr(r.gap)).toEqual([4000 - 49020, 77000 - 487280, 50000 - 326400, 25000 - 186700, 0 - 50000]);
    // As of end of February: ASIC EV 27,180 vs NBV 2,000; GPU EV 460,100 vs 75,000: nothing impaired.
    expect(r.asOf).toEqual({ economicValue: 487280, bookNbv: 77000, undiscountedCashFlows: expect.any(Number), recoverabilityImpairedLots: 0, ifrsImpairedLots: 0, ifrsShortfall: 0 });
    // Undiscounted after February: ASIC 80.60 x 3 + 30 = 271.80; GPU 3 x 1,367 + 500 = 4,601.
    expect(r.asOf.undiscountedCashFlows).toBe(27180 + 460100);
    // Books in another order are matched by lot id.
    const reversed = rollupEconomics(computeEconomicValues(fleetOf(lots), [...books].reverse(), d));
    expect(arr(reversed.bookNbv)).toEqual(arr(r.bookNbv));
  });
});

describe('the value follows the units still held', () => {
  it('a disposal of one unit of three in February leaves two thirds of the value from then on', () => {
    const fleet = fleetOf([lots[0]]);
    fleet.events = [{ type: 'disposal', date: '2026-02-10', lotId: 'A', units: 1, proceeds: 0 }];
    const [a] = computeEconomicValues(fleet, null, d);
    // Per unit at the ends of Jan-Mar: 163.40, 90.60, 10.00 (the lot of three: 490.20, 271.80, 30.00).
    // January is held by three units, February and March by two: 490.20, 181.20, 20.00.
    expect(arr(a.economicValue)).toEqual([49020, 18120, 2000]);
  });
});
