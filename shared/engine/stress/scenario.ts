/**
 * Scenarios (DESIGN.md section 7): named override sets from the workbook's Scenarios sheet
 * (Scenario, Key, Value) applied to the fleet. The key grammar is in README.md; in short:
 *
 *   assumption   Tax Rate %, Discount Rate %, Fiscal Year Start Month, As Of, Horizon (months), Company, Currency
 *   driver       any market driver key of the economic engine (DRIVER_DEFS), e.g. Uptime %, GPU Rent Decay (%/yr)
 *   volatility   the Monte Carlo keys (BTC Price Volatility (%/yr), ...)
 *   lot field    FIELD, CLASS FIELD, or FIELD: TARGET, with FIELD one of Book Life (months), Book Life (years),
 *                Life (months), Life (years), Useful Life (months|years), Salvage %, and TARGET a class
 *                (ASIC, GPU, Other) or a model ("Book Life (months): S21").
 *
 * Keys compare as the Assumptions sheet compares them (normaliseKey: case, spaces and punctuation
 * ignored), except the ':' that separates a field from its target.
 */
import { isLocalDate } from '../../domain/dates';
import { ASSET_CLASSES, type AssetClass, type Assumptions, type Fleet, type Lot, type ScenarioOverride } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { findPreset, normaliseModel } from '../../presets/hardware';
import { excelSerialToLocalDate } from '../../workbook/excelDate';
import { normaliseKey } from '../../workbook/normalise';
import { driverDef, marketFromAssumptions, withDriver } from '../economic';
import { isVolatilityKey, volatilityFromAssumptions } from './keys';

/** The name of the scenario that is the workbook itself (no overrides). */
export const BASE_SCENARIO = 'Base';

const SHEET = 'Scenarios';

type FixedField = 'taxRatePct' | 'discountRatePct' | 'fiscalYearStartMonth' | 'asOf' | 'horizonMonths' | 'company' | 'currency';

/** The fixed Assumptions keys, as the Assumptions sheet reads them. */
const FIXED_KEYS: Readonly<Record<string, FixedField>> = {
  taxrate: 'taxRatePct', taxratepct: 'taxRatePct', taxratepercent: 'taxRatePct',
  discountrate: 'discountRatePct', discountratepct: 'discountRatePct', discountratepercent: 'discountRatePct',
  fiscalyearstartmonth: 'fiscalYearStartMonth', fiscalyearstart: 'fiscalYearStartMonth', fystartmonth: 'fiscalYearStartMonth', fiscalstartmonth: 'fiscalYearStartMonth',
  asof: 'asOf', asofdate: 'asOf', valuationdate: 'asOf', reportingdate: 'asOf',
  horizonmonths: 'horizonMonths', horizon: 'horizonMonths',
  company: 'company', companyname: 'company', entity: 'company',
  currency: 'currency',
};

type LotField = 'lifeMonths' | 'lifeYears' | 'salvagePct';

const LOT_FIELDS: Readonly<Record<string, LotField>> = {
  booklifemonths: 'lifeMonths', lifemonths: 'lifeMonths', usefullifemonths: 'lifeMonths',
  booklifeyears: 'lifeYears', lifeyears: 'lifeYears', usefullifeyears: 'lifeYears',
  salvage: 'salvagePct', salvagepct: 'salvagePct', salvagepercent: 'salvagePct', booksalvage: 'salvagePct',
};

export type ScenarioTarget = { kind: 'all' } | { kind: 'class'; assetClass: AssetClass } | { kind: 'model'; model: string };

/** What a Scenarios key overrides. */
export type ScenarioKey =
  | { kind: 'assumption'; field: FixedField }
  | { kind: 'driver'; key: string }
  | { kind: 'volatility'; key: string }
  | { kind: 'lot'; field: LotField; target: ScenarioTarget };

function classOf(text: string): AssetClass | undefined {
  const k = normaliseKey(text);
  return ASSET_CLASSES.find((c) => normaliseKey(c) === k);
}

