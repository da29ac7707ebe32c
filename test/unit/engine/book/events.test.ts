import { describe, expect, it } from 'vitest';
import type { FleetEvent } from '../../../../shared/domain/fleet';
import { computeLotSchedule, computeLotScheduleDetailed } from '../../../../shared/engine/book/schedule';
import { SCHEDULE_FLAG } from '../../../../shared/engine/book/types';
import { CALENDAR_YEAR, list, makeLot, monthlyTies, sum } from './helpers';

// Hand-computed schedules with events (DESIGN.md section 4). The base lot: cost 360,000 cents,
// salvage 0, L = 36, SL full-month from January 2025 -> 10,000 a month.

const ev = (e: Omit<FleetEvent, 'lotId'> & Record<string, unknown>): FleetEvent => ({ lotId: 'L1', ...e }) as FleetEvent;

describe('change of estimate', () => {
  it('re-spreads NBV less the new salvage over the months left of the new life', () => {
    // Jan 2025 .. Dec 2025: 12 x 10,000 -> NBV 240,000 at the start of January 2026 (e - m0 = 12).
    // New life 24 months, salvage 10% of 360,000 = 36,000: r = 24 - 12 = 12 months,
    // (240,000 - 36,000) / 12 = 17,000 a month, Jan .. Dec 2026. Nothing booked before changes.
    const s = computeLotSchedule(makeLot(), [ev({ type: 'change-estimate', date: '2026-01-20', lifeMonths: 24, salvagePct: 10 })], CALENDAR_YEAR);
    expect(s.length).toBe(24);
    expect(list(s.depreciation)).toEqual([...Array(12).fill(10_000), ...Array(12).fill(17_000)]);
    expect(s.closingCost[23] - s.closingAccum[23]).toBe(36_000);
  });

  it('books all of it in the event month when the new life has already run out', () => {
    // New life 6 months, effective month 13: r = 6 - 12 <= 0 -> NBV 240,000 - 0 all in January 2026.
    const s = computeLotSchedule(makeLot(), [ev({ type: 'change-estimate', date: '2026-01-01', lifeMonths: 6 })], CALENDAR_YEAR);
    expect(s.length).toBe(13);
    expect(s.depreciation[12]).toBe(240_000);
  });

  it('a salvage above the carrying amount stops depreciation (no write-back)', () => {
    // After 30 months NBV = 60,000; new salvage 20% = 72,000 > NBV -> capped at 60,000, nothing more to book.
    const d = computeLotScheduleDetailed(makeLot(), [ev({ type: 'change-estimate', date: '2027-07-01', salvagePct: 20 })], CALENDAR_YEAR);
    expect(sum(d.schedule.depreciation)).toBe(300_000);
    expect(d.final.salvage).toBe(60_000);
    expect(list(d.schedule.depreciation).slice(30)).toEqual(Array(6).fill(0));
  });

  it('extends a mid-month life with full months from the event month', () => {
    // cost 120,000, L = 12 mid-month from Jan 2025: Jan 5,000, Feb .. Jun 10,000 -> NBV 65,000 at the start of July.
    // New life 18: r = 18 - 6 = 12 months -> 65,000 / 12 = 5,416.67: C = 5,416.67 -> 5,417, 10,833.33 -> 10,833 ...
    const s = computeLotSchedule(
      makeLot({ unitCost: 120_000, lifeMonths: 12, convention: 'mid-month' }),
      [ev({ type: 'change-estimate', date: '2025-07-31', lifeMonths: 18 })],
      CALENDAR_YEAR,
    );
    expect(s.length).toBe(18);
    expect(list(s.depreciation).slice(6, 9)).toEqual([5_417, 5_416, 5_417]);
    expect(sum(s.depreciation)).toBe(120_000);
  });
});

