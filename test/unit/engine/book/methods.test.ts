import { describe, expect, it } from 'vitest';
import { monthIndexOf } from '../../../../shared/domain/dates';
import { computeLotSchedule, percentOfCents } from '../../../../shared/engine/book/schedule';
import { vdb } from '../../../../shared/engine/excel-functions';
import { CALENDAR_YEAR, ends, JULY_YEAR, list, makeLot, monthlyTies, sum } from './helpers';

// Hand-computed schedules (DESIGN.md section 4). Cents throughout; C(t) is the exact cumulative
// depreciation through month t and the book amount is d(t) = round(C(t)) - round(C(t-1)).

describe('salvage and cost', () => {
  it('salvage = round(cost x pct / 100), half away from zero', () => {
    // 12,345 x 10 / 100 = 1,234.5 -> 1,235; 15 x 3.3 / 100 = 0.495 -> 0 (cents) but 1,500 x 3.3 / 100 = 49.5 -> 50
    expect(percentOfCents(12_345, 10)).toBe(1_235);
    expect(percentOfCents(1_500, 3.3)).toBe(50);
    expect(percentOfCents(100_000, 12.5)).toBe(12_500);
  });

  it('the addition carries quantity x unit cost, exactly', () => {
    // 7 x 123,456,789 = 864,197,523 cents
    const s = computeLotSchedule(makeLot({ quantity: 7, unitCost: 123_456_789 }), [], CALENDAR_YEAR);
    expect(s.additions[0]).toBe(864_197_523);
    expect(sum(s.additions)).toBe(864_197_523);
    expect(s.closingCost[s.length - 1]).toBe(864_197_523);
  });
});

describe('SL full-month', () => {
  it('spreads cents by cumulative rounding, from the in-service month (a 31st)', () => {
    // cost 100,000, salvage 0, L = 36, in service 2025-01-31 -> m0 = January 2025, months Jan 2025 .. Dec 2027.
    // C(1) = 100,000 x 1 / 36 = 2,777.78 -> 2,778; C(2) = 5,555.56 -> 5,556 (d = 2,778);
    // C(3) = 8,333.33 -> 8,333 (d = 2,777); C(4) = 11,111.11 -> 11,111 (d = 2,778) ...
    // ... C(36) = 100,000.
    const s = computeLotSchedule(makeLot({ unitCost: 100_000, inService: '2025-01-31' }), [], CALENDAR_YEAR);
    expect(s.startMonth).toBe(monthIndexOf('2025-01-01'));
    expect(s.length).toBe(36);
    const [head, tail] = ends(s.depreciation, 4, 2);
    expect(head).toEqual([2_778, 2_778, 2_777, 2_778]);
    // C(34) = 94,444.44 -> 94,444; C(35) = 97,222.22 -> 97,222 (d = 2,778); C(36) = 100,000 (d = 2,778).
    expect(tail).toEqual([2_778, 2_778]);
    expect(sum(s.depreciation)).toBe(100_000);
    expect(s.closingAccum[35]).toBe(100_000);
    expect(monthlyTies(s)).toBe(true);
  });

  it('rounds an exact half cent away from zero', () => {
    // cost 1,001, L = 2: C(1) = 500.5 -> 501, C(2) = 1,001 -> d = 500.
    const s = computeLotSchedule(makeLot({ unitCost: 1_001, lifeMonths: 2 }), [], CALENDAR_YEAR);
    expect(list(s.depreciation)).toEqual([501, 500]);
  });

  it('stops at salvage', () => {
    // cost 12,345, 10% -> salvage 1,235, base 11,110, L = 4: C = 2,777.5, 5,555, 8,332.5, 11,110
    // -> 2,778, 5,555, 8,333, 11,110 -> d = 2,778, 2,777, 2,778, 2,777; NBV = 1,235.
    const s = computeLotSchedule(makeLot({ unitCost: 12_345, salvagePct: 10, lifeMonths: 4 }), [], CALENDAR_YEAR);
    expect(list(s.depreciation)).toEqual([2_778, 2_777, 2_778, 2_777]);
    expect(s.closingCost[3] - s.closingAccum[3]).toBe(1_235);
  });
});

describe('SL mid-month', () => {
  it('takes half a month in m0 and the last half in m0 + L', () => {
    // cost 120,000, L = 12, in service 2025-03-31: March 2025 half (5,000), Apr 2025 .. Feb 2026 10,000 each,
    // March 2026 the last half (5,000); 13 months, 120,000 in all.
    const s = computeLotSchedule(makeLot({ unitCost: 120_000, lifeMonths: 12, convention: 'mid-month', inService: '2025-03-31' }), [], CALENDAR_YEAR);
    expect(s.length).toBe(13);
    expect(list(s.depreciation)).toEqual([5_000, ...Array(11).fill(10_000), 5_000]);
  });

  it('rounds the cumulative half months', () => {
    // cost 10,000, L = 3: weights 0.5, 1, 1, 0.5 of 3. C = 1,666.67, 5,000, 8,333.33, 10,000
    // -> 1,667, 5,000, 8,333, 10,000 -> d = 1,667, 3,333, 3,333, 1,667.
    const s = computeLotSchedule(makeLot({ unitCost: 10_000, lifeMonths: 3, convention: 'mid-month' }), [], CALENDAR_YEAR);
    expect(list(s.depreciation)).toEqual([1_667, 3_333, 3_333, 1_667]);
  });
});

