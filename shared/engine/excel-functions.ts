/**
 * Excel's depreciation functions (SLN, SYD, DDB, DB, VDB) as Excel 2010 computes them, fractional
 * periods included. Checked against Excel's own results in test/fixtures/excel-financial.
 * Arguments Excel rejects with #NUM! give NaN here. Amounts are in whatever unit the caller uses
 * (the book engine passes cents); the functions are plain doubles, rounding is the caller's job.
 */

/** SLN: straight-line depreciation of one period. */
export function sln(cost: number, salvage: number, life: number): number {
  if (life === 0) return NaN;
  return (cost - salvage) / life;
}

/** SYD: sum-of-years'-digits depreciation of period `per` (fractional periods use the same formula). */
export function syd(cost: number, salvage: number, life: number, per: number): number {
  if (life <= 0 || per <= 0 || per > life + 1 || salvage < 0) return NaN;
  return ((cost - salvage) * (life - per + 1) * 2) / (life * (life + 1));
}

/**
 * DDB: declining balance at `factor / life` for one period, never taking the book value below
 * salvage (and never forcing it down to salvage either). Excel treats a fractional period as its
 * whole part, and any period below 1 as the first period.
 */
export function ddb(cost: number, salvage: number, life: number, period: number, factor = 2): number {
  if (cost < 0 || salvage < 0 || life <= 0 || period <= 0 || factor <= 0 || period > life) return NaN;
  const last = Math.max(1, Math.floor(period));
  const rate = factor / life;
  let bookValue = cost;
  let amount = 0;
  for (let i = 1; i <= last; i++) {
    amount = Math.min(bookValue * rate, Math.max(0, bookValue - salvage));
    bookValue -= amount;
  }
  return amount;
}

/**
 * DB: fixed-rate declining balance. The rate is 1 - (salvage/cost)^(1/life) rounded to three
 * decimals; the first period covers `month` months and period life + 1 the remaining 12 - month.
 * A fractional period counts as its whole part (at least 1), as Excel does.
 */
export function db(cost: number, salvage: number, life: number, period: number, month = 12): number {
  if (cost < 0 || salvage < 0 || life <= 0 || period <= 0 || month < 1 || month > 12) return NaN;
  const last = Math.max(1, Math.floor(period));
  if (last > life + 1 || (last === life + 1 && month === 12)) return NaN;
  if (cost === 0) return 0;
  const rate = Math.round((1 - Math.pow(salvage / cost, 1 / life)) * 1000) / 1000;
  let total = 0;
  let amount = 0;
  for (let i = 1; i <= last; i++) {
    if (i === 1) amount = (cost * rate * month) / 12;
    else if (i === life + 1) amount = ((cost - total) * rate * (12 - month)) / 12;
    else amount = (cost - total) * rate;
    total += amount;
  }
  return amount;
}

/**
 * VDB: depreciation from `startPeriod` to `endPeriod` by declining balance at `factor / life`,
 * switching to straight line over the remaining life in the first period where that gives more
 * (unless `noSwitch`). A fractional period takes its fraction of that period's amount, so
 * VDB(start, end) = A(end) - A(start) where A(x) is the cumulative amount up to period x.
 * (Excel's test set has whole start periods only; a fractional start follows the same rule.)
 */
export function vdb(
  cost: number,
  salvage: number,
  life: number,
  startPeriod: number,
  endPeriod: number,
  factor = 2,
  noSwitch = false,
): number {
  if (cost < 0 || salvage < 0 || life <= 0 || factor <= 0) return NaN;
  if (startPeriod < 0 || endPeriod < startPeriod || endPeriod > life) return NaN;
  const amounts = decliningBalancePeriods(cost, salvage, life, factor, noSwitch, Math.ceil(endPeriod));
  return cumulativeTo(amounts, endPeriod) - cumulativeTo(amounts, startPeriod);
}

/**
 * The whole-period amounts of VDB's schedule, periods 1..count (into `out`, which must hold them).
 * Period i of a fractional life (i = ceil(life)) is the full-period amount; VDB takes the fraction it needs.
 */
export function decliningBalancePeriods(
  cost: number,
  salvage: number,
  life: number,
  factor: number,
  noSwitch: boolean,
  count: number,
  out: Float64Array = new Float64Array(Math.max(0, count)),
): Float64Array {
  const rate = factor / life;
  let bookValue = cost;
  let straightLine = -1; // the fixed straight-line amount once switched
  for (let i = 1; i <= count; i++) {
    let amount: number;
    if (straightLine >= 0) {
      amount = straightLine;
    } else {
      const declining = Math.min(bookValue * rate, Math.max(0, bookValue - salvage));
      const remainingLife = life - (i - 1);
      const level = (bookValue - salvage) / remainingLife;
      if (!noSwitch && level > declining) {
        straightLine = level;
        amount = level;
      } else {
        amount = declining;
      }
    }
    bookValue -= amount;
    out[i - 1] = amount;
  }
  return out;
}

function cumulativeTo(amounts: Float64Array, x: number): number {
  const whole = Math.floor(x);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += amounts[i];
  const fraction = x - whole;
  if (fraction > 0) sum += amounts[whole] * fraction;
  return sum;
}
