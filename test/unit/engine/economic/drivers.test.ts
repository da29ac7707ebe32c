import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Assumptions } from '../../../../shared/domain/fleet';
import { DRIVER_DEFS, driverKey, marketFromAssumptions, withDriver } from '../../../../shared/engine/economic';

const read = (drivers: Record<string, number | string>, a: Partial<Assumptions> = {}) =>
  marketFromAssumptions({ ...DEFAULT_ASSUMPTIONS, ...a, drivers });

describe('DRIVER_DEFS', () => {
  it('each label normalises to its key, keys are unique, and every def has a source', () => {
    const keys = new Set<string>();
    for (const d of DRIVER_DEFS) {
      expect(driverKey(d.label)).toBe(d.key);
      expect(keys.has(d.key)).toBe(false);
      keys.add(d.key);
      expect(d.source.length).toBeGreaterThan(10);
    }
  });

  it('numeric stress ranges bracket the default and lie within the valid range', () => {
    for (const d of DRIVER_DEFS) {
      if (d.low === undefined || d.high === undefined) continue;
      expect(d.low).toBeLessThanOrEqual(d.high);
      if (typeof d.default === 'number') {
        expect(d.low).toBeLessThanOrEqual(d.default);
        expect(d.default).toBeLessThanOrEqual(d.high);
      }
      for (const v of [d.low, d.high]) {
        if (d.min !== undefined) expect(v).toBeGreaterThanOrEqual(d.min);
        if (d.max !== undefined) expect(v).toBeLessThanOrEqual(d.max);
        if (d.above !== undefined) expect(v).toBeGreaterThan(d.above);
        if (d.below !== undefined) expect(v).toBeLessThan(d.below);
      }
    }
  });

  it('every low and high value is accepted by marketFromAssumptions', () => {
    for (const d of DRIVER_DEFS) {
      for (const v of [d.low, d.high]) {
        if (v === undefined) continue;
        const r = marketFromAssumptions(withDriver({ ...DEFAULT_ASSUMPTIONS, drivers: {} }, d.key, v));
        expect(r.ok, `${d.label} = ${v}`).toBe(true);
      }
    }
  });
});

