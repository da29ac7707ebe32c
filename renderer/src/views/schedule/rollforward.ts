import type { PeriodRow } from '../../../../shared/engine/book/types';

/**
 * The rollforward ties of DESIGN.md section 4, checked on the rows the engine returned, in exact
 * integer cents: cost and accumulated depreciation roll from opening to closing, NBV is cost less
 * accumulated, and each period opens where the one before closed.
 */
export interface TieCheck {
  ok: boolean;
  /** What does not tie, in words (empty when it ties). */
  issues: string[];
}

export function checkRow(row: PeriodRow, previous?: PeriodRow): TieCheck {
  const issues: string[] = [];
  const off = (what: string, diff: number) => issues.push(`${what} off by ${(diff / 100).toFixed(2)}`);
  const cost = row.openingCost + row.additions - row.disposedCost - row.closingCost;
  if (cost !== 0) off('cost rollforward', cost);
  const accum = row.openingAccum + row.depreciation + row.impairment - row.disposedAccum - row.closingAccum;
  if (accum !== 0) off('accumulated depreciation rollforward', accum);
  if (row.openingNbv !== row.openingCost - row.openingAccum) off('opening NBV vs cost less accumulated', row.openingNbv - (row.openingCost - row.openingAccum));
  if (row.closingNbv !== row.closingCost - row.closingAccum) off('closing NBV vs cost less accumulated', row.closingNbv - (row.closingCost - row.closingAccum));
  if (previous) {
    if (row.openingCost !== previous.closingCost) off('opening cost vs previous closing', row.openingCost - previous.closingCost);
    if (row.openingAccum !== previous.closingAccum) off('opening accumulated vs previous closing', row.openingAccum - previous.closingAccum);
  }
  return { ok: issues.length === 0, issues };
}

export function checkRollforward(rows: readonly PeriodRow[]): TieCheck[] {
  return rows.map((r, i) => checkRow(r, i > 0 ? rows[i - 1] : undefined));
}

/**
 * The totals row: flows summed over the periods, balances from the first opening and the last
 * closing, so the row itself is a rollforward of the whole span.
 */
export function scheduleTotals(rows: readonly PeriodRow[]): PeriodRow | null {
  if (rows.length === 0) return null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const t: PeriodRow = {
    period: 'Total',
    firstMonth: first.firstMonth,
    lastMonth: last.lastMonth,
    openingCost: first.openingCost,
    additions: 0,
    disposedCost: 0,
    closingCost: last.closingCost,
    openingAccum: first.openingAccum,
    depreciation: 0,
    impairment: 0,
    disposedAccum: 0,
    closingAccum: last.closingAccum,
    openingNbv: first.openingNbv,
    disposals: 0,
    closingNbv: last.closingNbv,
    proceeds: 0,
    gainLoss: 0,
  };
  for (const r of rows) {
    t.additions += r.additions;
    t.disposedCost += r.disposedCost;
    t.depreciation += r.depreciation;
    t.impairment += r.impairment;
    t.disposedAccum += r.disposedAccum;
    t.disposals += r.disposals;
    t.proceeds += r.proceeds;
    t.gainLoss += r.gainLoss;
  }
  return t;
}
