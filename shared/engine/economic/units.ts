import { monthIndexOf, parseLocalDate } from '../../domain/dates';
import type { Fleet } from '../../domain/fleet';

/**
 * Units held at each month from in-service for lots with disposal events (each disposal limited to
 * the units still held, in date order); the economic value follows the units still owned.
 */
export function unitsAfterDisposals(fleet: Fleet, lotMonth?: Float64Array): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const byLot = new Map<string, { month: number; units: number }[]>();
  for (const e of fleet.events) {
    if (e.type !== 'disposal' || !(e.units > 0) || !parseLocalDate(e.date)) continue;
    const list = byLot.get(e.lotId);
    const item = { month: monthIndexOf(e.date), units: Math.trunc(e.units) };
    if (list) list.push(item);
    else byLot.set(e.lotId, [item]);
  }
  if (byLot.size === 0) return out;
  fleet.lots.forEach((lot, i) => {
    const list = byLot.get(lot.id);
    const m0 = lotMonth ? lotMonth[i] : parseLocalDate(lot.inService ?? '') ? monthIndexOf(lot.inService) : NaN;
    if (!list || Number.isNaN(m0)) return;
    list.sort((a, b) => a.month - b.month);
    const n = Math.max(0, list[list.length - 1].month - m0) + 1;
    const units = new Float64Array(n);
    let held = lot.quantity;
    let next = 0;
    for (let k = 0; k < n; k++) {
      while (next < list.length && list[next].month - m0 <= k) held -= Math.min(held, list[next++].units);
      units[k] = held;
    }
    out.set(lot.id, units);
  });
  return out;
}
