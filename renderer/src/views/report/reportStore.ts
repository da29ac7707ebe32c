/**
 * The report export as the renderer sees it: the options (sheets, scenario) and the export job,
 * kept outside the view so an export keeps running, and its progress keeps coming, while the user
 * looks at another view. The host runs the export (report:start), this polls report:status for the
 * progress bar and the outcome; in browser mode the finished report is then downloaded.
 */
import { create } from 'zustand';
import type { Fleet } from '../../../../shared/domain/fleet';
import { isBaseName, scenarioNames } from '../../../../shared/engine/stress/scenario';
import { DEFAULT_PATHS, DEFAULT_SEED, MAX_PATHS } from '../../../../shared/engine/stress/limits';
import { parseWhole } from '../../format';
import type { HostError, ReportJobResult } from '../../../../shared/ipc/contract';
import { REPORT_SHEET_KEYS, type ReportSheetKey } from '../../../../shared/report/types';
import { ensureDocId } from '../../app/documentActions';
import { platform } from '../../platform';
import { selectProblemCount, useDocumentStore } from '../../store';

/** How often the progress is asked for while an export runs. */
export const POLL_MS = 150;

/** The sheets a user may leave out (the Audit sheet is always written). */
export const OPTIONAL_SHEETS = REPORT_SHEET_KEYS.filter((k) => k !== 'audit');

export type ReportPhase =
  /** Nothing started, or the save dialog was cancelled. */
  | 'idle'
  /** Asking the host to start (in Electron: the save dialog is open). */
  | 'starting'
  | 'running'
  /** Cancel asked for; the host is stopping the export. */
  | 'cancelling'
  | 'done'
  | 'failed'
  | 'cancelled';

export interface ReportState {
  /** The optional sheets ticked, in report order. */
  sheets: ReportSheetKey[];
  /** A scenario of the workbook's Scenarios sheet, or null for the base case. */
  scenario: string | null;
  /** The Stress sheet's Monte Carlo paths and seed as typed (checked when exporting). */
  pathsText: string;
  seedText: string;
  phase: ReportPhase;
  /** The share of the report written, 0 to 1. */
  fraction: number;
  /** The report's file name while it is being written. */
  fileName: string | null;
  jobId: string | null;
  result: ReportJobResult | null;
  error: HostError | null;
  /** Bumped to ask the Report view to focus its Export button (File > Export Report). */
  focusRequest: number;

  toggleSheet(key: ReportSheetKey, on: boolean): void;
  setScenario(scenario: string | null): void;
  setMonteCarlo(texts: { pathsText?: string; seedText?: string }): void;
  requestFocus(): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
}

export const isBusy = (phase: ReportPhase): boolean => phase === 'starting' || phase === 'running' || phase === 'cancelling';

/** The Monte Carlo paths and seed as typed, or the first problem with them. */
export function monteCarloOf(s: Pick<ReportState, 'pathsText' | 'seedText'>): { ok: true; value: { paths: number; seed: number } } | { ok: false; problem: string } {
  const paths = parseWhole(s.pathsText, 'Monte Carlo paths', 1, MAX_PATHS);
  if (!paths.ok) return paths;
  const seed = parseWhole(s.seedText, 'Seed', 0, Number.MAX_SAFE_INTEGER);
  if (!seed.ok) return seed;
  return { ok: true, value: { paths: paths.value, seed: seed.value } };
}

/** The scenario names a report can apply, Base left out (it is the "no scenario" choice). */
export function reportScenarios(fleet: Fleet): string[] {
  return scenarioNames(fleet).filter((n) => !isBaseName(n));
}

/** The scenario that will be applied: the chosen one if the workbook still has it, else the base case. */
export function effectiveScenario(chosen: string | null, fleet: Fleet): string | null {
  return chosen !== null && reportScenarios(fleet).includes(chosen) ? chosen : null;
}

/** Hand a finished report to the browser's downloads (browser mode: the host serves it once). */
function download(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

const sleep = (ms: number) => new Promise<void>((r) => window.setTimeout(r, ms));

export const useReportStore = create<ReportState>()((set, get) => {
  const fail = (error: HostError) => set({ phase: 'failed', error, jobId: null });

  async function follow(jobId: string): Promise<void> {
    for (;;) {
      await sleep(POLL_MS);
      const res = await platform().reportStatus({ jobId });
      if (get().jobId !== jobId) return; // superseded
      if (!res.ok) return fail(res.error);
      const s = res.value;
      if (s.state === 'running') {
        set({ fraction: s.fraction });
        continue;
      }
      if (s.state === 'done' && s.result) {
        set({ phase: 'done', fraction: 1, result: s.result, jobId: null });
        if (s.result.downloadUrl) download(s.result.downloadUrl, s.result.fileName);
      } else if (s.state === 'cancelled') set({ phase: 'cancelled', jobId: null });
      else fail(s.error ?? { code: 'internal', message: 'The export stopped without saying why.' });
      return;
    }
  }

  return {
    sheets: [...OPTIONAL_SHEETS],
    scenario: null,
    pathsText: String(DEFAULT_PATHS),
    seedText: String(DEFAULT_SEED),
    phase: 'idle',
    fraction: 0,
    fileName: null,
    jobId: null,
    result: null,
    error: null,
    focusRequest: 0,

    toggleSheet(key, on) {
      const chosen = new Set(get().sheets);
      if (on) chosen.add(key);
      else chosen.delete(key);
      set({ sheets: OPTIONAL_SHEETS.filter((k) => chosen.has(k)) });
    },
    setScenario(scenario) {
      set({ scenario });
    },
    setMonteCarlo(texts) {
      set(texts);
    },
    requestFocus() {
      set((s) => ({ focusRequest: s.focusRequest + 1 }));
    },

    async start() {
      if (isBusy(get().phase)) return;
      const doc = useDocumentStore.getState();
      const problems = selectProblemCount(doc);
      if (problems > 0) {
        return fail({ code: 'invalid-request', message: `Fix the ${problems} problem(s) marked in the Fleet grid before exporting a report.` });
      }
      const sheets = get().sheets;
      if (sheets.length === 0) return fail({ code: 'invalid-request', message: 'Choose at least one sheet to export.' });
      const mc = monteCarloOf(get());
      if (sheets.includes('stress') && !mc.ok) return fail({ code: 'invalid-request', message: mc.problem });
      set({ phase: 'starting', fraction: 0, result: null, error: null, fileName: null });
      const docId = await ensureDocId('Could not export the report');
      if (!docId) return set({ phase: 'idle' });
      const { fleet, dirty } = useDocumentStore.getState();
      const monteCarlo = sheets.includes('stress') && mc.ok ? mc.value : undefined;
      const res = await platform().startReport({ docId, fleet, unsaved: dirty, sheets, scenario: effectiveScenario(get().scenario, fleet), monteCarlo });
      if (!res.ok) return fail(res.error);
      if (!res.value) return set({ phase: 'idle' }); // the save dialog was cancelled
      set({ phase: 'running', jobId: res.value.jobId, fileName: res.value.fileName });
      await follow(res.value.jobId);
    },

    async cancel() {
      const { jobId, phase } = get();
      if (!jobId || phase !== 'running') return;
      set({ phase: 'cancelling' });
      const res = await platform().cancelReport({ jobId });
      // The polling sees the export stop; an error here means the job is gone.
      if (!res.ok && get().jobId === jobId) fail(res.error);
    },
  };
});
