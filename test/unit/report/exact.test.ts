import { describe, expect, it } from 'vitest';
import { dollars, isHalfTie, percentFormulaExact, straightLineCumulative } from '../../../shared/report';
import { planParts, sheetPrefix, isValidSheetName } from '../../../shared/report';
import { sumIfsOverParts } from '../../../shared/report/plan';

describe('isHalfTie', () => {
  it('is true exactly when n / d ends in .5', () => {
    expect(isHalfTie(1, 2)).toBe(true);
    expect(isHalfTie(-3, 2)).toBe(true);
    expect(isHalfTie(5, 10)).toBe(true);
    expect(isHalfTie(15, 10)).toBe(true);
    expect(isHalfTie(4, 2)).toBe(false);
    expect(isHalfTie(1, 3)).toBe(false);
    expect(isHalfTie(5, 4)).toBe(false); // 1.25
    expect(isHalfTie(6, 4)).toBe(true); // 1.5
  });

  it('is exact past 2^53 (BigInt)', () => {
    expect(isHalfTie(2 ** 53 - 1, 2)).toBe(true);
    expect(isHalfTie(2 ** 53 + 2, 4)).toBe(true); // 2^53 + 2 = 4 x 2251799813685248.5
    expect(isHalfTie(2 ** 53, 4)).toBe(false);
  });
});

describe('straightLineCumulative', () => {
  // 42,750.09 over 36 months is 1,187.5025 a month: months 2, 6, 10, 14 end on a half cent.
  it('rounds base x k / L half away from zero and flags the half-cent ties', () => {
    expect(straightLineCumulative(4_275_009, 1, 36)).toEqual({ cents: 118_750, exact: true });
    expect(straightLineCumulative(4_275_009, 2, 36)).toEqual({ cents: 237_501, exact: false });
    expect(straightLineCumulative(4_275_009, 3, 36)).toEqual({ cents: 356_251, exact: true });
    expect(straightLineCumulative(4_275_009, 36, 36)).toEqual({ cents: 4_275_009, exact: true });
    expect(straightLineCumulative(1_200_000, 7, 12)).toEqual({ cents: 700_000, exact: true });
  });

  it('does not trust formulas above 10^9 dollars', () => {
    expect(straightLineCumulative(2e11, 1, 7).exact).toBe(false);
  });
});

describe('percentFormulaExact', () => {
  it('accepts a percentage of cents that is not a half cent and rounds to the expected cents', () => {
    expect(percentFormulaExact(1_200_000, 5, 60_000)).toBe(true);
    expect(percentFormulaExact(4_500_010, 5, 225_001)).toBe(false); // 225,000.5: a tie
    expect(percentFormulaExact(3, 50, 2)).toBe(false); // 1.5: a tie
    expect(percentFormulaExact(7, 33.3, 2)).toBe(true); // 2.331
    expect(percentFormulaExact(1000, 2.5, 25)).toBe(true);
    expect(percentFormulaExact(1000, 2.5, 26)).toBe(false); // not the engine's cents
    expect(percentFormulaExact(-123_457, 21, -25_926)).toBe(true); // -25,925.97
  });
});

describe('dollars', () => {
  it('is cents / 100 and never -0', () => {
    expect(dollars(123_456)).toBe(1234.56);
    expect(dollars(-5)).toBe(-0.05);
    expect(Object.is(dollars(-0), 0)).toBe(true);
  });
});

describe('sheet references', () => {
  it('quotes sheet names that need it', () => {
    expect(sheetPrefix('Lots')).toBe('Lots!');
    expect(sheetPrefix('Book Schedule (2)')).toBe("'Book Schedule (2)'!");
    expect(sheetPrefix("O'Brien")).toBe("'O''Brien'!");
    expect(sheetPrefix('AB12')).toBe("'AB12'!"); // would read as a cell
  });

  it('knows what Excel accepts as a sheet name', () => {
    expect(isValidSheetName('Book vs Economic')).toBe(true);
    expect(isValidSheetName('x'.repeat(32))).toBe(false);
    expect(isValidSheetName('a/b')).toBe(false);
    expect(isValidSheetName('')).toBe(false);
  });
});

describe('planParts', () => {
  it('keeps each block on one sheet and starts a new sheet when the next block does not fit', () => {
    const p = planParts('T', 2, [3, 3, 3], 6); // 5 data rows a sheet
    expect(p.names).toEqual(['T', 'T (2)', 'T (3)']);
    expect(p.rows).toEqual([5, 3, 3]);
    expect([...p.part]).toEqual([0, 1, 2]);
    expect([...p.firstRow]).toEqual([4, 2, 2]);
    expect(planParts('T', 0, [2, 2, 1], 6)).toMatchObject({ names: ['T'], rows: [5] });
  });

  it('refuses a block larger than a sheet', () => {
    expect(() => planParts('T', 0, [6], 6)).toThrow(/does not fit/);
  });

  it('sums the block rows of every sheet, not the top rows', () => {
    const p = planParts('Roll', 2, [3, 3], 6);
    expect(sumIfsOverParts(p, 9, [[0, '$A2']])).toBe("SUMIFS($J$4:$J$6,$A$4:$A$6,$A2)+SUMIFS('Roll (2)'!$J$2:$J$4,'Roll (2)'!$A$2:$A$4,$A2)");
  });
});
