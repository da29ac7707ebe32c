import type { FiscalCalendar } from '../../../shared/domain/fiscal';
import type { Fleet, FleetEvent, Lot } from '../../../shared/domain/fleet';
import type { LotSchedule, PeriodKind, PeriodRow } from '../../../shared/engine/book/types';
import type { EconomicsRollup, LotEconomics } from '../../../shared/engine/economic';
import { packPeriods, type BookQuery, type FromWorker, type ToWorker, type ValueQuery, type ValueResult } from './protocol';
import { createStressCore, type StressInput } from './stressCore';
import type { DeferredTaxPeriod } from '../../../shared/engine/tax';
import { packDeferred, type DeferredQuery } from './deferredProtocol';

/** The engine functions the worker needs (injected so tests can count calls). */
export interface BookEngine {
  computeLotSchedule(lot: Lot, events: readonly FleetEvent[], calendar: FiscalCalendar): LotSchedule;
  rollupPeriods(schedules: readonly LotSchedule[], kind: PeriodKind, calendar: FiscalCalendar): PeriodRow[];
  /** The tax book: fleet-wide, since the mid-quarter test looks at every lot of a tax year. */
  computeTaxSchedules?(fleet: Fleet): LotSchedule[];
  /** Economic value of every lot beside its book schedule; a string says why it cannot run (bad drivers). */
  computeEconomics?(fleet: Fleet, books: LotSchedule[]): LotEconomics[] | string;
  rollupEconomics?(list: readonly LotEconomics[]): EconomicsRollup;
  /** Deferred tax by period of lots given as pairs of book and tax schedules (rounded per lot, then summed). */
  rollupDeferredTax?(books: readonly LotSchedule[], taxes: readonly LotSchedule[], taxRatePct: number, kind: PeriodKind, calendar: FiscalCalendar): DeferredTaxPeriod[];
}

export interface Reply {
  message: FromWorker;
  transfer: Transferable[];
}

const NO_EVENTS: FleetEvent[] = [];

/**
 * The worker's state machine, free of worker APIs: it keeps the fleet and one schedule per lot,
 * recomputes only the lots a patch replaced, and answers queries with the rolled-up periods.
 */
