/**
 * `fleetbook value FILE [--scenario NAME] [--format csv|json]`: book NBV beside economic value per
 * lot and month (DESIGN.md sections 6 and 9).
 *
 * Columns: lot_id,period,book_nbv,economic_value,gap,economic_life_months. One row per lot and month
 * from its in-service month to the end of its physical life (the economic model's horizon), lots in
 * file order. Amounts are month-end figures with two decimals; gap = book_nbv - economic_value
 * (positive: the books carry more than the hardware is worth); economic_life_months is the lot's
 * (months from in-service until retiring is optimal), the same on each of its rows. A lot with no
 * market model (class Other, missing specs) has no rows and a warning on stderr saying why.
 */
import { monthLabel } from '../../shared/domain/dates';
import type { Fleet } from '../../shared/domain/fleet';
import { formatCentsPlain as money } from '../../shared/domain/money';
import type { Problem } from '../../shared/domain/problem';
import { computeBookSchedules } from '../../shared/engine/book';
import { valueFleet } from '../../shared/engine/economic';
import { applyScenario } from '../../shared/engine/stress';
import { printProblems } from './load';
import { recordWriter, type OutputFormat } from './records';
import type { Sink } from './sink';

export const VALUE_COLUMNS = ['lot_id', 'period', 'book_nbv', 'economic_value', 'gap', 'economic_life_months'] as const;

/** Writes the rows; prints the problems and returns false when the fleet cannot be valued. */
export async function writeValue(fleet: Fleet, scenario: string | undefined, format: OutputFormat, sink: Sink, stderr: (text: string) => void): Promise<boolean> {
  const applied = applyScenario(fleet, scenario);
  if (!applied.ok) {
    printProblems(applied.error, stderr);
    return false;
  }
  const valued = valueFleet(applied.value, computeBookSchedules(applied.value));
  if (!valued.ok) {
    printProblems(valued.error, stderr);
    return false;
  }
  const remarks: Problem[] = [...valued.value.drivers.warnings];
  const out = recordWriter(VALUE_COLUMNS, format, sink);
  for (const lot of valued.value.lots) {
    if (!lot.modelled) {
      remarks.push({ sheet: 'Fleet', severity: 'warning', message: `lot ${lot.lotId} is not valued: ${lot.issue ?? 'no market model'}` });
      continue;
    }
    const life = String(lot.economicLifeMonths);
    for (let i = 0; i < lot.length; i++) {
      await out.write({
        lot_id: lot.lotId,
        period: monthLabel(lot.startMonth + i),
        book_nbv: lot.bookNbv ? money(lot.bookNbv[i]) : '',
        economic_value: money(lot.economicValue[i]),
        gap: lot.gap ? money(lot.gap[i]) : '',
        economic_life_months: life,
      });
    }
  }
  await out.end();
  printProblems(remarks, stderr);
  return true;
}