describe('change of estimate under the half-year convention', () => {
  it('turns to even months from the event month', () => {
    // cost 360,000, L = 36, half-year, calendar year, in service Apr 2025: 2025 gets 6 months' worth = 60,000
    // over Apr .. Dec (9 months, 6,666.67 a month: C = 6,666.67 -> 6,667; 13,333.33 -> 13,333; 20,000 ...).
    // Change on 2026-01-01 to L = 30 (e - m0 = 9): NBV 300,000 over r = 30 - 9 = 21 months = 14,285.71 a month
    // (C = 14,285.71 -> 14,286; 28,571.43 -> 28,571 ...), Jan 2026 .. Sep 2027.
    const s = computeLotSchedule(
      makeLot({ convention: 'half-year', inService: '2025-04-30' }),
      [ev({ type: 'change-estimate', date: '2026-01-01', lifeMonths: 30 })],
      CALENDAR_YEAR,
    );
    expect(list(s.depreciation).slice(0, 3)).toEqual([6_667, 6_666, 6_667]);
    expect(sum(list(s.depreciation).slice(0, 9))).toBe(60_000);
    expect(list(s.depreciation).slice(9, 12)).toEqual([14_286, 14_285, 14_286]);
    expect(s.length).toBe(30);
    expect(s.closingAccum[29]).toBe(360_000);
  });
});

describe('impairment', () => {
  it('after the month’s depreciation, then straight line over the life that remains', () => {
    // Jan .. Jun 2025: 60,000 -> NBV 300,000 at the end of June. Fair value 150,000: loss 150,000 in June.
    // Remaining 30 months (Jul 2025 .. Dec 2027): 150,000 / 30 = 5,000 a month.
    const s = computeLotSchedule(makeLot(), [ev({ type: 'impairment', date: '2025-06-02', fairValue: 150_000 })], CALENDAR_YEAR);
    expect(s.depreciation[5]).toBe(10_000);
    expect(s.impairment[5]).toBe(150_000);
    expect(list(s.depreciation).slice(6)).toEqual(Array(30).fill(5_000));
    expect(s.closingAccum[35]).toBe(360_000);
    expect(monthlyTies(s)).toBe(true);
  });

  it('salvage becomes min(salvage, fair value)', () => {
    // Salvage 10% = 36,000, base 324,000 -> 9,000 a month; NBV end of June = 360,000 - 54,000 = 306,000.
    // Fair value 30,000 < salvage: loss 276,000, salvage 30,000, nothing left to depreciate.
    const d = computeLotScheduleDetailed(makeLot({ salvagePct: 10 }), [ev({ type: 'impairment', date: '2025-06-30', fairValue: 30_000 })], CALENDAR_YEAR);
    expect(d.schedule.impairment[5]).toBe(276_000);
    expect(d.final.salvage).toBe(30_000);
    expect(sum(d.schedule.depreciation)).toBe(54_000);
    expect(d.schedule.length).toBe(36); // the life still runs to its end
  });

  it('a fair value at or above NBV changes nothing (no write-up under US GAAP)', () => {
    const plain = computeLotSchedule(makeLot(), [], CALENDAR_YEAR);
    const s = computeLotSchedule(makeLot(), [ev({ type: 'impairment', date: '2025-06-30', fairValue: 500_000 })], CALENDAR_YEAR);
    expect(list(s.depreciation)).toEqual(list(plain.depreciation));
    expect(sum(s.impairment)).toBe(0);
  });

  it('a declining-balance lot turns to even months after an impairment', () => {
    // DDB, cost 360,000, L = 36, salvage 0: y1 = 0.667 x 360,000 = 240,000 -> 20,000 a month.
    // End of month 12: NBV 120,000; fair value 48,000 -> loss 72,000; 24 months remain -> 2,000 a month.
    const s = computeLotSchedule(makeLot({ method: 'DDB' }), [ev({ type: 'impairment', date: '2025-12-31', fairValue: 48_000 })], CALENDAR_YEAR);
    expect(list(s.depreciation).slice(0, 12)).toEqual(Array(12).fill(20_000));
    expect(s.impairment[11]).toBe(72_000);
    expect(list(s.depreciation).slice(12)).toEqual(Array(24).fill(2_000));
  });

  it('keeps the mid-month curve: the last half month stays half', () => {
    // cost 120,000, L = 12 mid-month: Jan 5,000, Feb .. Jun 10,000 -> NBV 65,000 at the end of June.
    // Fair value 44,000 (loss 21,000). Left of the curve: 12 - 5.5 = 6.5 months' worth (Jul .. Dec full,
    // January 2026 half) -> 44,000 / 6.5 = 6,769.23 a month, about half of it in the last half month.
    const s = computeLotSchedule(
      makeLot({ unitCost: 120_000, lifeMonths: 12, convention: 'mid-month' }),
      [ev({ type: 'impairment', date: '2025-06-15', fairValue: 44_000 })],
      CALENDAR_YEAR,
    );
    expect(s.impairment[5]).toBe(21_000);
    const after = list(s.depreciation).slice(6);
    // C(k) = 44,000 x k / 6.5: 6,769.23 -> 6,769; 13,538.46 -> 13,538 (6,769); 20,307.69 -> 20,308 (6,770) ...
    expect(after.slice(0, 3)).toEqual([6_769, 6_769, 6_770]);
    expect(after[6]).toBe(3_385); // 44,000 - round(44,000 x 6 / 6.5 = 40,615.38)
    expect(sum(after)).toBe(44_000);
  });
});

