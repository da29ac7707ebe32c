/**
 * Life what-if (DESIGN.md section 7): the book re-run with every lot (or one class) at alternative
 * lives, depreciation per fiscal year against the base, and the pre-tax income effect
 *   effect = base depreciation - alternative depreciation
 * (negative: a shorter life books more depreciation and lowers pre-tax income). Events apply as in
 * the base (a change of estimate still sets its own new life from its month).
 */
import type { AssetClass, Fleet, FleetEvent } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { computeBookSchedules, computeLotSchedule, rollupPeriods } from '../book';
import type { LotSchedule } from '../book/types';
import { booksByLot } from './model';

/** 3, 4, 5, 5.5 and 6 years (economics.md 5.6 stress levers). */
export const DEFAULT_WHAT_IF_LIVES: readonly number[] = [36, 48, 60, 66, 72];

export interface LifeWhatIfOptions {
  /** Alternative lives in months (default 36, 48, 60, 66, 72). */
  lives?: readonly number[];
  /** Only the lots of this class change life (default: every lot). */
  assetClass?: AssetClass;
  books?: LotSchedule[];
}

export interface LifeAlternative {
  lifeMonths: number;
  /** Cents per fiscal year, aligned with LifeWhatIf.fiscalYears. */
  depreciation: number[];
  /** base - alternative per fiscal year. */
  effect: number[];
  totalDepreciation: number;
  totalEffect: number;
}

export interface LifeWhatIf {
  assetClass?: AssetClass;
  /** Every fiscal year with a book row in the base or an alternative, in order. */
  fiscalYears: string[];
  base: number[];
  totalBase: number;
  alternatives: LifeAlternative[];
  /** Remarks, e.g. SYD lots at a life that is not a whole number of years. */
  notes: string[];
}

export function lifeWhatIf(fleet: Fleet, options: LifeWhatIfOptions = {}): Result<LifeWhatIf, Problem[]> {
  const lives = options.lives ?? DEFAULT_WHAT_IF_LIVES;
  const problems: Problem[] = [];
  for (const l of lives) {
    if (!Number.isInteger(l) || l < 1 || l > 600) problems.push({ sheet: 'Stress', message: `life what-if: ${l} is not a whole number of months from 1 to 600` });
  }
  if (problems.length > 0) return err(problems);
  const calendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
  const books = options.books ?? computeBookSchedules(fleet);
  const byLot = booksByLot(fleet, books);
  const events = new Map<string, FleetEvent[]>();
  for (const e of fleet.events) events.set(e.lotId, [...(events.get(e.lotId) ?? []), e]);
  const changes = (i: number): boolean => options.assetClass === undefined || fleet.lots[i].assetClass === options.assetClass;

  const columns = new Map<string, { first: number; amounts: number[] }>();
  const series = lives.length + 1;
  const add = (which: number, list: readonly LotSchedule[]): void => {
    for (const r of rollupPeriods(list, 'year', calendar)) {
      let c = columns.get(r.period);
      if (!c) {
        c = { first: r.firstMonth, amounts: new Array<number>(series).fill(0) };
        columns.set(r.period, c);
      }
      c.amounts[which] += r.depreciation;
    }
  };
  add(0, books);
  const notes: string[] = [];
  lives.forEach((life, a) => {
    const syd: string[] = [];
    const alt = fleet.lots.map((lot, i) => {
      if (!changes(i) || (lot.lifeMonths === life && byLot[i])) return byLot[i] ?? computeLotSchedule(lot, events.get(lot.id) ?? [], calendar);
      if (lot.method === 'SYD' && life % 12 !== 0) syd.push(lot.id);
      return computeLotSchedule({ ...lot, lifeMonths: life }, events.get(lot.id) ?? [], calendar);
    });
    if (syd.length > 0) {
      notes.push(`${life} months is not a whole number of years, which SYD needs: ${syd.length} SYD lot${syd.length === 1 ? '' : 's'} (${syd.slice(0, 3).join(', ')}${syd.length > 3 ? ', ...' : ''}) take a prorated short last year`);
    }
    add(a + 1, alt);
  });

  const ordered = [...columns.entries()].sort((x, y) => x[1].first - y[1].first);
  const fiscalYears = ordered.map(([fy]) => fy);
  const base = ordered.map(([, c]) => c.amounts[0]);
  const sum = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);
  const alternatives = lives.map((lifeMonths, a): LifeAlternative => {
    const depreciation = ordered.map(([, c]) => c.amounts[a + 1]);
    const effect = depreciation.map((d, i) => base[i] - d);
    return { lifeMonths, depreciation, effect, totalDepreciation: sum(depreciation), totalEffect: sum(effect) };
  });
  return ok({ ...(options.assetClass ? { assetClass: options.assetClass } : {}), fiscalYears, base, totalBase: sum(base), alternatives, notes });
}
