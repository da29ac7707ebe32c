/**
 * A named scenario of the Scenarios sheet applied to the fleet, for a report "under scenario X"
 * (DESIGN.md sections 7 and 9). Keys are compared as the Assumptions sheet compares them
 * (normaliseKey). What a key can override:
 * - the fixed Assumptions: Tax Rate %, Discount Rate %, Fiscal Year Start Month, As Of, Horizon (months), Company, Currency;
 * - any market driver the economic engine knows (reference/economics.md), by its Assumptions key;
 * - lives and salvage, for every lot or one class: `Book Life (months)`, `Book Life (years)`,
 *   `Salvage %`, prefixed by a class for that class only (`GPU Book Life (months)`).
 * A key that is none of these is a problem, not ignored: a report must not claim a scenario it did
 * not apply.
 */
import { ASSET_CLASSES, type Assumptions, type Fleet, type Lot, type ScenarioOverride } from '../domain/fleet';
import { isLocalDate } from '../domain/dates';
import type { Problem } from '../domain/problem';
import { driverDef, withDriver } from '../engine/economic';
import { normaliseKey } from '../workbook/normalise';

export interface AppliedScenario {
  fleet: Fleet;
  /** The scenario's name as written in the file. */
  name: string;
  overrides: ScenarioOverride[];
}

type Fixed = 'taxRatePct' | 'discountRatePct' | 'fiscalYearStartMonth' | 'asOf' | 'horizonMonths' | 'company' | 'currency';

const FIXED_KEYS: Record<string, Fixed> = {
  taxrate: 'taxRatePct', taxratepct: 'taxRatePct', taxratepercent: 'taxRatePct',
  discountrate: 'discountRatePct', discountratepct: 'discountRatePct', discountratepercent: 'discountRatePct',
  fiscalyearstartmonth: 'fiscalYearStartMonth', fiscalyearstart: 'fiscalYearStartMonth', fystartmonth: 'fiscalYearStartMonth',
  asof: 'asOf', asofdate: 'asOf', valuationdate: 'asOf', reportingdate: 'asOf',
  horizonmonths: 'horizonMonths', horizon: 'horizonMonths',
  company: 'company', companyname: 'company', currency: 'currency',
};

const LIFE_MONTHS = new Set(['booklifemonths', 'lifemonths', 'usefullifemonths']);
const LIFE_YEARS = new Set(['booklifeyears', 'lifeyears', 'usefullifeyears']);
const SALVAGE = new Set(['salvage', 'salvagepct', 'salvagepercent']);

/** Names of the scenarios in the file, each once, in file order. */
export function scenarioNames(fleet: Fleet): string[] {
  const seen = new Map<string, string>();
  for (const s of fleet.scenarios) if (!seen.has(normaliseKey(s.scenario))) seen.set(normaliseKey(s.scenario), s.scenario);
  return [...seen.values()];
}

function asNumber(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const n = Number(v.replace(/[,\s$%]/g, ''));
  return v.trim() !== '' && Number.isFinite(n) ? n : null;
}

/** The fleet under scenario `name`, or the problems that stop it (unknown scenario, keys or values). */
export function applyScenario(fleet: Fleet, name: string): { ok: true; value: AppliedScenario } | { ok: false; error: Problem[] } {
  const want = normaliseKey(name);
  const overrides = fleet.scenarios.filter((s) => normaliseKey(s.scenario) === want);
  if (overrides.length === 0) {
    const names = scenarioNames(fleet);
    return { ok: false, error: [{ sheet: 'Scenarios', message: `there is no scenario named "${name}"${names.length ? ` (the file has: ${names.join(', ')})` : ' (the file has no scenarios)'}` }] };
  }
  const problems: Problem[] = [];
  let assumptions: Assumptions = { ...fleet.assumptions, drivers: { ...fleet.assumptions.drivers } };
  let lots: Lot[] = fleet.lots;
  const lotEdits: ((lot: Lot) => Lot)[] = [];
  for (const o of overrides) {
    const key = normaliseKey(o.key);
    const bad = (why: string) => problems.push({ sheet: 'Scenarios', message: `scenario "${o.scenario}", key "${o.key}": ${why}` });
    const fixed = FIXED_KEYS[key];
    if (fixed) {
      if (fixed === 'company' || fixed === 'currency') assumptions = { ...assumptions, [fixed]: String(o.value) };
      else if (fixed === 'asOf') {
        if (typeof o.value === 'string' && isLocalDate(o.value)) assumptions = { ...assumptions, asOf: o.value };
        else bad('As Of needs a yyyy-mm-dd date');
      } else {
        const n = asNumber(o.value);
        if (n === null) bad(`${String(o.value)} is not a number`);
        else if (fixed === 'fiscalYearStartMonth' && !(Number.isInteger(n) && n >= 1 && n <= 12)) bad('the fiscal year start month is 1 to 12');
        else if (fixed === 'horizonMonths' && !(Number.isInteger(n) && n >= 1 && n <= 600)) bad('the horizon is 1 to 600 months');
        else assumptions = { ...assumptions, [fixed]: n };
      }
      continue;
    }
    const lotKey = lotOverride(key);
    if (lotKey) {
      const n = asNumber(o.value);
      if (n === null) {
        bad(`${String(o.value)} is not a number`);
        continue;
      }
      const months = lotKey.field === 'lifeYears' ? Math.round(n * 12) : n;
      if (lotKey.field !== 'salvagePct' && !(Number.isInteger(months) && months >= 1 && months <= 600)) {
        bad('a book life is 1 to 600 whole months');
        continue;
      }
      if (lotKey.field === 'salvagePct' && !(n >= 0 && n <= 100)) {
        bad('Salvage % is 0 to 100');
        continue;
      }
      const match = (lot: Lot) => lotKey.assetClass === null || lot.assetClass === lotKey.assetClass;
      lotEdits.push(lotKey.field === 'salvagePct' ? (lot) => (match(lot) ? { ...lot, salvagePct: n } : lot) : (lot) => (match(lot) ? { ...lot, lifeMonths: months } : lot));
      continue;
    }
    if (driverDef(key)) {
      assumptions = withDriver(assumptions, key, o.value);
      continue;
    }
    bad('not an assumption, a market driver, or a life or salvage override this version can apply');
  }
  if (problems.length) return { ok: false, error: problems };
  if (lotEdits.length) lots = lots.map((lot) => lotEdits.reduce((l, edit) => edit(l), lot));
  return { ok: true, value: { fleet: { ...fleet, assumptions, lots }, name: overrides[0].scenario, overrides } };
}

function lotOverride(key: string): { field: 'lifeMonths' | 'lifeYears' | 'salvagePct'; assetClass: Lot['assetClass'] | null } | null {
  for (const c of [null, ...ASSET_CLASSES]) {
    const prefix = c === null ? '' : normaliseKey(c);
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (LIFE_MONTHS.has(rest)) return { field: 'lifeMonths', assetClass: c };
    if (LIFE_YEARS.has(rest)) return { field: 'lifeYears', assetClass: c };
    if (SALVAGE.has(rest)) return { field: 'salvagePct', assetClass: c };
  }
  return null;
}
