import { describe, expect, it } from 'vitest';
import { computeBookSchedules } from '../../../../shared/engine/book';
import { computeEconomicValues, marketFromAssumptions, rollupEconomics } from '../../../../shared/engine/economic';
import { evaluateFleet, unitsAfterDisposals } from '../../../../shared/engine/stress';
import { mixedFleet } from './helpers';

/**
 * The stress engine's own grouped solve must give the economic engine's figures exactly (it reuses
 * its kernels in the same order): here against computeEconomicValues + rollupEconomics, computed
 * independently, over mixed fleets and driver sets.
 */
const DRIVER_SETS: Record<string, number | string>[] = [
  {},
  { asicresalemodel: 'exponential', gpuresalemodel: 'cashflow', successordates: 'H100=2026-09; 2027-03', gpurentdecaybymodelyr: 'A100=30' },
  { asicresalemodel: 'anchor', gpuresalemodel: 'exponential', powerpricebylotkwh: 'L1=0.03; L5=0.12', asicphysicallifemonths: 48, gpuphysicallifemonths: 84 },
  { hashpricedriftyr: -35, halvingshiftmonths: 3, hashboarddegradationyr: 5, asicdiscountrate: 25, marketstart: '2026-03-01' },
];

describe('evaluateFleet agrees with the economic engine and its rollup', () => {
  DRIVER_SETS.forEach((keys, n) => {
    it(`driver set ${n}`, () => {
      const fleet = mixedFleet(300, 7 + n, keys);
      const market = marketFromAssumptions(fleet.assumptions);
      if (!market.ok) throw new Error(JSON.stringify(market.error));
      const books = computeBookSchedules(fleet);
      const lots = computeEconomicValues(fleet, books, market.value, { units: unitsAfterDisposals(fleet) });
      const r = rollupEconomics(lots).asOf;
      const o = evaluateFleet(fleet);
      if (!o.ok) throw new Error(JSON.stringify(o.error));
      expect(o.value.economicValue).toBe(r.economicValue);
      expect(o.value.valuedBookNbv).toBe(r.bookNbv);
      expect(o.value.gaapImpairedLots).toBe(r.recoverabilityImpairedLots);
      expect(o.value.ifrsImpairedLots).toBe(r.ifrsImpairedLots);
      expect(o.value.ifrsImpairment).toBe(r.ifrsShortfall);
      expect(o.value.gap).toBe(r.bookNbv - r.economicValue);
      expect(o.value.valuedLots).toBe(lots.filter((e) => e.asOfIndex >= 0).length);
      expect(o.value.economicValue).toBeGreaterThan(0);
    });
  });
});