/** The meaning of a Scenarios key, or null when this version does not know it. */
export function parseScenarioKey(raw: string): ScenarioKey | null {
  const colon = raw.indexOf(':');
  if (colon >= 0) {
    const field = LOT_FIELDS[normaliseKey(raw.slice(0, colon))];
    const targetText = raw.slice(colon + 1).trim();
    if (!field || targetText === '') return null;
    const assetClass = classOf(targetText);
    return { kind: 'lot', field, target: assetClass ? { kind: 'class', assetClass } : { kind: 'model', model: targetText } };
  }
  const key = normaliseKey(raw);
  const fixed = FIXED_KEYS[key];
  if (fixed) return { kind: 'assumption', field: fixed };
  for (const c of ASSET_CLASSES) {
    const prefix = normaliseKey(c);
    if (key.startsWith(prefix) && LOT_FIELDS[key.slice(prefix.length)]) return { kind: 'lot', field: LOT_FIELDS[key.slice(prefix.length)], target: { kind: 'class', assetClass: c } };
  }
  if (LOT_FIELDS[key]) return { kind: 'lot', field: LOT_FIELDS[key], target: { kind: 'all' } };
  if (driverDef(key) || key === 'hashpricethday') return { kind: 'driver', key };
  if (isVolatilityKey(key)) return { kind: 'volatility', key };
  return null;
}

/** The scenario names of the Scenarios sheet, each once, in file order (rows named Base included). */
export function scenarioNames(fleet: Fleet): string[] {
  const seen = new Map<string, string>();
  for (const s of fleet.scenarios) {
    const k = normaliseKey(s.scenario);
    if (!seen.has(k)) seen.set(k, s.scenario);
  }
  return [...seen.values()];
}

export function isBaseName(name: string | undefined): boolean {
  return name === undefined || normaliseKey(name) === normaliseKey(BASE_SCENARIO);
}

function asNumber(v: number | string): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim().replace(/^\$/, '').replace(/%$/, '').replace(/,/g, '').trim();
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function targetKey(t: ScenarioTarget): string {
  return t.kind === 'all' ? 'all' : t.kind === 'class' ? `class:${t.assetClass}` : `model:${modelId(t.model)}`;
}

/** A model name's identity: its preset when it has one (aliases match), else its normalised name. */
function modelId(model: string): string {
  return findPreset(model)?.id ?? normaliseModel(model);
}

function targetText(t: ScenarioTarget): string {
  return t.kind === 'all' ? 'every lot' : t.kind === 'class' ? `class ${t.assetClass}` : `model "${t.model}"`;
}

interface LotEdit {
  target: ScenarioTarget;
  field: 'lifeMonths' | 'salvagePct';
  value: number;
  key: string;
}

/**
 * The fleet under scenario `name`: `undefined` or "Base" is the workbook as it is (rows the sheet
 * files under the reserved name Base are a problem when "Base" is asked for by name). Problems
 * (sheet Scenarios, all at once): an unknown scenario name, an unknown key, a bad value, two keys setting
 * the same thing, a model no lot has, a life SYD cannot take. The fleet given is not modified.
 */
export function applyScenario(fleet: Fleet, name: string | undefined): Result<Fleet, Problem[]> {
  if (name === undefined) return ok(fleet);
  const want = normaliseKey(name);
  const overrides = fleet.scenarios.filter((s) => normaliseKey(s.scenario) === want);
  if (isBaseName(name)) {
    if (overrides.length > 0) {
      return err([{ sheet: SHEET, message: `scenario "${overrides[0].scenario}" is the workbook's own Assumptions and takes no overrides: give its rows another scenario name` }]);
    }
    return ok(fleet);
  }
  if (overrides.length === 0) {
    const names = scenarioNames(fleet);
    return err([{ sheet: SHEET, message: `no scenario named "${name}" (the workbook has: ${names.length > 0 ? names.join(', ') : 'none'})` }]);
  }
  return applyOverrides(fleet, overrides);
}

