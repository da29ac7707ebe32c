import type { DeferredTaxPeriod } from '../../../../shared/engine/tax';

/**
 * The totals row of the deferred tax table: balances (NBVs, difference, deferred tax) are those at
 * the end of the last period, since balances do not add across periods; the change is summed, so
 * it equals the last closing less the first opening.
 */
export function deferredTotals(rows: readonly DeferredTaxPeriod[]): DeferredTaxPeriod | null {
  if (rows.length === 0) return null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  let change = 0;
  for (const r of rows) change += r.change;
  return { ...last, period: 'Total', firstMonth: first.firstMonth, openingDeferredTax: first.openingDeferredTax, change };
}