describe('held for sale', () => {
  it('stops depreciation from its month and writes down to fair value less costs to sell', () => {
    // Jan .. Mar: 30,000 -> NBV 330,000. Held for sale 2025-04-10 at 200,000: no depreciation in April
    // (full-month, as a disposal), write-down 130,000 in April's impairment column. The schedule ends with
    // its last event unless a disposal follows: sold 2025-06-05 for 210,000 -> gain 210,000 - 200,000 = 10,000.
    const s = computeLotSchedule(
      makeLot(),
      [ev({ type: 'held-for-sale', date: '2025-04-10', fairValueLessCosts: 200_000 }), ev({ type: 'disposal', date: '2025-06-05', units: 1, proceeds: 210_000 })],
      CALENDAR_YEAR,
    );
    expect(s.length).toBe(6);
    expect(list(s.depreciation)).toEqual([10_000, 10_000, 10_000, 0, 0, 0]);
    expect(s.impairment[3]).toBe(130_000);
    expect(s.gainLoss[5]).toBe(10_000);
    expect(s.disposedCost[5]).toBe(360_000);
    expect(s.disposedAccum[5]).toBe(160_000);
    expect(s.flags[2] & SCHEDULE_FLAG.heldForSale).toBe(0);
    expect(s.flags[3] & SCHEDULE_FLAG.heldForSale).toBeTruthy();
    expect(s.flags[5] & SCHEDULE_FLAG.disposedAll).toBeTruthy();
    expect(s.closingCost[5]).toBe(0);
    expect(s.closingAccum[5]).toBe(0);
  });

  it('does not write up when fair value less costs exceeds NBV', () => {
    const s = computeLotSchedule(makeLot(), [ev({ type: 'held-for-sale', date: '2025-04-01', fairValueLessCosts: 900_000 })], CALENDAR_YEAR);
    expect(sum(s.impairment)).toBe(0);
    expect(s.length).toBe(4);
    expect(s.closingCost[3] - s.closingAccum[3]).toBe(330_000);
  });

  it('writes down again on a lower later measure, never up', () => {
    // Held for sale in April at 200,000 (write-down 130,000, see above); June remeasured at 150,000 (a further
    // 50,000); August at 180,000 (no write-up). NBV stays 150,000; nothing is depreciated.
    const s = computeLotSchedule(
      makeLot(),
      [
        ev({ type: 'held-for-sale', date: '2025-04-10', fairValueLessCosts: 200_000 }),
        ev({ type: 'held-for-sale', date: '2025-06-30', fairValueLessCosts: 150_000 }),
        ev({ type: 'held-for-sale', date: '2025-08-31', fairValueLessCosts: 180_000 }),
      ],
      CALENDAR_YEAR,
    );
    expect(list(s.impairment)).toEqual([0, 0, 0, 130_000, 0, 50_000, 0, 0]);
    expect(s.closingCost[7] - s.closingAccum[7]).toBe(150_000);
    expect(sum(s.depreciation)).toBe(30_000);
  });

  it('takes half a month under the mid-month convention', () => {
    // cost 120,000, L = 12 mid-month from Jan: Jan 5,000, Feb, Mar 10,000, April half = 5,000 -> NBV 90,000.
    const s = computeLotSchedule(
      makeLot({ unitCost: 120_000, lifeMonths: 12, convention: 'mid-month' }),
      [ev({ type: 'held-for-sale', date: '2025-04-30', fairValueLessCosts: 80_000 })],
      CALENDAR_YEAR,
    );
    expect(list(s.depreciation)).toEqual([5_000, 10_000, 10_000, 5_000]);
    expect(s.impairment[3]).toBe(10_000);
  });
});

