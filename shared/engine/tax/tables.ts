/**
 * The MACRS GDS percentage tables, embedded verbatim as data.
 *
 * Source: IRS Publication 946, Appendix A, Tables A-1 (half-year) and A-2 to A-5 (mid-quarter,
 * placed in service in quarter 1 to 4), via the project's reference file
 * /work/shared/reference/macrs-pub946.json, copied unchanged to ./macrs-pub946.json. The IRS
 * hand-adjusted some cells so that each column totals 100, so the values are never recomputed.
 */
import pub946 from './macrs-pub946.json';
import type { TaxClass } from '../../domain/fleet';

export type MacrsClass = Exclude<TaxClass, 'none'>;
export type MacrsConvention = 'half-year' | 'mid-quarter';

export const MACRS_SOURCE: string = pub946.source;
export const MACRS_CLASSES: readonly MacrsClass[] = ['MACRS-3', 'MACRS-5', 'MACRS-7'];

type Columns = { '3': number[]; '5': number[]; '7': number[] };
const KEY = { 'MACRS-3': '3', 'MACRS-5': '5', 'MACRS-7': '7' } as const;
const MQ_KEYS = ['Q1', 'Q2', 'Q3', 'Q4'] as const;

/** One table column, in the file's percentages and in integer basis points (0.01 % = 1). */
export interface MacrsColumn {
  /** 'A-1' .. 'A-5'. */
  table: string;
  /** The Pub 946 percentages, recovery year 1 first, as published. */
  pct: readonly number[];
  /** The same in basis points of basis (33.33 % -> 3333), for exact integer arithmetic. */
  bp: Int32Array;
  /** Cumulative basis points: cumBp[y] = bp[0] + .. + bp[y-1]; cumBp[0] = 0. */
  cumBp: Int32Array;
}

function column(table: string, pct: number[]): MacrsColumn {
  const bp = Int32Array.from(pct, (p) => Math.round(p * 100));
  const cumBp = new Int32Array(bp.length + 1);
  for (let i = 0; i < bp.length; i++) cumBp[i + 1] = cumBp[i] + bp[i];
  return { table, pct, bp, cumBp };
}

function columns(table: string, cols: Columns): Record<MacrsClass, MacrsColumn> {
  return {
    'MACRS-3': column(table, cols['3']),
    'MACRS-5': column(table, cols['5']),
    'MACRS-7': column(table, cols['7']),
  };
}

const HALF_YEAR = columns(pub946.half_year.table, pub946.half_year);
const MID_QUARTER = MQ_KEYS.map((q) => columns(pub946.mid_quarter[q].table, pub946.mid_quarter[q]));

/** Recovery period in years (3, 5 or 7); the table has one more recovery year than that. */
export function recoveryPeriodOf(cls: MacrsClass): number {
  return Number(KEY[cls]);
}

/** The Pub 946 column for a class, a convention and (mid-quarter) the fiscal quarter 1..4 placed in service. */
export function macrsColumn(cls: MacrsClass, convention: MacrsConvention, quarter: number): MacrsColumn {
  if (convention === 'half-year') return HALF_YEAR[cls];
  if (!(quarter >= 1 && quarter <= 4)) throw new Error(`fiscal quarter must be 1..4, got ${quarter}`);
  return MID_QUARTER[quarter - 1][cls];
}

export function isMacrsClass(c: TaxClass): c is MacrsClass {
  return c !== 'none';
}