export function createEngineCore(engine: BookEngine, now: () => number = () => performance.now()) {
  let version = -1;
  let fleet: Fleet | null = null;
  let calendar: FiscalCalendar = { startMonth: 1 };
  let eventsByLot = new Map<string, FleetEvent[]>();
  let schedules: (LotSchedule | undefined)[] = [];
  let lotIndex = new Map<string, number>();
  // Tax schedules for the current version and set of excluded lots, by lot index (undefined: excluded).
  let tax: { key: string; byLot: (LotSchedule | undefined)[] } | null = null;

  function taxAt(i: number, excluded: ReadonlySet<number>): LotSchedule {
    const key = `${version}:${[...excluded].join(',')}`;
    if (!tax || tax.key !== key) {
      if (!engine.computeTaxSchedules) throw new Error('the tax book is not available in this engine');
      const kept = fleet!.lots.map((_, j) => j).filter((j) => !excluded.has(j));
      const computed = engine.computeTaxSchedules({ ...fleet!, lots: kept.map((j) => fleet!.lots[j]) });
      const byLot: (LotSchedule | undefined)[] = new Array(fleet!.lots.length);
      kept.forEach((j, k) => (byLot[j] = computed[k]));
      tax = { key, byLot };
    }
    return tax.byLot[i]!;
  }

  function scheduleAt(i: number): LotSchedule {
    let s = schedules[i];
    if (!s) {
      const lot = fleet!.lots[i];
      s = engine.computeLotSchedule(lot, eventsByLot.get(lot.id) ?? NO_EVENTS, calendar);
      schedules[i] = s;
    }
    return s;
  }

  let economics: { key: string; byLot: (LotEconomics | undefined)[] } | null = null;

  function economicsOf(excluded: ReadonlySet<number>): (LotEconomics | undefined)[] {
    const key = `${version}:${[...excluded].join(',')}`;
    if (!economics || economics.key !== key) {
      if (!engine.computeEconomics) throw new Error('the economic value engine is not available');
      const kept = fleet!.lots.map((_, j) => j).filter((j) => !excluded.has(j));
      const out = engine.computeEconomics({ ...fleet!, lots: kept.map((j) => fleet!.lots[j]) }, kept.map(scheduleAt));
      if (typeof out === 'string') throw new Error(out);
      const byLot: (LotEconomics | undefined)[] = new Array(fleet!.lots.length);
      kept.forEach((j, k) => (byLot[j] = out[k]));
      economics = { key, byLot };
    }
    return economics.byLot;
  }

  function answerValue(query: ValueQuery): ValueResult {
    if (!fleet) throw new Error('no fleet has been sent to the engine');
    const excluded = new Set(query.exclude ?? []);
    const all = economicsOf(excluded);
    const { scope } = query;
    const picked: LotEconomics[] = [];
    for (let i = 0; i < fleet.lots.length; i++) {
      const e = all[i];
      if (!e) continue;
      if (scope.kind === 'class' && e.assetClass !== scope.assetClass) continue;
      if (scope.kind === 'lot' && e.lotId !== scope.lotId) continue;
      picked.push(e);
    }
    if (scope.kind === 'lot' && picked.length === 0) throw new Error(`there is no valid lot "${scope.lotId}"`);
    const r = engine.rollupEconomics!(picked);
    return {
      startMonth: r.startMonth,
      economicValue: r.economicValue.slice(),
      bookNbv: r.bookNbv ? r.bookNbv.slice() : null,
      gap: r.gap ? r.gap.slice() : null,
      asOfMonth: picked[0]?.asOfMonth ?? r.startMonth,
      unmodelledLots: r.unmodelledLots,
      recoverabilityImpairedLots: r.asOf.recoverabilityImpairedLots,
      ifrsImpairedLots: r.asOf.ifrsImpairedLots,
      lots: picked.map((e) => ({
        lotId: e.lotId,
        assetClass: e.assetClass,
        model: e.model,
        modelled: e.modelled,
        issue: e.issue,
        economicLifeMonths: e.economicLifeMonths,
        impliedLifeMonths: e.impliedLifeMonths,
        bookNbvAtAsOf: e.bookNbvAtAsOf ?? null,
        economicValueAtAsOf: e.ifrsRecoverableAmount,
        recoverabilityImpaired: e.recoverabilityImpaired,
        ifrsImpaired: e.ifrsImpaired,
      })),
    };
  }

  let stressInput: StressInput | null = null;

  /** The fleet less the excluded lots, with their (cached) book schedules, for the stress queries. */
  function stressInputFor(exclude: readonly number[]): StressInput {
    if (!fleet) throw new Error('no fleet has been sent to the engine');
    const key = `${version}:${exclude.join(',')}`;
    if (stressInput?.key === key) return stressInput;
    const excluded = new Set(exclude);
    const kept = fleet.lots.map((_, j) => j).filter((j) => !excluded.has(j));
    const lots = kept.length === fleet.lots.length ? fleet.lots : kept.map((j) => fleet!.lots[j]);
    const ids = new Set(lots.map((l) => l.id));
    const events = lots === fleet.lots ? fleet.events : fleet.events.filter((e) => ids.has(e.lotId));
    stressInput = { key, fleet: lots === fleet.lots ? fleet : { ...fleet, lots, events }, books: kept.map(scheduleAt) };
    return stressInput;
  }

  const stress = createStressCore({ input: stressInputFor, version: () => version, now });

  /** Deferred tax of the scope's valid lots: each lot's book schedule against its tax schedule. */
  function answerDeferred(query: DeferredQuery): DeferredTaxPeriod[] {
    if (!fleet) throw new Error('no fleet has been sent to the engine');
    if (!engine.rollupDeferredTax) throw new Error('deferred tax is not available in this engine');
    const { scope } = query;
    const excluded = new Set(query.exclude ?? []);
    const picked: number[] = [];
    if (scope.kind === 'lot') {
      const i = lotIndex.get(scope.lotId);
      if (i === undefined) throw new Error(`there is no lot "${scope.lotId}"`);
      if (excluded.has(i)) throw new Error(`lot "${scope.lotId}" has problems in the Fleet grid; fix them to see its deferred tax`);
      picked.push(i);
    } else {
      for (let i = 0; i < fleet.lots.length; i++) {
        if (excluded.has(i) || (scope.kind === 'class' && fleet.lots[i].assetClass !== scope.assetClass)) continue;
        picked.push(i);
      }
    }
    const books = picked.map(scheduleAt);
    const taxes = picked.map((i) => taxAt(i, excluded));
    return engine.rollupDeferredTax(books, taxes, fleet.assumptions.taxRatePct, query.period, calendar);
  }

  function answer(query: BookQuery): PeriodRow[] {
    if (!fleet) throw new Error('no fleet has been sent to the engine');
    const { scope, period } = query;
    const excluded = new Set(query.exclude ?? []);
    const at = query.book === 'tax' ? (i: number) => taxAt(i, excluded) : scheduleAt;
    const picked: LotSchedule[] = [];
    if (scope.kind === 'lot') {
      const i = lotIndex.get(scope.lotId);
      if (i === undefined) throw new Error(`there is no lot "${scope.lotId}"`);
      if (excluded.has(i)) throw new Error(`lot "${scope.lotId}" has problems in the Fleet grid; fix them to see its schedule`);
      picked.push(at(i));
    } else {
      for (let i = 0; i < fleet.lots.length; i++) {
        if (excluded.has(i) || (scope.kind === 'class' && fleet.lots[i].assetClass !== scope.assetClass)) continue;
        picked.push(at(i));
      }
    }
    return engine.rollupPeriods(picked, period, calendar);
  }

  return {
    handle(msg: ToWorker): Reply[] {
      switch (msg.type) {
        case 'fleet': {
          version = msg.version;
          fleet = msg.fleet;
          calendar = { startMonth: fleet.assumptions.fiscalYearStartMonth };
          eventsByLot = new Map();
          for (const e of fleet.events) {
            const list = eventsByLot.get(e.lotId);
            if (list) list.push(e);
            else eventsByLot.set(e.lotId, [e]);
          }
          schedules = new Array(fleet.lots.length);
          lotIndex = new Map();
          // The first row with an ID is the lot (later repeats are the rows flagged as duplicates).
          fleet.lots.forEach((l, i) => lotIndex.has(l.id) || lotIndex.set(l.id, i));
          return [];
        }
        case 'patch': {
          if (!fleet || msg.baseVersion !== version) throw new Error('engine patch does not apply to the fleet it has');
          const lots = fleet.lots.slice();
          let renamed = false;
          for (const [i, lot] of msg.lots) {
            if (lots[i].id !== lot.id) renamed = true;
            lots[i] = lot;
            schedules[i] = undefined;
          }
          fleet = { ...fleet, lots };
          if (renamed) {
            lotIndex = new Map();
            lots.forEach((l, i) => lotIndex.has(l.id) || lotIndex.set(l.id, i));
          }
          version = msg.version;
          return [];
        }
        case 'value': {
          const start = now();
          try {
            if (msg.version !== version) throw new Error('engine query for a fleet it does not have');
            const value = answerValue(msg.query);
            const transfer = [value.economicValue.buffer, value.bookNbv?.buffer, value.gap?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
            return [{ message: { type: 'value-result', id: msg.id, version, value, computeMs: now() - start }, transfer }];
          } catch (e) {
            return [{ message: { type: 'error', id: msg.id, version, message: e instanceof Error ? e.message : String(e) }, transfer: [] }];
          }
        }
        case 'deferred': {
          const start = now();
          try {
            if (msg.version !== version) throw new Error('engine query for a fleet it does not have');
            const table = packDeferred(answerDeferred(msg.query), fleet!.assumptions.taxRatePct);
            return [{ message: { type: 'deferred-result', id: msg.id, version, table, computeMs: now() - start }, transfer: [table.values.buffer] }];
          } catch (e) {
            return [{ message: { type: 'error', id: msg.id, version, message: e instanceof Error ? e.message : String(e) }, transfer: [] }];
          }
        }
        case 'stress':
        case 'montecarlo':
        case 'cancel':
          return stress.handle(msg);
        case 'query': {
          const start = now();
          try {
            if (msg.version !== version) throw new Error('engine query for a fleet it does not have');
            const table = packPeriods(answer(msg.query));
            return [
              {
                message: { type: 'result', id: msg.id, version, table, computeMs: now() - start },
                transfer: [table.values.buffer],
              },
            ];
          } catch (e) {
            return [{ message: { type: 'error', id: msg.id, version, message: e instanceof Error ? e.message : String(e) }, transfer: [] }];
          }
        }
      }
    },
    /** True while a Monte Carlo run has paths left: the worker then calls `pump` between messages. */
    busy: stress.busy,
    pump: stress.pump,
  };
}