describe('SL half-year', () => {
  it('fiscal year from July, in service on 2025-08-31', () => {
    // FY2026 = Jul 2025 .. Jun 2026; in service Aug 2025 -> 11 months in FY2026. cost 240,000, L = 24
    // -> 10,000 per month's worth. FY2026: 6 months' worth = 60,000 over 11 months, C(k) = 60,000k/11:
    // 5,454.55 -> 5,455; 10,909.09 -> 10,909 (5,454); 16,363.64 -> 16,364 (5,455); ... C(11) = 60,000.
    // FY2027: 12 months' worth = 120,000 over 12 months (10,000). FY2028: the last 6 months' worth = 60,000
    // over 6 months (Jul .. Dec 2027, 10,000). Length 11 + 12 + 6 = 29.
    const s = computeLotSchedule(makeLot({ unitCost: 240_000, lifeMonths: 24, convention: 'half-year', inService: '2025-08-31' }), [], JULY_YEAR);
    expect(s.length).toBe(29);
    const d = list(s.depreciation);
    expect(d.slice(0, 11)).toEqual([5_455, 5_454, 5_455, 5_454, 5_455, 5_454, 5_455, 5_454, 5_455, 5_454, 5_455]);
    expect(sum(d.slice(0, 11))).toBe(60_000);
    expect(d.slice(11, 23)).toEqual(Array(12).fill(10_000));
    expect(d.slice(23)).toEqual(Array(6).fill(10_000));
  });

  it('gives the first fiscal year 6 months whatever the month (calendar year, December)', () => {
    // cost 360,000, L = 36, in service Dec 2025: 6 months' worth (60,000) all in December 2025,
    // 2026 and 2027 120,000 each (10,000 a month), 2028 the last 6 months' worth over Jan .. Jun.
    const s = computeLotSchedule(makeLot({ convention: 'half-year', inService: '2025-12-01' }), [], CALENDAR_YEAR);
    const d = list(s.depreciation);
    expect(d[0]).toBe(60_000);
    expect(d.slice(1)).toEqual(Array(30).fill(10_000));
    expect(s.length).toBe(31);
  });
});

describe('SL mid-quarter', () => {
  it('fourth fiscal quarter: 1.5 months in the first year, then as half-year', () => {
    // Calendar fiscal year; in service Nov 2025 (Q4), cost 360,000, L = 36 -> 10,000 per month's worth.
    // FY2025: 1.5 months' worth = 15,000 over Nov, Dec (7,500 each). FY2026, FY2027: 120,000 each.
    // FY2028: 36 - 1.5 - 24 = 10.5 months' worth = 105,000 over ceil(10.5) = 11 months:
    // C(k) = 255,000 + 105,000k/11: 264,545.45 -> 264,545 (9,545); 274,090.91 -> 274,091 (9,546); ...
    const s = computeLotSchedule(makeLot({ convention: 'mid-quarter', inService: '2025-11-30' }), [], CALENDAR_YEAR);
    const d = list(s.depreciation);
    expect(s.length).toBe(2 + 24 + 11);
    expect(d.slice(0, 2)).toEqual([7_500, 7_500]);
    expect(d.slice(2, 26)).toEqual(Array(24).fill(10_000));
    expect(d.slice(26, 29)).toEqual([9_545, 9_546, 9_545]);
    expect(sum(d.slice(26))).toBe(105_000);
    expect(sum(d)).toBe(360_000);
  });

  it('first fiscal quarter with a July fiscal year: 10.5 months over the 12 months in service', () => {
    // In service 2025-07-01 = FY2026-Q1; cost 240,000, L = 24 -> 10,000 per month's worth.
    // FY2026: 105,000 over 12 months = 8,750. FY2027: 12 months' worth (120,000).
    // FY2028: 24 - 10.5 - 12 = 1.5 months' worth = 15,000 over ceil(1.5) = 2 months (7,500 each).
    const s = computeLotSchedule(makeLot({ unitCost: 240_000, lifeMonths: 24, convention: 'mid-quarter', inService: '2025-07-01' }), [], JULY_YEAR);
    const d = list(s.depreciation);
    expect(d.slice(0, 12)).toEqual(Array(12).fill(8_750));
    expect(d.slice(12, 24)).toEqual(Array(12).fill(10_000));
    expect(d.slice(24)).toEqual([7_500, 7_500]);
  });

  it('second and third quarters: 7.5 and 4.5 months', () => {
    // Calendar year, cost 360,000, L = 36. In service May (Q2): 7.5 x 10,000 = 75,000 over May..Dec (8 months)
    // = 9,375. In service Aug (Q3): 4.5 x 10,000 = 45,000 over Aug..Dec (5 months) = 9,000.
    const q2 = list(computeLotSchedule(makeLot({ convention: 'mid-quarter', inService: '2025-05-20' }), [], CALENDAR_YEAR).depreciation);
    const q3 = list(computeLotSchedule(makeLot({ convention: 'mid-quarter', inService: '2025-08-31' }), [], CALENDAR_YEAR).depreciation);
    expect(q2.slice(0, 8)).toEqual(Array(8).fill(9_375));
    expect(q3.slice(0, 5)).toEqual(Array(5).fill(9_000));
    expect(sum(q2)).toBe(360_000);
    expect(sum(q3)).toBe(360_000);
  });
});