describe('disposal of units', () => {
  it('leaves pro rata by largest remainder; the rest continue their schedule', () => {
    // 3 units x 100,001 = 300,003, salvage 0, L = 7. C(t) = 300,003t/7: 42,857.57 -> 42,858; 85,715.14 -> 85,715.
    // Disposal of 1 unit on 2025-03-03 (full-month: no depreciation for it in March), proceeds 70,000:
    //   cost out 100,001; accumulated out 85,715 x 1/3 = 28,571.67 -> 28,572 (remainder 2/3 > 1/3);
    //   NBV out 71,429 -> loss 70,000 - 71,429 = -1,429.
    //   To depreciate 300,003 - 85,715 = 214,288, the remaining 2 units keep 214,288 - round(71,429.33) = 142,859
    //   = their NBV 200,002 - 57,143 (salvage 0), over the 5 months left: C = 142,859k/5 = 28,571.8 -> 28,572;
    //   57,143.6 -> 57,144 (28,572); 85,715.4 -> 85,715 (28,571); 114,287.2 -> 114,287 (28,572); 142,859 (28,572).
    const s = computeLotSchedule(
      makeLot({ quantity: 3, unitCost: 100_001, lifeMonths: 7 }),
      [ev({ type: 'disposal', date: '2025-03-03', units: 1, proceeds: 70_000 })],
      CALENDAR_YEAR,
    );
    expect(list(s.depreciation)).toEqual([42_858, 42_857, 28_572, 28_572, 28_571, 28_572, 28_572]);
    expect(s.disposedCost[2]).toBe(100_001);
    expect(s.disposedAccum[2]).toBe(28_572);
    expect(s.gainLoss[2]).toBe(-1_429);
    expect(s.proceeds[2]).toBe(70_000);
    expect(s.closingCost[6]).toBe(200_002);
    expect(s.closingAccum[6]).toBe(200_002);
    expect(monthlyTies(s)).toBe(true);
  });

  it('the disposed units take half a month under mid-month', () => {
    // 4 units x 30,000 = 120,000, L = 12 mid-month from Jan: Jan 5,000, Feb .. Apr 10,000. Disposal of 1 unit in May:
    // the whole lot books May's first half (5,000) -> accumulated 40,000; out: cost 30,000, accumulated 10,000
    // (NBV 20,000, proceeds 25,000 -> gain 5,000). The other 3 keep 3/4 of 80,000 = 60,000 over the 8 months'
    // worth left (12 - 4): second half of May 3,750, Jun .. Dec 7,500, the last half month (Jan 2026) 3,750.
    // May = 5,000 + 3,750 = 8,750.
    const s = computeLotSchedule(
      makeLot({ quantity: 4, unitCost: 30_000, lifeMonths: 12, convention: 'mid-month' }),
      [ev({ type: 'disposal', date: '2025-05-15', units: 1, proceeds: 25_000 })],
      CALENDAR_YEAR,
    );
    expect(list(s.depreciation)).toEqual([5_000, 10_000, 10_000, 10_000, 8_750, ...Array(7).fill(7_500), 3_750]);
    expect(s.disposedAccum[4]).toBe(10_000);
    expect(s.gainLoss[4]).toBe(25_000 - 20_000);
  });

  it('splits salvage with the units and keeps NBV of the rest at or above their salvage', () => {
    // 10 units x 36,000 = 360,000, salvage 10% = 36,000, L = 36 -> 9,000 a month. 4 units leave at the start
    // of month 7 (acc 54,000 -> 21,600 out). The 6 left: cost 216,000, acc 32,400; to depreciate
    // 6/10 x 270,000 = 162,000 over 30 months = 5,400 a month; their salvage 216,000 - 32,400 - 162,000 = 21,600.
    const d = computeLotScheduleDetailed(
      makeLot({ quantity: 10, unitCost: 36_000, salvagePct: 10 }),
      [ev({ type: 'disposal', date: '2025-07-01', units: 4, proceeds: 100_000 })],
      CALENDAR_YEAR,
    );
    expect(d.schedule.disposedAccum[6]).toBe(21_600);
    expect(list(d.schedule.depreciation).slice(6)).toEqual(Array(30).fill(5_400));
    expect(d.final.salvage).toBe(21_600);
    expect(d.final.cost - d.final.accum).toBe(21_600);
    expect(d.final.units).toBe(6);
  });

  it('of every unit ends the schedule in that month; later events are ignored', () => {
    const s = computeLotSchedule(
      makeLot({ quantity: 2, unitCost: 180_000 }),
      [ev({ type: 'disposal', date: '2025-05-01', units: 2, proceeds: 300_000 }), ev({ type: 'impairment', date: '2025-09-30', fairValue: 0 })],
      CALENDAR_YEAR,
    );
    expect(s.length).toBe(5);
    expect(s.closingCost[4]).toBe(0);
    expect(s.gainLoss[4]).toBe(300_000 - 320_000);
    expect(sum(s.impairment)).toBe(0);
  });

  it('after the end of life extends the schedule to the disposal month', () => {
    // Fully depreciated at Dec 2027 (NBV 0), sold 2028-03-10 for 5,000 -> gain 5,000 in month 39.
    const s = computeLotSchedule(makeLot(), [ev({ type: 'disposal', date: '2028-03-10', units: 1, proceeds: 5_000 })], CALENDAR_YEAR);
    expect(s.length).toBe(39);
    expect(s.gainLoss[38]).toBe(5_000);
    expect(list(s.depreciation).slice(36)).toEqual([0, 0, 0]);
  });
});

