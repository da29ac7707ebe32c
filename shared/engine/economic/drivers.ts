import { isLocalDate, toLocalDate, type LocalDate } from '../../domain/dates';
import type { Assumptions } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';
import { findPreset, normaliseModel } from '../../presets/hardware';

/**
 * Market drivers of the economic value (DESIGN.md section 6, reference/economics.md sections 5.8
 * and 6): the keys of the Assumptions sheet, their defaults with sources, stress ranges, and the
 * typed form the engine uses. Rates are percentages in the sheet and decimals in MarketDrivers.
 */

/** How the market value of a used unit is modelled (economics.md 5.4). */
export type ResaleModel = 'cashflow' | 'anchor' | 'exponential';
export const RESALE_MODELS: readonly ResaleModel[] = ['cashflow', 'anchor', 'exponential'];

export interface DriverDef {
  /** Normalised key (lower case, letters and digits): what `Assumptions.drivers` is keyed by. */
  key: string;
  /** The key as written in the Assumptions sheet; normalises to `key`. */
  label: string;
  unit: string;
  kind: 'number' | 'text' | 'date' | 'choice';
  appliesTo: 'ASIC' | 'GPU' | 'all';
  /** Default value in sheet units (percent for rates); null: none of its own, see `fallback`. */
  default: number | string | null;
  /** What applies when the key is absent and `default` is null. */
  fallback?: string;
  /** Stress range for the tornado (sheet units). */
  low?: number;
  high?: number;
  /** Valid values: [min, max] inclusive; `above`/`below` exclusive. */
  min?: number;
  max?: number;
  above?: number;
  below?: number;
  integer?: boolean;
  choices?: readonly string[];
  /** Set when the value lives in a fixed Assumptions field instead of `drivers`. */
  field?: 'discountRatePct';
  source: string;
}

/** SpotWire vintage factors of the resale value for years 0..4 (economics.md 3.5, 5.4). */
export const SPOTWIRE_ANCHOR: readonly number[] = [1, 0.78, 0.6, 0.46, 0.35];

/** The date the default hashprice and rent figures describe (Jan-Mar 2026): the market start when no As Of is set. */
export const DEFAULT_MARKET_START: LocalDate = '2026-01-01';

const pct = '%';

/**
 * Every driver key. Order: ASIC, GPU, resale, common. `field: 'discountRatePct'` marks the fixed
 * "Discount Rate %" key, listed here so the tornado and docs see it with the others.
 */