describe('declining balance (through VDB per asset-year)', () => {
  it('DDB, 5 years, 10% salvage', () => {
    // cost 1,000,000, salvage 100,000, L = 60, rate 2/5 = 0.4. Per asset-year (DDB vs SL on what remains):
    // y1 400,000 (SL 900,000/5 = 180,000); y2 0.4 x 600,000 = 240,000 (SL 125,000); y3 0.4 x 360,000 = 144,000
    // (SL 86,666.67); y4 0.4 x 216,000 = 86,400 (SL 58,000); y5 min(0.4 x 129,600, 129,600 - 100,000) = 29,600.
    // Sum 900,000. Month: y1 400,000/12 = 33,333.33: C = 33,333.33, 66,666.67, 100,000 -> 33,333, 33,334, 33,333.
    const lot = makeLot({ unitCost: 1_000_000, salvagePct: 10, lifeMonths: 60, method: 'DDB' });
    const s = computeLotSchedule(lot, [], CALENDAR_YEAR);
    const d = list(s.depreciation);
    const years = [0, 1, 2, 3, 4].map((y) => sum(d.slice(12 * y, 12 * y + 12)));
    expect(years).toEqual([400_000, 240_000, 144_000, 86_400, 29_600]);
    expect(d.slice(0, 3)).toEqual([33_333, 33_334, 33_333]);
    expect(d.slice(24, 36)).toEqual(Array(12).fill(12_000));
    for (let y = 1; y <= 5; y++) expect(years[y - 1]).toBeCloseTo(vdb(1_000_000, 100_000, 5, y - 1, y, 2, false), 6);
  });

  it('150DB with a life of 2.5 years switches to straight line, the last asset-year short', () => {
    // cost 1,000,000, salvage 0, L = 30, rate 1.5/2.5 = 0.6. y1: 600,000 (SL 400,000).
    // y2: DB 0.6 x 400,000 = 240,000 < SL 400,000/1.5 = 266,666.67 -> switch, 266,666.67.
    // y3 = VDB(.., 2, 2.5): half of the SL amount = 133,333.33 over its 6 months.
    // Months: y1 50,000; y2 22,222.22 (C from 600,000: 622,222.22 -> 622,222, ...); y3 22,222.22.
    const s = computeLotSchedule(makeLot({ unitCost: 1_000_000, lifeMonths: 30, method: '150DB' }), [], CALENDAR_YEAR);
    const d = list(s.depreciation);
    expect(s.length).toBe(30);
    expect(d.slice(0, 12)).toEqual(Array(12).fill(50_000));
    expect(d.slice(12, 15)).toEqual([22_222, 22_222, 22_223]); // 622,222.22 / 644,444.44 / 666,666.67
    expect(sum(d.slice(12, 24))).toBe(266_667);
    expect(sum(d.slice(24))).toBe(133_333);
    expect(sum(d)).toBe(1_000_000);
  });

  it('DDB and SYD ignore a convention other than full-month', () => {
    const full = computeLotSchedule(makeLot({ method: 'DDB' }), [], CALENDAR_YEAR);
    const mid = computeLotSchedule(makeLot({ method: 'DDB', convention: 'mid-month' }), [], CALENDAR_YEAR);
    expect(list(mid.depreciation)).toEqual(list(full.depreciation));
  });
});

describe('SYD', () => {
  it('asset-year y gets SYD(cost, salvage, L/12, y) spread over 12 months', () => {
    // cost 360,000, salvage 0, 3 years, digits 3 + 2 + 1 = 6: y1 180,000 (15,000/month), y2 120,000 (10,000),
    // y3 60,000 (5,000).
    const s = computeLotSchedule(makeLot({ method: 'SYD' }), [], CALENDAR_YEAR);
    expect(list(s.depreciation)).toEqual([...Array(12).fill(15_000), ...Array(12).fill(10_000), ...Array(12).fill(5_000)]);
  });

  it('rounds cumulatively within the year', () => {
    // cost 100,000, salvage 10% = 10,000, 3 years: y1 = 90,000 x 3/6 = 45,000 -> 3,750/month;
    // y2 = 30,000 -> 2,500; y3 = 15,000 -> 1,250. With cost 100,001 (salvage 10,000.1 -> 10,000, base 90,001):
    // y1 = 45,000.5 -> C(1) = 3,750.04 -> 3,750 ... C(12) = 45,000.5 -> 45,001.
    const s = computeLotSchedule(makeLot({ unitCost: 100_001, salvagePct: 10, method: 'SYD' }), [], CALENDAR_YEAR);
    expect(s.closingAccum[11]).toBe(45_001);
    expect(s.closingAccum[35]).toBe(90_001);
  });
});
