/**
 * Keys the stress engine adds to the Assumptions (and Scenarios) sheets: the Monte Carlo's
 * volatilities, and the book-life levers of the tornado. Values in sheet units (percent).
 */
import type { AssetClass, Assumptions } from '../../domain/fleet';
import type { Problem } from '../../domain/problem';
import { err, ok, type Result } from '../../domain/result';

export interface VolatilityDef {
  /** Normalised key (as `Assumptions.drivers` holds it). */
  key: string;
  label: string;
  unit: string;
  default: number;
  min: number;
  max: number;
  source: string;
}

export const VOLATILITY_DEFS: readonly VolatilityDef[] = [
  { key: 'btcpricevolatilityyr', label: 'BTC Price Volatility (%/yr)', unit: '%/yr', default: 50, min: 0, max: 300,
    source: 'economics.md 5.8: BTC price vol (GBM) 50%/yr, stress range 35-70 (marked there as a standard assumption, not sourced).' },
  { key: 'hashratevolatilityyr', label: 'Hashrate Volatility (%/yr)', unit: '%/yr', default: 20, min: 0, max: 300,
    source: 'economics.md 5.8: hashrate / difficulty growth, "Monte Carlo sigma ~ 20%/yr"; 5.2: log H_net a random walk with vol sigma_H.' },
  { key: 'btchashratecorrelation', label: 'BTC-Hashrate Correlation', unit: '-1..1', default: 0, min: -1, max: 1,
    source: 'App assumption (economics.md gives no figure): the two monthly shocks independent.' },
  { key: 'gpurentdecayvolatilityyr', label: 'GPU Rent Decay Volatility (%/yr)', unit: 'points of %/yr', default: 10, min: 0, max: 100,
    source: 'App assumption: standard deviation of the per-path rent decay, in points around GPU Rent Decay; with the 20%/yr default, economics.md 5.8\'s range 10-40%/yr (and the 5.5 sweep 10/20/30/40) lies within -1 to +2 sd.' },
];

/** Volatilities as decimals per year (correlation as is). */
export interface Volatility {
  btcPrice: number;
  hashrate: number;
  correlation: number;
  rentDecay: number;
}

/** Bounds of a drawn rent decay (decimal per year): rents may rise (a negative decay) but not halve every year on average. */
export const RENT_DECAY_DRAW_MIN = -0.5;
export const RENT_DECAY_DRAW_MAX = 0.95;

function parseNumber(v: string | number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const s = v.trim().replace(/%$/, '').trim();
  if (s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  return Number(s);
}

/** The volatility keys of the Assumptions, defaults where absent; problems on sheet Assumptions. */
export function volatilityFromAssumptions(a: Assumptions): Result<Volatility, Problem[]> {
  const problems: Problem[] = [];
  const value = (def: VolatilityDef): number => {
    const raw = a.drivers?.[def.key];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return def.default;
    const n = parseNumber(raw);
    if (n === null || n < def.min || n > def.max) {
      problems.push({ sheet: 'Assumptions', severity: 'error', message: `${def.label}: ${JSON.stringify(raw)} ${n === null ? 'is not a number' : `is out of range (>= ${def.min} and <= ${def.max})`}` });
      return def.default;
    }
    return n;
  };
  const [btc, hash, corr, rent] = VOLATILITY_DEFS.map(value);
  if (problems.length > 0) return err(problems);
  return ok({ btcPrice: btc / 100, hashrate: hash / 100, correlation: corr, rentDecay: rent / 100 });
}

export function isVolatilityKey(key: string): boolean {
  return VOLATILITY_DEFS.some((d) => d.key === key);
}

/** Book-life levers of the tornado (economics.md 5.8 book lives and their stress ranges). */
export interface BookLifeLever {
  /** The Scenarios-sheet key that sets it. */
  key: string;
  label: string;
  assetClass: AssetClass;
  low: number;
  high: number;
  source: string;
}

export const BOOK_LIFE_LEVERS: readonly BookLifeLever[] = [
  { key: 'Book Life (months): ASIC', label: 'Book Life (months): ASIC', assetClass: 'ASIC', low: 24, high: 60,
    source: 'economics.md 5.8: ASIC book life 36 months, range 24-60 (CleanSpark, Cipher, Stronghold).' },
  { key: 'Book Life (months): GPU', label: 'Book Life (months): GPU', assetClass: 'GPU', low: 36, high: 72,
    source: 'economics.md 5.8: GPU book life 72 months (hyperscalers, CoreWeave), 48 (Nebius); range 36-72.' },
];