export const DRIVER_DEFS: readonly DriverDef[] = [
  // ASIC (economics.md 5.2, 5.8, asic_defaults of section 6)
  { key: 'hashpricephday', label: 'Hashprice ($/PH/day)', unit: '$/PH/day', kind: 'number', appliesTo: 'ASIC', default: 39.5, low: 28.68, high: 61.95, min: 0,
    source: 'Hashrate Index roundup 2026-01-12 ($39.53/PH/day), economics.md 2.3/5.7; range: snapshots $28.68 (2026-06-26, unverified) to $61.95 (2024-12-16). Alias key "Hashprice ($/TH/day)" (x1000).' },
  { key: 'hashpricedriftyr', label: 'Hashprice Drift (%/yr)', unit: '%/yr', kind: 'number', appliesTo: 'ASIC', default: -20, low: -35, high: 0, above: -100,
    source: 'economics.md 5.8: USD hashprice drift ex-halving; 2021-26 CAGR -26%/yr ex-halving (derived).' },
  { key: 'halvingdates', label: 'Halving Dates', unit: 'dates', kind: 'text', appliesTo: 'ASIC', default: '2024-04-20; 2028-04-15; 2032-04-15',
    source: '"none" for no halving. economics.md 2.1/6: block 840,000 on 2024-04-20; block 1,050,000 est. ~2028-04-15; block 1,260,000 ~2032 (derived: +210,000 blocks x 600 s).' },
  { key: 'halvingshiftmonths', label: 'Halving Shift (months)', unit: 'months', kind: 'number', appliesTo: 'ASIC', default: 0, low: -3, high: 3, min: -24, max: 24, integer: true,
    source: 'economics.md 5.8: halving timing +/-3 months. Moves the halving dates after the market start.' },
  { key: 'feeshare', label: 'Fee Share %', unit: pct, kind: 'number', appliesTo: 'ASIC', default: 1, low: 0.5, high: 5, min: 0, max: 100,
    source: 'economics.md 5.8: fees 1% of the block reward (0.5-0.6% observed late 2025/Jan 2026), Hashrate Index roundups.' },
  { key: 'uptime', label: 'Uptime %', unit: pct, kind: 'number', appliesTo: 'ASIC', default: 97, low: 90, high: 99, min: 0, max: 100,
    source: 'economics.md 5.8: 97%; curtailment lowers it.' },
  { key: 'poolfee', label: 'Pool Fee %', unit: pct, kind: 'number', appliesTo: 'ASIC', default: 1.5, low: 0, high: 2.5, min: 0, max: 100,
    source: 'economics.md 5.8: 1.5%, FPPS pool norms [assumption, unverified].' },
  { key: 'asicpowerpricekwh', label: 'ASIC Power Price ($/kWh)', unit: '$/kWh', kind: 'number', appliesTo: 'ASIC', default: 0.045, low: 0.03, high: 0.08, min: 0,
    source: 'economics.md 5.8: all-in miner power; Riot 3.4c (2024), IREN ~3.8c (derived), hosting 5.5-7.3c.' },
  { key: 'hashboarddegradationyr', label: 'Hashboard Degradation (%/yr)', unit: '%/yr', kind: 'number', appliesTo: 'ASIC', default: 2, low: 0, high: 5, min: 0, below: 100,
    source: 'economics.md 5.2/6: 2%/yr [unverified assumption]; stress range 0-5 is an app choice.' },
  { key: 'asicdiscountrate', label: 'ASIC Discount Rate %', unit: '%/yr', kind: 'number', appliesTo: 'ASIC', default: null, fallback: 'Discount Rate %', low: 10, high: 25, above: -100,
    source: 'economics.md 5.8: miner discount rate 15%/yr (10-25) [unverified].' },
  { key: 'asicphysicallifemonths', label: 'ASIC Physical Life (months)', unit: 'months', kind: 'number', appliesTo: 'ASIC', default: 72, low: 48, high: 96, min: 1, max: 600, integer: true,
    source: 'economics.md 5.3/5.7: N = maximum physical life, 72-month horizon in the worked examples; stress range an app choice.' },
  { key: 'asicresalemodel', label: 'ASIC Resale Model', unit: '', kind: 'choice', appliesTo: 'ASIC', default: 'cashflow', choices: RESALE_MODELS,
    source: "economics.md 5.4: ASIC $/TH tracks hashprice; the marginal buyer's cash-flow value (Luxor prices rigs off months-to-breakeven)." },

  // GPU (economics.md 5.2, 5.8, gpu_defaults of section 6)
  { key: 'gpurentdecayyr', label: 'GPU Rent Decay (%/yr)', unit: '%/yr', kind: 'number', appliesTo: 'GPU', default: 20, low: 10, high: 40, below: 100,
    source: 'economics.md 5.8: 20%/yr; SpotWire 28-55%/yr for older parts, AWS RI x0.72/yr, 2024-25 observed -22% to -29%/yr, 2026 rebound.' },
  { key: 'gpurentbymodelgpuhr', label: 'GPU Rent by Model ($/GPU-hr)', unit: 'model=$/GPU-hr; ...', kind: 'text', appliesTo: 'GPU', default: '', fallback: 'the preset rent',
    source: 'Rent at the market start per model, e.g. "H100=2.35; B200=5.94". A lot\'s Rent column wins.' },
  { key: 'gpurentdecaybymodelyr', label: 'GPU Rent Decay by Model (%/yr)', unit: 'model=%/yr; ...', kind: 'text', appliesTo: 'GPU', default: '', fallback: 'GPU Rent Decay (%/yr)',
    source: 'Per-model override of the rent decay, e.g. "A100=28; H100=20".' },
  { key: 'successorstepdown', label: 'Successor Step-down %', unit: pct, kind: 'number', appliesTo: 'GPU', default: 25, low: 0, high: 40, min: 0, below: 100,
    source: 'economics.md 5.4/5.8: step of 20-30% when the successor becomes widely available (GLRI [S]).' },
  { key: 'successordates', label: 'Successor Dates', unit: 'model=date; ...', kind: 'text', appliesTo: 'GPU', default: '',
    source: 'Dates the next generation becomes widely available, per model ("H100=2027-06; B200=2028-01") or bare dates for every GPU. None by default: the 20%/yr decay default is measured across generation changes.' },
  { key: 'gpuutilization', label: 'GPU Utilization %', unit: pct, kind: 'number', appliesTo: 'GPU', default: 85, low: 40, high: 95, min: 0, max: 100,
    source: 'economics.md 3.4/5.8: billed utilization 85% contracted (65% merchant); Disintermediate, Uptime Institute.' },
  { key: 'pue', label: 'PUE', unit: 'ratio', kind: 'number', appliesTo: 'GPU', default: 1.3, low: 1.1, high: 1.6, min: 1,
    source: 'economics.md 3.3/5.8: 1.3 (Uptime Institute via lynx-cortex; ewyluda).' },
  { key: 'idlepowerfraction', label: 'Idle Power Fraction %', unit: pct, kind: 'number', appliesTo: 'GPU', default: 35, low: 25, high: 45, min: 0, max: 100,
    source: 'economics.md 3.3/5.8: 35% of maximum power (ewyluda).' },
  { key: 'gpupowerpricekwh', label: 'GPU Power Price ($/kWh)', unit: '$/kWh', kind: 'number', appliesTo: 'GPU', default: 0.08, low: 0.05, high: 0.13, min: 0,
    source: 'economics.md 5.8: data-centre power $0.08/kWh (ewyluda, aiinframap, chanthaphan).' },
  { key: 'colocationkwmonth', label: 'Colocation ($/kW-month)', unit: '$/kW-month', kind: 'number', appliesTo: 'GPU', default: 150, low: 100, high: 250, min: 0,
    source: 'economics.md 3.3/5.8: $150/kW-month (ewyluda), $150-250 (v2-pseo). Avoidable only by retiring.' },
  { key: 'gpuoperationsofcapexyr', label: 'GPU Operations (% of capex/yr)', unit: '%/yr', kind: 'number', appliesTo: 'GPU', default: 8, low: 5, high: 10, min: 0,
    source: 'economics.md 3.3/5.8: 8% of capex per year (ewyluda), 10% (chanthaphan). Capex = the lot\'s unit cost.' },
  { key: 'gpudiscountrate', label: 'GPU Discount Rate %', unit: '%/yr', kind: 'number', appliesTo: 'GPU', default: null, fallback: 'Discount Rate %', low: 8, high: 14, above: -100,
    source: 'economics.md 5.8: GPU discount rate 10%/yr (ewyluda CoC 8%, TS calculator 10%).' },
  { key: 'gpuphysicallifemonths', label: 'GPU Physical Life (months)', unit: 'months', kind: 'number', appliesTo: 'GPU', default: 72, low: 60, high: 96, min: 1, max: 600, integer: true,
    source: 'economics.md 3.7/5.7: physical life 6+ years, 72-month horizon in the worked examples; stress range an app choice.' },
  { key: 'gpuresalemodel', label: 'GPU Resale Model', unit: '', kind: 'choice', appliesTo: 'GPU', default: 'anchor', choices: RESALE_MODELS,
    source: 'economics.md 3.5/5.4: SpotWire vintage anchor 1.00/0.78/0.60/0.46/0.35 for years 0-4 on the unit cost.' },

  // Resale (economics.md 5.4)
  { key: 'liquidationfactor', label: 'Liquidation Factor %', unit: pct, kind: 'number', appliesTo: 'all', default: 85, low: 45, high: 100, min: 0, max: 100,
    source: 'economics.md 3.5/5.8: 85% = broker in 90 days (SpotWire, ASA OLV/FLV); 45% distressed, 100% orderly.' },
  { key: 'resaledecayyr', label: 'Resale Decay (%/yr)', unit: '%/yr', kind: 'number', appliesTo: 'all', default: 28.2, low: 0, high: 54.5, below: 100,
    source: 'economics.md 3.5: SpotWire A100 80GB SXM4 -28.2%/yr (A100 PCIe -54.5%, V100 -36.5%, H100 flat). Used by the exponential resale model.' },
  { key: 'buyerpowerpricekwh', label: 'Buyer Power Price ($/kWh)', unit: '$/kWh', kind: 'number', appliesTo: 'ASIC', default: 0.04, low: 0.035, high: 0.05, min: 0,
    source: 'economics.md 5.4/6: cheapest credible buyer power $0.035-0.05/kWh.' },
  { key: 'buyerpaybackmonths', label: 'Buyer Payback (months)', unit: 'months', kind: 'number', appliesTo: 'all', default: 18, low: 12, high: 24, min: 1, max: 120, integer: true,
    source: 'economics.md 5.4/6: buyer payback horizon 12-24 months (Luxor: S19 XP fair value at an 18.2-month breakeven).' },
  { key: 'buyerhurdle', label: 'Buyer Hurdle %', unit: '%/yr', kind: 'number', appliesTo: 'all', default: 30, low: 25, high: 40, above: -100,
    source: 'economics.md 5.4/6: buyer hurdle 25-40%/yr.' },

  // Common
  { key: 'discountrate', label: 'Discount Rate %', unit: '%/yr', kind: 'number', appliesTo: 'all', default: 12, low: 8, high: 25, above: -100, field: 'discountRatePct',
    source: 'Fixed Assumptions key (app default 12%); economics.md 5.8: miners 15%/yr, GPU owners 10%/yr. The class keys override it.' },
  { key: 'powerpricekwh', label: 'Power Price ($/kWh)', unit: '$/kWh', kind: 'number', appliesTo: 'all', default: null, fallback: 'the class power prices', min: 0,
    source: 'One power price for every class when the class keys are absent.' },
  { key: 'powerpricebylotkwh', label: 'Power Price by Lot ($/kWh)', unit: 'lot=$/kWh; ...', kind: 'text', appliesTo: 'all', default: '',
    source: 'Per-lot (site) power price, e.g. "L-001=0.035; L-002=0.05". Wins over every other power price.' },
  { key: 'marketstart', label: 'Market Start', unit: 'date', kind: 'date', appliesTo: 'all', default: null, fallback: `As Of, else ${DEFAULT_MARKET_START}`,
    source: 'The date the hashprice and rent start values describe; paths run forward and backward from it.' },
];

