import type { MonthIndex } from '../../domain/dates';
import type { AssetClass } from '../../domain/fleet';
import type { LotEconomics } from './compute';

/**
 * Class and fleet series: sums of the lots' monthly cents over the union of their months. A lot
 * adds nothing before its in-service month or after its physical life (it has been sold by then).
 */
export interface EconomicsRollup {
  startMonth: MonthIndex;
  length: number;
  /** Modelled lots included. */
  lots: number;
  /** Lots the filter kept that have no market model (not in the sums). */
  unmodelledLots: number;
  economicValue: Float64Array;
  salvageValue: Float64Array;
  margin: Float64Array;
  /** Cash flow under the optimal policy (see cashFlowOf). */
  cashFlow: Float64Array;
  /** Sum of the lots' economic depreciation (so a lot entering or leaving is not depreciation). */
  economicDepreciation: Float64Array;
  /** Lots running in each month. */
  operatingLots: Float64Array;
  /** Present when every included lot has book columns. */
  bookNbv?: Float64Array;
  gap?: Float64Array;
  /** At each lot's as-of month (lots held then). */
  asOf: {
    economicValue: number;
    bookNbv: number;
    undiscountedCashFlows: number;
    recoverabilityImpairedLots: number;
    ifrsImpairedLots: number;
    /** Sum over IFRS-impaired lots of NBV - recoverable amount. */
    ifrsShortfall: number;
  };
}

/** Which lots: a class, a list of lot ids, or a predicate. */
export type EconomicsFilter = AssetClass | readonly string[] | ((e: LotEconomics) => boolean);

function keep(filter: EconomicsFilter | undefined): (e: LotEconomics) => boolean {
  if (filter === undefined) return () => true;
  if (typeof filter === 'function') return filter;
  if (typeof filter === 'string') return (e) => e.assetClass === filter;
  const ids = new Set(filter);
  return (e) => ids.has(e.lotId);
}

export function rollupEconomics(list: readonly LotEconomics[], filter?: EconomicsFilter): EconomicsRollup {
  const pick = keep(filter);
  const lots: LotEconomics[] = [];
  let unmodelled = 0;
  let first = Infinity;
  let last = -Infinity;
  let allBooks = true;
  for (const e of list) {
    if (!pick(e)) continue;
    if (!e.modelled || e.length === 0) {
      if (!e.modelled) unmodelled++;
      continue;
    }
    lots.push(e);
    if (e.startMonth < first) first = e.startMonth;
    if (e.startMonth + e.length > last) last = e.startMonth + e.length;
    if (!e.bookNbv) allBooks = false;
  }
  const length = lots.length === 0 ? 0 : last - first;
  const startMonth = lots.length === 0 ? 0 : first;
  const ev = new Float64Array(length);
  const sal = new Float64Array(length);
  const margin = new Float64Array(length);
  const cash = new Float64Array(length);
  const dep = new Float64Array(length);
  const running = new Float64Array(length);
  const nbv = allBooks && lots.length > 0 ? new Float64Array(length) : undefined;
  const asOf = { economicValue: 0, bookNbv: 0, undiscountedCashFlows: 0, recoverabilityImpairedLots: 0, ifrsImpairedLots: 0, ifrsShortfall: 0 };
  for (const e of lots) {
    const off = e.startMonth - startMonth;
    const n = e.length;
    const a = e.economicValue;
    const s = e.salvageValue;
    const m = e.margin;
    const d = e.economicDepreciation;
    const o = e.operating;
    const f = e.fixedCostPerMonth;
    const held = Math.min(e.economicLifeMonths, n);
    for (let i = 0; i < n; i++) {
      const k = off + i;
      ev[k] += a[i];
      sal[k] += s[i];
      margin[k] += m[i];
      dep[k] += d[i];
      running[k] += o[i];
    }
    // Cash flow under the optimal policy (as cashFlowOf): margin when running, less fixed costs, while held.
    for (let i = 0; i < held; i++) cash[off + i] += (o[i] === 1 ? m[i] : 0) - f;
    if (nbv && e.bookNbv) {
      const b = e.bookNbv;
      for (let i = 0; i < n; i++) nbv[off + i] += b[i];
    }
    if (e.asOfIndex >= 0) {
      asOf.economicValue += e.economicValue[e.asOfIndex];
      asOf.undiscountedCashFlows += e.undiscountedCashFlows;
      if (e.bookNbvAtAsOf !== undefined) asOf.bookNbv += e.bookNbvAtAsOf;
      if (e.recoverabilityImpaired) asOf.recoverabilityImpairedLots++;
      if (e.ifrsImpaired) {
        asOf.ifrsImpairedLots++;
        asOf.ifrsShortfall += (e.bookNbvAtAsOf ?? 0) - e.ifrsRecoverableAmount;
      }
    }
  }
  let gap: Float64Array | undefined;
  if (nbv) {
    gap = new Float64Array(length);
    for (let k = 0; k < length; k++) gap[k] = nbv[k] - ev[k];
  }
  return {
    startMonth,
    length,
    lots: lots.length,
    unmodelledLots: unmodelled,
    economicValue: ev,
    salvageValue: sal,
    margin,
    cashFlow: cash,
    economicDepreciation: dep,
    operatingLots: running,
    ...(nbv ? { bookNbv: nbv, gap } : {}),
    asOf,
  };
}

/** One rollup per asset class present in the list (ASIC, GPU; Other lots only count as unmodelled). */
export function rollupByClass(list: readonly LotEconomics[]): Partial<Record<AssetClass, EconomicsRollup>> {
  const out: Partial<Record<AssetClass, EconomicsRollup>> = {};
  const classes = new Set(list.map((e) => e.assetClass));
  for (const c of classes) out[c] = rollupEconomics(list, c);
  return out;
}
