/**
 * Where each lot's rows go in a table that may need several sheets: Excel holds 1,048,576 rows a
 * sheet, and 10,000 lots x 120 months is more. A lot's rows never straddle two sheets, so its
 * totals are plain SUMs of one contiguous range; continuation sheets are named `Name (2)`, `Name (3)`.
 */
import { absRangeRef, EXCEL_MAX_ROWS, sheetPrefix } from './a1';

export interface PartPlan {
  /** Sheet names, in order. */
  names: string[];
  /** Data rows of each sheet (after the header row). */
  rows: number[];
  /** For block b: its sheet, and the sheet row (1-based, the header is row 1) of its first row. */
  part: Int32Array;
  firstRow: Int32Array;
  /** Rows before the first block, at the top of the first sheet (totals). */
  topRows: number;
}

/**
 * Lay out `topRows` rows, then blocks of `sizes[b]` rows, under a header row, at most
 * `maxRowsPerSheet` rows a sheet (header included).
 */
export function planParts(baseName: string, topRows: number, sizes: ArrayLike<number>, maxRowsPerSheet = EXCEL_MAX_ROWS): PartPlan {
  const capacity = maxRowsPerSheet - 1;
  if (topRows > capacity) throw new Error(`${baseName}: ${topRows} total rows do not fit in one sheet`);
  const part = new Int32Array(sizes.length);
  const firstRow = new Int32Array(sizes.length);
  const rows: number[] = [topRows];
  let p = 0;
  for (let b = 0; b < sizes.length; b++) {
    const n = sizes[b];
    if (n > capacity) throw new Error(`${baseName}: a block of ${n} rows does not fit in one sheet`);
    if (rows[p] + n > capacity) {
      p++;
      rows.push(0);
    }
    part[b] = p;
    firstRow[b] = rows[p] + 2;
    rows[p] += n;
  }
  const names = rows.map((_, i) => (i === 0 ? baseName : `${baseName} (${i + 1})`));
  return { names, rows, part, firstRow, topRows };
}

/**
 * `SUMIFS(col, critCol, crit, ...)` over the block rows of every sheet of the plan (not the top
 * rows), the terms of continuation sheets added: a total of lot rows wherever they are.
 */
export function sumIfsOverParts(plan: PartPlan, column: number, criteria: readonly [column: number, criterion: string][]): string {
  const terms: string[] = [];
  plan.names.forEach((name, p) => {
    const first = p === 0 ? plan.topRows + 2 : 2;
    const last = first + plan.rows[p] - (p === 0 ? plan.topRows : 0) - 1;
    if (last < first) return;
    const prefix = p === 0 ? '' : sheetPrefix(name);
    const crit = criteria.map(([c, v]) => `,${prefix}${absRangeRef(c, first, last)},${v}`).join('');
    terms.push(`SUMIFS(${prefix}${absRangeRef(column, first, last)}${crit})`);
  });
  return terms.length ? terms.join('+') : '0';
}