describe('idle', () => {
  it('is a flag only', () => {
    const plain = computeLotSchedule(makeLot(), [], CALENDAR_YEAR);
    const s = computeLotSchedule(makeLot(), [ev({ type: 'idle', date: '2025-03-09', until: '2025-05-20' })], CALENDAR_YEAR);
    expect(list(s.depreciation)).toEqual(list(plain.depreciation));
    expect(list(s.flags).slice(0, 7)).toEqual([0, 0, 1, 1, 1, 0, 0].map((x) => x * SCHEDULE_FLAG.idle));
    const open = computeLotSchedule(makeLot(), [ev({ type: 'idle', date: '2027-11-01' })], CALENDAR_YEAR);
    expect(list(open.flags).slice(34)).toEqual([SCHEDULE_FLAG.idle, SCHEDULE_FLAG.idle]);
  });
});

describe('order of events', () => {
  it('within a month: change of estimate at the start, impairment at the end, whatever their dates', () => {
    // Impairment dated the 5th, change of estimate the 20th of July 2025 (month 7):
    // start of July: NBV 300,000, new life 24 -> r = 18 months: 300,000/18 = 16,666.67 -> July C = 16,667.
    // End of July: NBV 283,333, fair value 170,000 -> loss 113,333; 17 months left: 170,000/17 = 10,000.
    const events = [
      ev({ type: 'impairment', date: '2025-07-05', fairValue: 170_000 }),
      ev({ type: 'change-estimate', date: '2025-07-20', lifeMonths: 24 }),
    ];
    const s = computeLotSchedule(makeLot(), events, CALENDAR_YEAR);
    expect(s.depreciation[6]).toBe(16_667);
    expect(s.impairment[6]).toBe(113_333);
    expect(list(s.depreciation).slice(7)).toEqual(Array(17).fill(10_000));
    expect(list(computeLotSchedule(makeLot(), [...events].reverse(), CALENDAR_YEAR).depreciation)).toEqual(list(s.depreciation));
  });

  it('on one date: disposal before held-for-sale, in either order of entry', () => {
    // 4 units x 90,000; start of April: cost 360,000, acc 30,000. 1 unit sold (cost 90,000, acc 7,500, NBV 82,500,
    // proceeds 80,000 -> -2,500); the other 3 held for sale at 200,000: NBV 247,500 -> write-down 47,500.
    const a = ev({ type: 'disposal', date: '2025-04-01', units: 1, proceeds: 80_000 });
    const b = ev({ type: 'held-for-sale', date: '2025-04-01', fairValueLessCosts: 200_000 });
    const lot = makeLot({ quantity: 4, unitCost: 90_000 });
    const s1 = computeLotSchedule(lot, [a, b], CALENDAR_YEAR);
    const s2 = computeLotSchedule(lot, [b, a], CALENDAR_YEAR);
    expect(s1.gainLoss[3]).toBe(-2_500);
    expect(s1.impairment[3]).toBe(47_500);
    expect(s2).toEqual(s1);
  });

  it('events of other lots are ignored; events before in-service apply in the in-service month', () => {
    const other: FleetEvent = { lotId: 'L2', type: 'impairment', date: '2025-03-31', fairValue: 0 };
    const early = ev({ type: 'change-estimate', date: '2024-06-01', lifeMonths: 12 });
    const s = computeLotSchedule(makeLot(), [other, early], CALENDAR_YEAR);
    expect(s.length).toBe(12);
    expect(list(s.depreciation)).toEqual(Array(12).fill(30_000));
  });
});
