import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, FIXTURES, fleetbook } from './run';

const TAX_FLEET = join(FIXTURES, 'tax-fleet.csv');

beforeAll(() => buildCli());

/**
 * tax-fleet.csv with the default assumptions (fiscal year = calendar year, Tax Rate 21 %):
 *   T1: 1 GPU server at 10,000.00 from March 2025, book SL over 60 months; MACRS 5-year half-year, no bonus
 *       (Pub 946 Table A-1: 20, 32, 19.2, 11.52, 11.52, 5.76 %).
 *   T2: 2 ASICs at 5,000.00 from July 2024, book SL over 36 months; tax class none (tax NBV stays at cost).
 * Year ends, book NBV = cost - round(cost x months / life) (cumulative rounding), deferred tax per lot =
 * round(difference x 21 %), change = this year - last year:
 *   T1 FY2025: 10 months, 10,000 - 1,666.67 = 8,333.33; tax 10,000 - 2,000 = 8,000; 333.33 x 21 % = 69.9993 -> 70.00.
 *   T1 FY2026: 22 months, 10,000 - 3,666.67 = 6,333.33; tax 8,000 - 3,200 = 4,800; 1,533.33 x 21 % = 321.9993 -> 322.00; change 252.00.
 *   T1 FY2027: 34 months, 4,333.33; tax 4,800 - 1,920 = 2,880; 1,453.33 x 21 % = 305.1993 -> 305.20; change -16.80.
 *   T1 FY2028: 46 months, 2,333.33; tax 2,880 - 1,152 = 1,728; 605.33 x 21 % = 127.1193 -> 127.12; change -178.08.
 *   T1 FY2029: 58 months, 333.33; tax 1,728 - 1,152 = 576; -242.67 x 21 % = -50.9607 -> -50.96 (an asset); change -178.08.
 *   T1 FY2030: fully depreciated on both books (book in February, tax 576 - 576); 0; change 50.96.
 *   T2 FY2024: 6 months, 10,000 - 1,666.67 = 8,333.33; tax 10,000; -1,666.67 x 21 % = -350.0007 -> -350.00.
 *   T2 FY2025: 18 months, 5,000.00; -5,000 x 21 % = -1,050.00; change -700.00.
 *   T2 FY2026: 30 months, 1,666.67; -8,333.33 x 21 % = -1,749.9993 -> -1,750.00; change -700.00.
 *   T2 FY2027: 0; -10,000 x 21 % = -2,100.00, which stays while the lot is held; change -350.00.
 */
const BY_YEAR =
  'lot_id,period,book_nbv,tax_nbv,temporary_difference,deferred_tax,deferred_tax_change\n' +
  'T1,FY2025,8333.33,8000.00,333.33,70.00,70.00\n' +
  'T1,FY2026,6333.33,4800.00,1533.33,322.00,252.00\n' +
  'T1,FY2027,4333.33,2880.00,1453.33,305.20,-16.80\n' +
  'T1,FY2028,2333.33,1728.00,605.33,127.12,-178.08\n' +
  'T1,FY2029,333.33,576.00,-242.67,-50.96,-178.08\n' +
  'T1,FY2030,0.00,0.00,0.00,0.00,50.96\n' +
  'T2,FY2024,8333.33,10000.00,-1666.67,-350.00,-350.00\n' +
  'T2,FY2025,5000.00,10000.00,-5000.00,-1050.00,-700.00\n' +
  'T2,FY2026,1666.67,10000.00,-8333.33,-1750.00,-700.00\n' +
  'T2,FY2027,0.00,10000.00,-10000.00,-2100.00,-350.00\n';

describe('fleetbook schedule --book deferred', () => {
  it('prints the deferred tax per lot and fiscal year, byte for byte', () => {
    expect(fleetbook('schedule', TAX_FLEET, '--book', 'deferred', '--period', 'year')).toEqual({ code: 0, stdout: BY_YEAR, stderr: '' });
  });

  it('by month, the year-end rows are the fiscal year figures and the changes add up to the balance', () => {
    const r = fleetbook('schedule', TAX_FLEET, '--book', 'deferred', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    // November 2025: book 10,000 - 1,500.00 (9 months) = 8,500; tax 10,000 - 9 x 200 (the year's 2,000
    // over its 10 months) = 8,200; 300 x 21 % = 63.00. December: 70.00, a change of 7.00.
    expect(rows.find((x) => x.lot_id === 'T1' && x.period === '2025-12')).toEqual({
      lot_id: 'T1', period: '2025-12', book_nbv: '8333.33', tax_nbv: '8000.00', temporary_difference: '333.33', deferred_tax: '70.00', deferred_tax_change: '7.00',
    });
    for (const lot of ['T1', 'T2']) {
      const mine = rows.filter((x) => x.lot_id === lot);
      const cents = (s: string) => Math.round(Number(s) * 100);
      expect(mine.reduce((sum, x) => sum + cents(x.deferred_tax_change), 0)).toBe(cents(mine[mine.length - 1].deferred_tax));
    }
  });
});
