import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db, ddb, sln, syd, vdb } from '../../../shared/engine/excel-functions';

// Excel 2010's results (test/fixtures/excel-financial/README.md): arguments in Excel's order, the
// expected value last. Tolerance 1e-6 absolute, as the source project used.
const FIXTURES = join(__dirname, '../../fixtures/excel-financial');
const TOLERANCE = 1e-6;

function rows(file: string): string[][] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));
}

function misses(file: string, compute: (args: string[]) => number): string[] {
  const out: string[] = [];
  for (const r of rows(file)) {
    const expected = Number(r[r.length - 1]);
    const actual = compute(r.slice(0, -1));
    if (!(Math.abs(actual - expected) <= TOLERANCE)) out.push(`${r.join(',')} -> ${actual}`);
  }
  return out;
}

describe("Excel 2010's depreciation functions", () => {
  it('reproduces every SLN row (26)', () => {
    expect(rows('sln.test')).toHaveLength(26);
    expect(misses('sln.test', ([c, s, l]) => sln(+c, +s, +l))).toEqual([]);
  });

  it('reproduces every SYD row (134)', () => {
    expect(rows('syd.test')).toHaveLength(134);
    expect(misses('syd.test', ([c, s, l, p]) => syd(+c, +s, +l, +p))).toEqual([]);
  });

  it('reproduces every DDB row (458)', () => {
    expect(rows('ddb.test')).toHaveLength(458);
    expect(misses('ddb.test', ([c, s, l, p, f]) => ddb(+c, +s, +l, +p, +f))).toEqual([]);
  });

  it('reproduces every DB row (398)', () => {
    expect(rows('db.test')).toHaveLength(398);
    expect(misses('db.test', ([c, s, l, p, m]) => db(+c, +s, +l, +p, +m))).toEqual([]);
  });

  it('reproduces every VDB row (2546), with and without the switch to straight line', () => {
    expect(rows('vdb.test')).toHaveLength(2546);
    const result = misses('vdb.test', ([c, s, l, a, b, f, flag]) =>
      vdb(+c, +s, +l, +a, +b, +f, flag === 'DontSwitchToStraightLine'),
    );
    expect(result).toEqual([]);
  });

  it("matches Microsoft's documented examples", () => {
    // Excel help: DB(1000000, 100000, 6, 7, 7) = 15,845.10 (the extra period life + 1).
    expect(db(1_000_000, 100_000, 6, 7, 7)).toBeCloseTo(15_845.1, 1);
    // Excel help: VDB(2400, 300, 10*365, 0, 1) = 1.32 (first day), VDB(2400, 300, 10, 0, 0.875, 1.5) = 315.00.
    expect(vdb(2400, 300, 10 * 365, 0, 1)).toBeCloseTo(1.32, 2);
    expect(vdb(2400, 300, 10, 0, 0.875, 1.5)).toBeCloseTo(315, 2);
    // Excel help: SYD(30000, 7500, 10, 10) = 409.09; SLN(30000, 7500, 10) = 2,250.
    expect(syd(30_000, 7_500, 10, 10)).toBeCloseTo(409.09, 2);
    expect(sln(30_000, 7_500, 10)).toBe(2250);
  });

  it('rejects what Excel rejects with NaN', () => {
    expect(vdb(100, 10, 5, 3, 2)).toBeNaN(); // start after end
    expect(vdb(100, 10, 5, 0, 6)).toBeNaN(); // end beyond the life
    expect(syd(100, 10, 5, 0)).toBeNaN();
    expect(db(100, 10, 5, 7, 6)).toBeNaN(); // beyond life + 1
    expect(ddb(100, 10, 5, 6)).toBeNaN();
  });
});
