/**
 * Bonus depreciation (IRC section 168(k)) by acquisition and placed-in-service date. The dates and
 * rates come from ./macrs-pub946.json (bonus_depreciation): the TCJA phase-down by placed-in-service
 * date, and the 2025 law (P.L. 119-21): 100 % for property acquired after 2025-01-19, with an
 * election of 40 % for property placed in service in the first tax year ending after 2025-01-19.
 */
import pub946 from './macrs-pub946.json';
import { fiscalYearOf } from '../../domain/fiscal';
import { monthIndexOf, type LocalDate } from '../../domain/dates';
import type { Assumptions, Lot } from '../../domain/fleet';

export interface BonusOptions {
  /** Elect 40 % instead of 100 % for property placed in service in the first tax year ending after 2025-01-19. */
  bonusElection40?: boolean;
  /** Fiscal year start month (1..12), to find that first tax year; default 1 (calendar year). */
  fiscalYearStartMonth?: number;
}

export interface BonusRate {
  /** Percent of (cost - Section 179), 0..100. */
  pct: number;
  /** The rule that decided it, for display and audit. */
  rule: string;
}

/** Property acquired after this date gets the 2025 law's 100 % (acquired on or after 2025-01-20). */
export const OBBBA_ACQUIRED_AFTER: LocalDate = '2025-01-19';
/** The TCJA 100 % tier (and the phase-down after it) required acquisition after this date. */
export const TCJA_ACQUIRED_AFTER: LocalDate = '2017-09-27';
/** Assumptions driver key (normalised) of the fleet-level 40 % election. */
export const BONUS_ELECTION_40_DRIVER = 'bonuselection40';

interface Tier {
  from: LocalDate;
  to: LocalDate;
  pct: number;
  label: string;
}

/** Parse the JSON's keys: 'yyyy-MM-dd..yyyy-MM-dd', 'yyyy', 'yyyy+'. */
function parseTiers(table: Record<string, number>): Tier[] {
  const tiers = Object.entries(table).map(([key, pct]): Tier => {
    const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
    if (range) return { from: range[1], to: range[2], pct, label: `${range[1]}..${range[2]}` };
    const year = /^(\d{4})(\+?)$/.exec(key);
    if (!year) throw new Error(`bonus tier key not understood: ${key}`);
    return { from: `${year[1]}-01-01`, to: year[2] ? '9999-12-31' : `${year[1]}-12-31`, pct, label: year[2] ? `${year[1]} and later` : year[1] };
  });
  return tiers.sort((a, b) => (a.from < b.from ? -1 : 1));
}

const TCJA_TIERS = parseTiers(pub946.bonus_depreciation.tcja_by_placed_in_service_year);

/** The 40 % election from the Assumptions drivers: 1, true, 'yes', 'true', 'y', 'on' (any case) mean elected. */
export function bonusElection40From(assumptions: Pick<Assumptions, 'drivers'>): boolean {
  const v = assumptions.drivers?.[BONUS_ELECTION_40_DRIVER];
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return ['1', 'true', 'yes', 'y', 'on'].includes(v.trim().toLowerCase());
  return false;
}

/** Bonus rate of a lot under the law (or its own Bonus % override), with the rule that decided it. */
export function bonusRateFor(lot: Pick<Lot, 'inService' | 'acquired' | 'bonusPct' | 'taxClass'>, options: BonusOptions = {}): BonusRate {
  if (lot.taxClass === 'none') return { pct: 0, rule: 'tax class none: no tax depreciation' };
  if (lot.bonusPct !== undefined && lot.bonusPct !== null && Number.isFinite(lot.bonusPct)) {
    const pct = Math.min(100, Math.max(0, lot.bonusPct));
    return { pct, rule: `override: Bonus % ${pct} set on the lot` };
  }
  const acquired = lot.acquired || lot.inService;
  const pis = lot.inService;

  if (acquired > OBBBA_ACQUIRED_AFTER) {
    if (options.bonusElection40) {
      const cal = { startMonth: options.fiscalYearStartMonth ?? 1 };
      // Tax years end on a month's last day, so the first one ending after 2025-01-19 is the one holding January 2025.
      const firstYear = fiscalYearOf(monthIndexOf('2025-01-01'), cal);
      if (fiscalYearOf(monthIndexOf(pis), cal) === firstYear) {
        return { pct: 40, rule: `P.L. 119-21 40% election: acquired ${acquired} (after ${OBBBA_ACQUIRED_AFTER}), placed in service in FY${firstYear}, the first tax year ending after ${OBBBA_ACQUIRED_AFTER}` };
      }
      return { pct: 100, rule: `P.L. 119-21: acquired ${acquired} (after ${OBBBA_ACQUIRED_AFTER}): 100% (the 40% election covers FY${firstYear} only)` };
    }
    return { pct: 100, rule: `P.L. 119-21: acquired ${acquired} (after ${OBBBA_ACQUIRED_AFTER}): 100%` };
  }
  if (acquired <= TCJA_ACQUIRED_AFTER) {
    return { pct: 0, rule: `acquired ${acquired}, on or before ${TCJA_ACQUIRED_AFTER}: pre-TCJA bonus rules are not modelled, 0% (set the lot's Bonus % to override)` };
  }
  for (const t of TCJA_TIERS) {
    if (pis >= t.from && pis <= t.to) {
      return { pct: t.pct, rule: `TCJA: acquired ${acquired} (before 2025-01-20), placed in service ${pis} (${t.label}): ${t.pct}%` };
    }
  }
  return { pct: 0, rule: `placed in service ${pis}, outside the TCJA tiers: 0%` };
}