/** Applies override rows (of one scenario) to the fleet; see applyScenario. */
export function applyOverrides(fleet: Fleet, overrides: readonly ScenarioOverride[]): Result<Fleet, Problem[]> {
  const problems: Problem[] = [];
  const base = fleet.assumptions;
  let a: Assumptions = { ...base, drivers: { ...base.drivers } };
  const edits: LotEdit[] = [];
  const setBy = new Map<string, string>();
  const driverKeysSet = new Set<string>();
  let generalPower = false;
  let generalDiscount = false;

  for (const o of overrides) {
    const bad = (why: string): void => {
      problems.push({ sheet: SHEET, message: `scenario "${o.scenario}", key "${o.key}": ${why}` });
    };
    const parsed = parseScenarioKey(o.key);
    if (!parsed) {
      bad('not a key Fleetbook knows (an assumption, a market driver, a volatility, or Book Life (months) / Book Life (years) / Salvage % for every lot, a class or a model: see the stress README)');
      continue;
    }
    const identity =
      parsed.kind === 'lot' ? `lot:${parsed.field === 'salvagePct' ? 'salvage' : 'life'}:${targetKey(parsed.target)}` : parsed.kind === 'assumption' ? `a:${parsed.field}` : `d:${parsed.key}`;
    const prior = setBy.get(identity);
    if (prior !== undefined) {
      bad(`sets the same thing as key "${prior}"`);
      continue;
    }
    setBy.set(identity, o.key);
    const v = o.value;

    if (parsed.kind === 'assumption') {
      const f = parsed.field;
      if (f === 'company') a = { ...a, company: String(v) };
      else if (f === 'currency') {
        const code = String(v).trim().toUpperCase();
        if (/^[A-Z]{3}$/.test(code)) a = { ...a, currency: code };
        else bad(`"${String(v)}" is not a three-letter currency code`);
      } else if (f === 'asOf') {
        const d = typeof v === 'number' ? excelSerialToLocalDate(v) : isLocalDate(v.trim()) ? ok(v.trim()) : err('');
        if (d.ok) a = { ...a, asOf: d.value };
        else bad(`"${String(v)}" is not a date (yyyy-mm-dd)`);
      } else if (f === 'fiscalYearStartMonth') {
        const text = String(v).trim().toLowerCase();
        const byName = MONTH_NAMES.findIndex((m) => text.length >= 3 && m === text.slice(0, 3));
        const n = byName >= 0 ? byName + 1 : asNumber(v);
        if (n !== null && Number.isInteger(n) && n >= 1 && n <= 12) a = { ...a, fiscalYearStartMonth: n };
        else bad(`"${String(v)}" is not a month (1 to 12 or a month name)`);
      } else if (f === 'horizonMonths') {
        const n = asNumber(v);
        if (n !== null && Number.isInteger(n) && n >= 1 && n <= 600) a = { ...a, horizonMonths: n };
        else bad(`"${String(v)}" is not a whole number of months from 1 to 600`);
      } else {
        const n = asNumber(v);
        if (n !== null && n >= 0 && n <= 100) {
          a = { ...a, [f]: n };
          if (f === 'discountRatePct') generalDiscount = true;
        } else bad(`"${String(v)}" is not a percentage from 0 to 100`);
      }
      continue;
    }

    if (parsed.kind === 'driver' || parsed.kind === 'volatility') {
      a = withDriver(a, parsed.key, v);
      driverKeysSet.add(parsed.key);
      if (parsed.key === 'powerpricekwh') generalPower = true;
      continue;
    }

    // Lot fields.
    const n = asNumber(v);
    if (n === null) {
      bad(`"${String(v)}" is not a number`);
      continue;
    }
    if (parsed.field === 'salvagePct') {
      if (n >= 0 && n <= 100) edits.push({ target: parsed.target, field: 'salvagePct', value: n, key: o.key });
      else bad(`Salvage % ${n} is not from 0 to 100`);
      continue;
    }
    const months = parsed.field === 'lifeYears' ? n * 12 : n;
    const whole = Math.round(months);
    if (Math.abs(months - whole) > 1e-9 || whole < 1 || whole > 600) {
      bad(`a book life is a whole number of months from 1 to 600 (${parsed.field === 'lifeYears' ? `${n} years is ${Number(months.toFixed(6))} months` : `not ${n}`})`);
      continue;
    }
    edits.push({ target: parsed.target, field: 'lifeMonths', value: whole, key: o.key });
  }

  // A scenario's one power price or discount rate means every class, unless it also sets the class's own key.
  const drivers = { ...a.drivers };
  if (generalPower) for (const k of ['asicpowerpricekwh', 'gpupowerpricekwh']) if (!driverKeysSet.has(k)) delete drivers[k];
  if (generalDiscount) for (const k of ['asicdiscountrate', 'gpudiscountrate']) if (!driverKeysSet.has(k)) delete drivers[k];
  // Either hashprice key replaces the workbook's other one ($/PH/day or $/TH/day).
  if (driverKeysSet.has('hashpricephday') && !driverKeysSet.has('hashpricethday')) delete drivers.hashpricethday;
  if (driverKeysSet.has('hashpricethday') && !driverKeysSet.has('hashpricephday')) delete drivers.hashpricephday;
  a = { ...a, drivers };

  // Driver values: the problems the scenario adds to the workbook's own.
  const scenarioName = overrides[0]?.scenario ?? '';
  const before = new Set<string>();
  const baseMarket = marketFromAssumptions(base);
  if (!baseMarket.ok) for (const p of baseMarket.error) before.add(p.message);
  const baseVol = volatilityFromAssumptions(base);
  if (!baseVol.ok) for (const p of baseVol.error) before.add(p.message);
  const market = marketFromAssumptions(a);
  const vol = volatilityFromAssumptions(a);
  for (const p of [...(market.ok ? [] : market.error), ...(vol.ok ? [] : vol.error)]) {
    if (!before.has(p.message)) problems.push({ sheet: SHEET, message: `scenario "${scenarioName}", ${p.message}` });
  }

  const lots = editLots(fleet.lots, edits, scenarioName, problems);
  if (problems.length > 0) return err(problems);
  return ok({ ...fleet, assumptions: a, lots });
}

