import { monthIndexOf, type MonthIndex } from '../../domain/dates';
import type { FleetEvent } from '../../domain/fleet';

/**
 * Where in its month an event takes effect (DESIGN.md section 4): a change of estimate from the start
 * of the month; a disposal or held-for-sale at the start (no depreciation that month) or, under the
 * mid-month convention, at the middle (half a month); an impairment at the end, after the month's
 * depreciation. Idle only sets a flag.
 */
export const PHASE_START = 0;
export const PHASE_MIDDLE = 1;
export const PHASE_END = 2;

export interface OrderedEvent {
  event: FleetEvent;
  /** The event's month, never before the lot's in-service month. */
  month: MonthIndex;
  phase: number;
}

/** Rank of each type among events of the same date and phase. */
const TYPE_RANK: Record<FleetEvent['type'], number> = {
  'change-estimate': 0,
  disposal: 1,
  'held-for-sale': 2,
  impairment: 3,
  idle: 4,
};

/**
 * A lot's events in the order the engine applies them, independent of the order they were entered:
 * by month, then phase within the month, then date, then type (change-estimate, disposal,
 * held-for-sale, impairment, idle), then content (the event's figures, smallest first).
 * Events dated before the in-service month apply in the in-service month.
 */
export function orderLotEvents(events: readonly FleetEvent[], inServiceMonth: MonthIndex, midMonth: boolean): OrderedEvent[] {
  const out: OrderedEvent[] = [];
  for (const event of events) {
    if (!(event.type in TYPE_RANK)) continue;
    out.push({ event, month: Math.max(inServiceMonth, monthIndexOf(event.date)), phase: phaseOf(event, midMonth) });
  }
  out.sort(compareOrdered);
  return out;
}

function phaseOf(event: FleetEvent, midMonth: boolean): number {
  switch (event.type) {
    case 'impairment':
      return PHASE_END;
    case 'disposal':
    case 'held-for-sale':
      return midMonth ? PHASE_MIDDLE : PHASE_START;
    default:
      return PHASE_START;
  }
}

function compareOrdered(a: OrderedEvent, b: OrderedEvent): number {
  return (
    a.month - b.month ||
    a.phase - b.phase ||
    compareStrings(a.event.date, b.event.date) ||
    TYPE_RANK[a.event.type] - TYPE_RANK[b.event.type] ||
    compareContent(contentKey(a.event), contentKey(b.event))
  );
}

/** The figures that distinguish two events of one type on one date, in a fixed order. */
function contentKey(e: FleetEvent): (number | string)[] {
  switch (e.type) {
    case 'change-estimate':
      return [e.lifeMonths ?? -1, e.salvagePct ?? -1];
    case 'impairment':
      return [e.fairValue];
    case 'held-for-sale':
      return [e.fairValueLessCosts];
    case 'disposal':
      return [e.units, e.proceeds];
    case 'idle':
      return [e.until ?? ''];
  }
}

function compareContent(a: (number | string)[], b: (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : compareStrings(String(x), String(y));
    if (c !== 0) return c;
  }
  return 0;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