const DEF_BY_KEY: ReadonlyMap<string, DriverDef> = new Map(DRIVER_DEFS.map((d) => [d.key, d]));

export function driverDef(key: string): DriverDef | undefined {
  return DEF_BY_KEY.get(key);
}

/** The normalised form of an Assumptions key: lower case, letters and digits only. */
export function driverKey(label: string): string {
  return label.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The typed drivers. Rates are decimals (0.15), money in dollars per physical unit as labelled. */
export interface MarketDrivers {
  /** The month the start values describe (hashprice, rents). */
  marketStart: LocalDate;
  /** As Of of the Assumptions, if set: the date of the impairment flags. */
  asOf: LocalDate | null;
  asic: {
    hashpriceUsdPerPhDay: number;
    hashpriceDrift: number;
    /** After the halving shift. */
    halvingDates: LocalDate[];
    feeShare: number;
    uptime: number;
    poolFee: number;
    powerPriceKwh: number;
    degradation: number;
    discountRate: number;
    physicalLifeMonths: number;
    resaleModel: ResaleModel;
  };
  gpu: {
    rentDecay: number;
    /** Rent at the market start by model key (a preset id, or the normalised model name; '*' = all). */
    rentByModel: Record<string, number>;
    rentDecayByModel: Record<string, number>;
    successorStep: number;
    /** Successor arrival dates by model key ('*' = every GPU model). */
    successorDates: Record<string, LocalDate[]>;
    utilization: number;
    pue: number;
    idleFraction: number;
    powerPriceKwh: number;
    coloUsdPerKwMonth: number;
    opsPctCapexPerYear: number;
    discountRate: number;
    physicalLifeMonths: number;
    resaleModel: ResaleModel;
  };
  resale: {
    liquidationFactor: number;
    exponentialDecay: number;
    anchor: number[];
    buyerPowerPriceKwh: number;
    buyerPaybackMonths: number;
    buyerHurdle: number;
  };
  /** Power price by lot id, $/kWh. */
  powerPriceByLot: Record<string, number>;
  /** Non-blocking remarks on the values read (e.g. a percentage that looks like a fraction). */
  warnings: Problem[];
}

/** The model key a per-model map uses: the preset id when the name matches a preset. */
export function modelKey(model: string): string {
  const t = model.trim();
  if (t === '*' || t.toLowerCase() === 'all') return '*';
  return findPreset(t)?.id ?? normaliseModel(t);
}

/** Excel serial day (1900 system) to a LocalDate. */
function serialToDate(serial: number): LocalDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000);
  return toLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 'yyyy-MM-dd', 'yyyy-MM' (the 1st) or an Excel serial. */