const SPECIFICITY: Record<ScenarioTarget['kind'], number> = { all: 0, class: 1, model: 2 };

/** Lot edits, the most specific target winning (model over class over every lot). */
function editLots(lots: readonly Lot[], edits: LotEdit[], scenario: string, problems: Problem[]): Lot[] {
  if (edits.length === 0) return lots as Lot[];
  const ordered = [...edits].sort((x, y) => SPECIFICITY[x.target.kind] - SPECIFICITY[y.target.kind]);
  const modelIds = new Map<string, string>();
  const idOf = (model: string): string => {
    let id = modelIds.get(model);
    if (id === undefined) {
      id = modelId(model ?? '');
      modelIds.set(model, id);
    }
    return id;
  };
  const matched = new Set<LotEdit>();
  const syd = new Map<LotEdit, string[]>();
  const out = lots.map((lot) => {
    let next = lot;
    let life: LotEdit | undefined;
    for (const e of ordered) {
      const t = e.target;
      const hit = t.kind === 'all' || (t.kind === 'class' ? lot.assetClass === t.assetClass : idOf(lot.model) === idOf(t.model));
      if (!hit) continue;
      matched.add(e);
      if (next === lot) next = { ...lot };
      if (e.field === 'salvagePct') next.salvagePct = e.value;
      else {
        next.lifeMonths = e.value;
        life = e;
      }
    }
    if (life && next.method === 'SYD' && next.lifeMonths % 12 !== 0) syd.set(life, [...(syd.get(life) ?? []), lot.id]);
    return next;
  });
  for (const e of edits) {
    if (!matched.has(e) && e.target.kind === 'model') problems.push({ sheet: SHEET, message: `scenario "${scenario}", key "${e.key}": no lot has ${targetText(e.target)}` });
  }
  for (const [e, ids] of syd) {
    const shown = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ` and ${ids.length - 3} more` : '');
    problems.push({ sheet: SHEET, message: `scenario "${scenario}", key "${e.key}": ${e.value} months is not a whole number of years, which SYD needs (lots ${shown})` });
  }
  return out;
}
