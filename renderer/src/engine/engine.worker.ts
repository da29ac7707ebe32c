// The book engine in a module Web Worker: the engine is pure, so it is imported as is.
import { computeLotSchedule, rollupPeriods } from '../../../shared/engine/book';
import { formatProblem } from '../../../shared/domain/problem';
import { rollupEconomics, valueFleet } from '../../../shared/engine/economic';
import { computeTaxSchedules, rollupDeferredTax } from '../../../shared/engine/tax';
import { createEngineCore } from './core';
import type { FromWorker, ToWorker } from './protocol';
import { createSliceLoop } from './slices';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const core = createEngineCore({
  computeLotSchedule,
  rollupPeriods,
  computeTaxSchedules: (fleet) => computeTaxSchedules(fleet).schedules,
  computeEconomics: (fleet, books) => {
    const value = valueFleet(fleet, books);
    return value.ok ? value.value.lots : `the market drivers have problems: ${value.error.map(formatProblem).join('; ')}`;
  },
  rollupEconomics: (list) => rollupEconomics(list),
  rollupDeferredTax,
});

const kick = createSliceLoop(core, (r) => scope.postMessage(r.message, r.transfer));

scope.onmessage = (e) => {
  try {
    for (const r of core.handle(e.data)) scope.postMessage(r.message, r.transfer);
    kick();
  } catch (err) {
    // A fleet or patch that cannot be applied: every later query will say so.
    const id = e.data.type === 'query' ? e.data.id : -1;
    scope.postMessage({ type: 'error', id, version: e.data.version, message: err instanceof Error ? err.message : String(err) }, []);
  }
};