function parseDate(v: string | number): LocalDate | null {
  if (typeof v === 'number') return serialToDate(v);
  const s = v.trim();
  if (/^\d{4}-\d{2}$/.test(s)) return isLocalDate(`${s}-01`) ? `${s}-01` : null;
  return isLocalDate(s) ? s : null;
}

function parseNumber(v: string | number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim().replace(/^\$/, '').replace(/%$/, '').replace(/_/g, '').trim();
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

/** 'a=1; b=2' (also ':' and, when every part has '=', ',' as separators) to name/value pairs. */
function parsePairs(s: string): { name: string; value: string }[] | null {
  const parts: string[] = [];
  for (const part of s.split(/[;\n\r]+/)) {
    const byComma = part.split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (byComma.length > 1 && byComma.every((p) => /[=:]/.test(p))) parts.push(...byComma);
    else if (part.trim() !== '') parts.push(part.trim().replace(/,$/, ''));
  }
  const out: { name: string; value: string }[] = [];
  for (const p of parts) {
    const m = /^([^=:]+?)\s*[=:]\s*(.+)$/.exec(p);
    if (!m) return null;
    out.push({ name: m[1], value: m[2].trim() });
  }
  return out;
}

function addMonths(date: LocalDate, months: number): LocalDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const ny = y + Math.floor(m / 12);
  const nm = (((m % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return toLocalDate(ny, nm, Math.min(d, last));
}

/**
 * Read the market drivers from the Assumptions: every key of DRIVER_DEFS, defaults where absent
 * (blank cells count as absent). All problems are reported at once, on sheet 'Assumptions', each
 * message starting with the key's label.
 */
export function marketFromAssumptions(a: Assumptions): Result<MarketDrivers, Problem[]> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const raw = a.drivers ?? {};
  const bad = (def: DriverDef, value: unknown, why: string): void => {
    problems.push({ sheet: 'Assumptions', message: `${def.label}: ${JSON.stringify(value)} ${why}`, severity: 'error' });
  };

  const present = (key: string): string | number | undefined => {
    const v = raw[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return undefined;
    return v;
  };

  const num = (key: string): number | null => {
    const def = DEF_BY_KEY.get(key)!;
    const v = def.field ? a[def.field] : present(key);
    if (v === undefined || v === null) return typeof def.default === 'number' ? def.default : null;
    const n = parseNumber(v);
    if (n === null) {
      bad(def, v, 'is not a number');
      return typeof def.default === 'number' ? def.default : null;
    }
    const range =
      (def.min !== undefined && n < def.min) ||
      (def.max !== undefined && n > def.max) ||
      (def.above !== undefined && n <= def.above) ||
      (def.below !== undefined && n >= def.below);
    if (range) {
      bad(def, v, `is out of range (${describeRange(def)})`);
      return typeof def.default === 'number' ? def.default : null;
    }
    if (def.integer && !Number.isInteger(n)) {
      bad(def, v, 'must be a whole number');
      return typeof def.default === 'number' ? def.default : null;
    }
    if (def.unit === pct && def.low !== undefined && def.low >= 5 && n > 0 && n <= 1) {
      warnings.push({ sheet: 'Assumptions', severity: 'warning', message: `${def.label}: ${n} reads as ${n}%; enter ${n * 100} for ${n * 100}%` });
    }
    return n;
  };

  const choice = (key: string): ResaleModel => {
    const def = DEF_BY_KEY.get(key)!;
    const v = present(key);
    if (v === undefined) return def.default as ResaleModel;
    const k = driverKey(String(v));
    const m: ResaleModel | undefined =
      k === 'cashflow' || k === 'buyer' ? 'cashflow' : k === 'anchor' || k === 'age' || k === 'vintage' ? 'anchor' : k === 'exponential' || k === 'exp' ? 'exponential' : undefined;
    if (!m) {
      bad(def, v, `is not one of ${RESALE_MODELS.join(', ')}`);
      return def.default as ResaleModel;
    }
    return m;
  };

  const dateList = (def: DriverDef, v: string | number): LocalDate[] | null => {
    if (typeof v === 'number') {
      const d = parseDate(v);
      return d ? [d] : null;
    }
    const out: LocalDate[] = [];
    if (v.trim().toLowerCase() === 'none') return out;
    for (const tok of v.split(/[\s;,|]+/).filter((t) => t !== '')) {
      const d = parseDate(tok);
      if (!d) {
        bad(def, tok, 'is not a date (yyyy-MM-dd or yyyy-MM)');
        return null;
      }
      out.push(d);
    }
    return out.sort();
  };

  const numberMap = (key: string, keyOf: (name: string) => string, check: (n: number) => boolean, rangeText: string): Record<string, number> => {
    const def = DEF_BY_KEY.get(key)!;
    const v = present(key);
    const out: Record<string, number> = {};
    if (v === undefined) return out;
    const pairs = parsePairs(String(v));
    if (!pairs) {
      bad(def, v, 'is not a list of name=value pairs separated by ";"');
      return out;
    }
    for (const { name, value } of pairs) {
      const n = parseNumber(value);
      if (n === null || !check(n)) {
        bad(def, `${name}=${value}`, n === null ? 'has a value that is not a number' : `is out of range (${rangeText})`);
        continue;
      }
      out[keyOf(name)] = n;
    }
    return out;
  };

  // ASIC
  let hashprice = num('hashpricephday')!;
  const thDay = present('hashpricethday');
  if (thDay !== undefined) {
    const def = DEF_BY_KEY.get('hashpricephday')!;
    const n = parseNumber(thDay);
    if (present('hashpricephday') !== undefined) bad(def, thDay, 'is also given as Hashprice ($/TH/day): keep one of the two');
    else if (n === null || n < 0) bad({ ...def, label: 'Hashprice ($/TH/day)' }, thDay, n === null ? 'is not a number' : 'is out of range (>= 0)');
    else hashprice = n * 1000;
  }
  const marketStartDef = DEF_BY_KEY.get('marketstart')!;
  let marketStart: LocalDate = a.asOf && isLocalDate(a.asOf) ? a.asOf : DEFAULT_MARKET_START;
  const ms = present('marketstart');
  if (ms !== undefined) {
    const d = parseDate(ms);
    if (d) marketStart = d;
    else bad(marketStartDef, ms, 'is not a date (yyyy-MM-dd or yyyy-MM)');
  }
  const shift = num('halvingshiftmonths') ?? 0;
  const halvingDef = DEF_BY_KEY.get('halvingdates')!;
  const halvingRaw = present('halvingdates') ?? (halvingDef.default as string);
  const halvings = (dateList(halvingDef, halvingRaw) ?? dateList(halvingDef, halvingDef.default as string)!).map((d) =>
    shift !== 0 && d > marketStart ? addMonths(d, shift) : d,
  );

  const generalPower = num('powerpricekwh');
  const discount = num('discountrate')!;
  const asicPowerGiven = present('asicpowerpricekwh') !== undefined;
  const gpuPowerGiven = present('gpupowerpricekwh') !== undefined;
  const asicPower = num('asicpowerpricekwh')!;
  const gpuPower = num('gpupowerpricekwh')!;

  // GPU
  const rentByModel = numberMap('gpurentbymodelgpuhr', modelKey, (n) => n >= 0, '>= 0');
  const rentDecayByModel = numberMap('gpurentdecaybymodelyr', modelKey, (n) => n < 100, 'below 100');
  for (const k of Object.keys(rentDecayByModel)) rentDecayByModel[k] /= 100;
  const successorDates: Record<string, LocalDate[]> = {};
  const succDef = DEF_BY_KEY.get('successordates')!;
  const succ = present('successordates');
  if (succ !== undefined) {
    if (typeof succ === 'number') {
      const d = parseDate(succ);
      if (d) successorDates['*'] = [d];
      else bad(succDef, succ, 'is not a date');
    } else {
      for (const entry of succ.split(/[;\n\r]+/).map((p) => p.trim()).filter((p) => p !== '')) {
        const m = /^([^=:]+?)\s*=\s*(.+)$/.exec(entry);
        const name = m ? modelKey(m[1]) : '*';
        const dates = dateList(succDef, m ? m[2] : entry);
        if (dates) successorDates[name] = [...(successorDates[name] ?? []), ...dates].sort();
      }
    }
  }

  const powerPriceByLot: Record<string, number> = numberMap('powerpricebylotkwh', (n) => n.trim(), (n) => n >= 0, '>= 0');

  const drivers: MarketDrivers = {
    marketStart,
    asOf: a.asOf && isLocalDate(a.asOf) ? a.asOf : null,
    asic: {
      hashpriceUsdPerPhDay: hashprice,
      hashpriceDrift: num('hashpricedriftyr')! / 100,
      halvingDates: halvings,
      feeShare: num('feeshare')! / 100,
      uptime: num('uptime')! / 100,
      poolFee: num('poolfee')! / 100,
      powerPriceKwh: !asicPowerGiven && generalPower !== null ? generalPower : asicPower,
      degradation: num('hashboarddegradationyr')! / 100,
      discountRate: (num('asicdiscountrate') ?? discount) / 100,
      physicalLifeMonths: num('asicphysicallifemonths')!,
      resaleModel: choice('asicresalemodel'),
    },
    gpu: {
      rentDecay: num('gpurentdecayyr')! / 100,
      rentByModel,
      rentDecayByModel,
      successorStep: num('successorstepdown')! / 100,
      successorDates,
      utilization: num('gpuutilization')! / 100,
      pue: num('pue')!,
      idleFraction: num('idlepowerfraction')! / 100,
      powerPriceKwh: !gpuPowerGiven && generalPower !== null ? generalPower : gpuPower,
      coloUsdPerKwMonth: num('colocationkwmonth')!,
      opsPctCapexPerYear: num('gpuoperationsofcapexyr')! / 100,
      discountRate: (num('gpudiscountrate') ?? discount) / 100,
      physicalLifeMonths: num('gpuphysicallifemonths')!,
      resaleModel: choice('gpuresalemodel'),
    },
    resale: {
      liquidationFactor: num('liquidationfactor')! / 100,
      exponentialDecay: num('resaledecayyr')! / 100,
      anchor: [...SPOTWIRE_ANCHOR],
      buyerPowerPriceKwh: num('buyerpowerpricekwh')!,
      buyerPaybackMonths: num('buyerpaybackmonths')!,
      buyerHurdle: num('buyerhurdle')! / 100,
    },
    powerPriceByLot,
    warnings,
  };
  return problems.length > 0 ? err(problems) : ok(drivers);
}

function describeRange(d: DriverDef): string {
  const parts: string[] = [];
  if (d.min !== undefined) parts.push(`>= ${d.min}`);
  if (d.above !== undefined) parts.push(`> ${d.above}`);
  if (d.max !== undefined) parts.push(`<= ${d.max}`);
  if (d.below !== undefined) parts.push(`< ${d.below}`);
  return parts.join(' and ');
}

/**
 * The Assumptions with one driver set (by normalised key), for scenarios and the tornado: the fixed
 * Discount Rate % goes to its field, everything else to `drivers`. The input is not modified.
 */
export function withDriver(a: Assumptions, key: string, value: number | string): Assumptions {
  const def = DEF_BY_KEY.get(key);
  if (def?.field === 'discountRatePct') {
    const n = typeof value === 'number' ? value : parseNumber(value);
    return { ...a, discountRatePct: n ?? a.discountRatePct };
  }
  return { ...a, drivers: { ...a.drivers, [key]: value } };
}
