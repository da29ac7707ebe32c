/**
 * A measuring hook for `npm run bench` (test/bench/ui.bench.ts), off unless the page's address has
 * `?perf=1`. When on, `window.__fleetbookPerf` records when the document store receives a new
 * fleet and each engine answer's compute time, and offers the store's own editCell (the action a
 * grid edit commits through) so a benchmark can edit while another view is on screen. Nothing is
 * recorded, and nothing is exposed, in normal use.
 */
import type { DocumentState, DocumentStore } from './store/documentStore';

export interface PerfFleetMark {
  /** performance.now() right after the store took the new fleet (zustand notifies synchronously). */
  at: number;
  lots: number;
  /** A new document (loadDocument) rather than an edit of the open one. */
  loaded: boolean;
}

export interface PerfEngineMark {
  kind: 'schedule' | 'value';
  /** The worker's own time for the answer (protocol's computeMs). */
  computeMs: number;
  /** From the request leaving the renderer (fleet patch included) to the answer arriving. */
  roundTripMs: number;
  at: number;
}

export interface FleetbookPerf {
  fleets: PerfFleetMark[];
  engine: PerfEngineMark[];
  /** The store's editCell by row position (the grid commits an edit through the same action). */
  editCell(rowIndex: number, field: string, text: string): void;
}

declare global {
  interface Window {
    __fleetbookPerf?: FleetbookPerf;
  }
}

const enabled = typeof location !== 'undefined' && new URLSearchParams(location.search).get('perf') === '1';
let hook: FleetbookPerf | null = null;

/** Install the hook when the page asked for it (call once at start). */
export function installPerfHook(store: Pick<DocumentStore, 'getState' | 'subscribe'>): void {
  if (!enabled || hook) return;
  const h: FleetbookPerf = {
    fleets: [],
    engine: [],
    editCell(rowIndex, field, text) {
      const s = store.getState();
      s.editCell(s.rowIds[rowIndex], field, text);
    },
  };
  store.subscribe((s: DocumentState, prev: DocumentState) => {
    if (s.fleet !== prev.fleet) h.fleets.push({ at: performance.now(), lots: s.fleet.lots.length, loaded: s.origins !== prev.origins });
  });
  hook = h;
  window.__fleetbookPerf = h;
}

/** Record an engine answer (a no-op unless the hook is on). */
export function perfEngine(kind: PerfEngineMark['kind'], computeMs: number, sentAt: number): void {
  if (!hook) return;
  const at = performance.now();
  hook.engine.push({ kind, computeMs, roundTripMs: at - sentAt, at });
}