describe('marketFromAssumptions', () => {
  it('defaults are the figures of economics.md 5.8 and section 6, as decimals', () => {
    const r = read({});
    if (!r.ok) throw new Error('defaults must read');
    const d = r.value;
    expect(d.marketStart).toBe('2026-01-01');
    expect(d.asic).toMatchObject({ hashpriceUsdPerPhDay: 39.5, hashpriceDrift: -0.2, feeShare: 0.01, uptime: 0.97, poolFee: 0.015, powerPriceKwh: 0.045, degradation: 0.02, physicalLifeMonths: 72, resaleModel: 'cashflow' });
    expect(d.asic.halvingDates).toEqual(['2024-04-20', '2028-04-15', '2032-04-15']);
    expect(d.gpu).toMatchObject({ rentDecay: 0.2, successorStep: 0.25, utilization: 0.85, pue: 1.3, idleFraction: 0.35, powerPriceKwh: 0.08, coloUsdPerKwMonth: 150, opsPctCapexPerYear: 0.08, physicalLifeMonths: 72, resaleModel: 'anchor' });
    expect(d.resale).toMatchObject({ liquidationFactor: 0.85, buyerPowerPriceKwh: 0.04, buyerPaybackMonths: 18, buyerHurdle: 0.3 });
    // The class discount rates fall back to the fixed Discount Rate % (12 by default).
    expect(d.asic.discountRate).toBe(0.12);
    expect(d.gpu.discountRate).toBe(0.12);
  });

  it('class keys override the fixed discount rate; the general power price fills absent class prices', () => {
    const r = read({ asicdiscountrate: 15, powerpricekwh: 0.06, gpupowerpricekwh: 0.09 }, { discountRatePct: 10 });
    if (!r.ok) throw new Error();
    expect(r.value.asic.discountRate).toBe(0.15);
    expect(r.value.gpu.discountRate).toBe(0.1);
    expect(r.value.asic.powerPriceKwh).toBe(0.06);
    expect(r.value.gpu.powerPriceKwh).toBe(0.09);
  });

  it('market start: the key, else As Of, else the default figures date', () => {
    const a = read({}, { asOf: '2026-06-30' });
    const b = read({ marketstart: '2026-03' }, { asOf: '2026-06-30' });
    if (!a.ok || !b.ok) throw new Error();
    expect(a.value.marketStart).toBe('2026-06-30');
    expect(a.value.asOf).toBe('2026-06-30');
    expect(b.value.marketStart).toBe('2026-03-01');
  });

  it('reads text forms: percent signs, $/TH/day alias, Excel serial dates, maps', () => {
    const r = read({
      uptime: '95%',
      hashpricethday: 0.04,
      halvingdates: 46858, // Excel serial of 2028-04-15
      gpurentbymodelgpuhr: 'H100 = 2.10; b200:5.5, ; Custom X=1',
      gpurentdecaybymodelyr: 'A100=28',
      successordates: 'H100=2027-06 2028-06; 2029-01',
      powerpricebylotkwh: 'L-1=0.03; L-2=0.05',
      asicresalemodel: 'Age',
    });
    if (!r.ok) throw new Error(r.error.map((p) => p.message).join('\n'));
    const d = r.value;
    expect(d.asic.uptime).toBe(0.95);
    expect(d.asic.hashpriceUsdPerPhDay).toBe(40);
    expect(d.asic.halvingDates).toEqual(['2028-04-15']);
    expect(d.gpu.rentByModel).toEqual({ h100_sxm: 2.1, b200: 5.5, customx: 1 });
    expect(d.gpu.rentDecayByModel).toEqual({ a100_80: 0.28 });
    expect(d.gpu.successorDates).toEqual({ h100_sxm: ['2027-06-01', '2028-06-01'], '*': ['2029-01-01'] });
    expect(d.powerPriceByLot).toEqual({ 'L-1': 0.03, 'L-2': 0.05 });
    expect(d.asic.resaleModel).toBe('anchor');
  });

  it('the halving shift moves only halvings after the market start', () => {
    const r = read({ halvingshiftmonths: -3 });
    if (!r.ok) throw new Error();
    expect(r.value.asic.halvingDates).toEqual(['2024-04-20', '2028-01-15', '2032-01-15']);
  });

  it('reports every bad value at once, on sheet Assumptions, naming the key', () => {
    const r = read({ uptime: 150, pue: 'high', asicphysicallifemonths: 30.5, halvingdates: '2028-13-01', gpuresalemodel: 'magic', gpurentbymodelgpuhr: 'H100=cheap', marketstart: 'soon' }, { discountRatePct: -100 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const msgs = r.error.map((p) => p.message);
    expect(r.error.every((p) => p.sheet === 'Assumptions' && p.severity === 'error')).toBe(true);
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Uptime %: 150 is out of range \(>= 0 and <= 100\)$/),
        expect.stringMatching(/^PUE: "high" is not a number$/),
        expect.stringMatching(/^ASIC Physical Life \(months\): 30.5 must be a whole number$/),
        expect.stringMatching(/^Halving Dates: "2028-13-01" is not a date/),
        expect.stringMatching(/^GPU Resale Model: "magic" is not one of cashflow, anchor, exponential$/),
        expect.stringMatching(/^GPU Rent by Model \(\$\/GPU-hr\): "H100=cheap"/),
        expect.stringMatching(/^Market Start: "soon" is not a date/),
        expect.stringMatching(/^Discount Rate %: -100 is out of range/),
      ]),
    );
    expect(msgs.length).toBe(8);
  });

  it('both hashprice keys at once is a problem, not a silent choice', () => {
    const r = read({ hashpricephday: 40, hashpricethday: 0.05 });
    expect(r.ok).toBe(false);
  });

  it('warns when a percentage looks like a fraction (an Excel percent cell read raw)', () => {
    const r = read({ gpuutilization: 0.85 });
    if (!r.ok) throw new Error();
    expect(r.value.gpu.utilization).toBe(0.0085);
    expect(r.value.warnings).toHaveLength(1);
    expect(r.value.warnings[0].message).toMatch(/^GPU Utilization %: 0.85 reads as 0.85%/);
  });

  it('withDriver sets the fixed discount rate field or a driver key, without touching the input', () => {
    const a: Assumptions = { ...DEFAULT_ASSUMPTIONS, drivers: { uptime: 90 } };
    const b = withDriver(a, 'discountrate', 20);
    const c = withDriver(a, 'uptime', 95);
    expect(b.discountRatePct).toBe(20);
    expect(c.drivers.uptime).toBe(95);
    expect(a.drivers.uptime).toBe(90);
    expect(a.discountRatePct).toBe(DEFAULT_ASSUMPTIONS.discountRatePct);
  });
});
