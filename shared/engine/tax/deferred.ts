/**
 * Deferred tax (DESIGN.md section 5): (book NBV - tax NBV) x tax rate, per month. Positive is a
 * deferred tax liability (tax depreciation ahead of book), negative a deferred tax asset.
 */
import type { LotSchedule } from '../book/types';
import { centsTimesPct } from './intmath';
import { takeColumn } from './columns';

export interface DeferredTaxByMonth {
  /** Month index of element 0. */
  startMonth: number;
  bookNbv: Float64Array;
  taxNbv: Float64Array;
  /** bookNbv - taxNbv. */
  temporaryDifference: Float64Array;
  /** round(temporaryDifference x rate / 100), half away from zero, in cents. */
  deferredTax: Float64Array;
}

type NbvSource = Pick<LotSchedule, 'startMonth' | 'length' | 'closingCost' | 'closingAccum'>;

/** NBV of a schedule month by month over [start, start + len): 0 before it starts, carried forward after it ends. */
function nbvInto(out: Float64Array, start: number, s: NbvSource): void {
  const from = s.startMonth - start;
  const cc = s.closingCost;
  const ca = s.closingAccum;
  const end = Math.min(out.length, from + s.length);
  let i = Math.max(0, from);
  for (; i < end; i++) out[i] = cc[i - from] - ca[i - from];
  if (i < out.length) out.fill(s.length > 0 ? cc[s.length - 1] - ca[s.length - 1] : 0, i);
}

/**
 * Deferred tax of one lot over the union of its book and tax schedules' months (NBV carried
 * forward past a schedule's end). Class and fleet figures: sumDeferredTax of the lots' results.
 */
export function deferredTaxByMonth(book: LotSchedule, tax: LotSchedule, taxRatePct: number): DeferredTaxByMonth {
  let start = book.length > 0 ? book.startMonth : tax.startMonth;
  let end = start;
  for (const s of [book, tax]) {
    if (s.length === 0) continue;
    start = Math.min(start, s.startMonth);
    end = Math.max(end, s.startMonth + s.length);
  }
  const len = end - start;
  const bookNbv = takeColumn(len);
  const taxNbv = takeColumn(len);
  const temporaryDifference = takeColumn(len);
  const deferredTax = takeColumn(len);
  nbvInto(bookNbv, start, book);
  nbvInto(taxNbv, start, tax);
  for (let i = 0; i < len; i++) {
    const d = bookNbv[i] - taxNbv[i];
    temporaryDifference[i] = d;
    deferredTax[i] = centsTimesPct(d, taxRatePct);
  }
  return { startMonth: start, bookNbv, taxNbv, temporaryDifference, deferredTax };
}

/**
 * Sum of lots' deferred tax month by month (for a class or the fleet), over the union of their
 * months, each lot's last figures carried forward past its end. The total is the sum of the lots'
 * rounded cents, so lots add up to classes and classes to the fleet to the cent.
 */
export function sumDeferredTax(items: readonly DeferredTaxByMonth[]): DeferredTaxByMonth {
  const nonEmpty = items.filter((x) => x.deferredTax.length > 0);
  // Loops, not Math.min(...): a fleet can hold 100,000 lots.
  let start = Infinity;
  let end = -Infinity;
  for (const x of nonEmpty) {
    start = Math.min(start, x.startMonth);
    end = Math.max(end, x.startMonth + x.deferredTax.length);
  }
  if (!nonEmpty.length) start = end = 0;
  const len = end - start;
  const out: DeferredTaxByMonth = {
    startMonth: start,
    bookNbv: new Float64Array(len),
    taxNbv: new Float64Array(len),
    temporaryDifference: new Float64Array(len),
    deferredTax: new Float64Array(len),
  };
  const keys = ['bookNbv', 'taxNbv', 'temporaryDifference', 'deferredTax'] as const;
  // A lot's last figures carry forward: add each once where it ends, then a running sum (O(months), not O(lots x months)).
  const carry = keys.map(() => new Float64Array(len + 1));
  for (const x of nonEmpty) {
    const from = x.startMonth - start;
    const n = x.deferredTax.length;
    for (let k = 0; k < keys.length; k++) {
      const src = x[keys[k]];
      const dst = out[keys[k]];
      for (let j = 0; j < n; j++) dst[from + j] += src[j];
      carry[k][from + n] += src[n - 1];
    }
  }
  for (let k = 0; k < keys.length; k++) {
    const dst = out[keys[k]];
    const c = carry[k];
    let running = 0;
    for (let i = 0; i < len; i++) {
      running += c[i];
      dst[i] += running;
    }
  }
  return out;
}
