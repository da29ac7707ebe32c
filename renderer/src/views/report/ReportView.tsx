import { useEffect, useId, useMemo, useRef } from 'react';
import { SHEET_NAMES } from '../../../../shared/report/context';
import type { ReportSheetKey } from '../../../../shared/report/types';
import { formatProblem } from '../../../../shared/domain/problem';
import { platformMode } from '../../platform';
import { selectProblemCount, useDocumentStore } from '../../store';
import { effectiveScenario, isBusy, monteCarloOf, OPTIONAL_SHEETS, reportScenarios, useReportStore } from './reportStore';
import '../schedule/schedule.css';
import './report.css';

/** What each sheet holds, beside its name (the names and the list come from shared/report; a
 * sheet added there shows up here with its name alone until it gets a hint). */
const SHEET_HINTS: Partial<Record<ReportSheetKey, string>> = {
  summary: 'facts, the fleet by class and by fiscal year, book vs economic at the as-of date',
  lots: 'the register as the engines read it, with tax and economic facts',
  book: 'every lot by month, with live formulas',
  tax: 'MACRS by tax year, tax NBV against book NBV',
  deferred: 'temporary differences and deferred tax by fiscal year',
  rollforward: 'cost and accumulated depreciation by fiscal year, with ties',
  economic: 'book NBV against economic value, per lot and month',
  stress: 'life what-if, scenarios side by side, tornado, Monte Carlo',
  audit: 'app version, time, input file and SHA-256, assumptions, warnings',
};

/** The last focus request (File > Export Report) the view has acted on. */
let focusHandled = 0;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * The report export (DESIGN.md sections 8 and 10): which sheets, which scenario, then the export
 * with its progress and a Cancel button, and the outcome. The host writes the workbook; in the
 * browser it is then downloaded, in the desktop app it is saved where the user chose.
 */
export function ReportView() {
  const fleet = useDocumentStore((s) => s.fleet);
  const fileName = useDocumentStore((s) => s.fileName);
  const problems = useDocumentStore(selectProblemCount);
  const sheets = useReportStore((s) => s.sheets);
  const chosenScenario = useReportStore((s) => s.scenario);
  const pathsText = useReportStore((s) => s.pathsText);
  const seedText = useReportStore((s) => s.seedText);
  const phase = useReportStore((s) => s.phase);
  const fraction = useReportStore((s) => s.fraction);
  const jobFile = useReportStore((s) => s.fileName);
  const result = useReportStore((s) => s.result);
  const error = useReportStore((s) => s.error);
  const focusRequest = useReportStore((s) => s.focusRequest);
  const { toggleSheet, setScenario, setMonteCarlo, start, cancel } = useReportStore.getState();
  const exportButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const scenarioId = useId();
  const progressId = useId();

  const scenarios = useMemo(() => reportScenarios(fleet), [fleet]);
  const scenario = effectiveScenario(chosenScenario, fleet);
  const busy = isBusy(phase);
  const percent = Math.floor(fraction * 100);
  const isWeb = platformMode() === 'web';

  // File > Export Report: this view, with the Export button focused (Enter exports). Each request
  // once: coming back to the view later does not move the focus again.
  useEffect(() => {
    if (focusRequest <= focusHandled) return;
    focusHandled = focusRequest;
    (isBusy(useReportStore.getState().phase) ? cancelButton.current : exportButton.current)?.focus();
  }, [focusRequest]);

  // Keep the focus on a control that exists when the buttons swap.
  useEffect(() => {
    const active = document.activeElement;
    if (busy && active === exportButton.current) cancelButton.current?.focus();
    else if (!busy && (active === cancelButton.current || active === document.body)) exportButton.current?.focus();
  }, [busy]);

  const stressChosen = sheets.includes('stress');
  const monteCarlo = monteCarloOf({ pathsText, seedText });
  const blocked =
    problems > 0
      ? `Fix the ${problems} problem(s) marked in the Fleet grid before exporting a report.`
      : sheets.length === 0
        ? 'Choose at least one sheet.'
        : stressChosen && !monteCarlo.ok
          ? monteCarlo.problem
          : null;

  return (
    <section className="fb-report" aria-label="Report export" data-testid="report-view">
      <h2 className="fb-report-title">Export report</h2>
      <p className="fb-muted fb-report-intro">
        A new Excel workbook of <strong>{fileName || 'Untitled'}</strong> ({fleet.lots.length.toLocaleString()} lots): figures as live formulas wherever Excel can
        recompute them, each with the app&apos;s result.
      </p>

      <div className="fb-report-options">
        <fieldset className="fb-report-panel fb-report-sheets" disabled={busy}>
          <legend className="fb-report-heading">Sheets</legend>
          {OPTIONAL_SHEETS.map((key) => (
            <label key={key} className="fb-report-sheet">
              <input type="checkbox" checked={sheets.includes(key)} onChange={(e) => toggleSheet(key, e.currentTarget.checked)} data-testid={`report-sheet-${key}`} />
              <span className="fb-report-sheet-name">{SHEET_NAMES[key]}</span>
              <span className="fb-muted fb-report-hint">{SHEET_HINTS[key]}</span>
            </label>
          ))}
          <label className="fb-report-sheet">
            <input type="checkbox" checked disabled aria-describedby={`${progressId}-audit`} data-testid="report-sheet-audit" />
            <span className="fb-report-sheet-name">{SHEET_NAMES.audit}</span>
            <span className="fb-muted fb-report-hint" id={`${progressId}-audit`}>
              always included{SHEET_HINTS.audit ? `: ${SHEET_HINTS.audit}` : ''}
            </span>
          </label>
        </fieldset>

        <section className="fb-report-panel fb-report-side" aria-labelledby={`${progressId}-export`}>
          <h3 className="fb-report-heading" id={`${progressId}-export`}>
            Export
          </h3>
          <div className="fb-field fb-report-scenario">
            <label htmlFor={scenarioId}>Scenario</label>
            <select
              id={scenarioId}
              value={scenario ?? ''}
              onChange={(e) => setScenario(e.currentTarget.value || null)}
              disabled={busy}
              data-testid="report-scenario"
            >
              <option value="">Base (no scenario)</option>
              {scenarios.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          {scenarios.length === 0 && <p className="fb-muted fb-report-note">This workbook has no Scenarios sheet: the report is of the base case.</p>}
          <fieldset className="fb-report-mc" disabled={busy || !stressChosen}>
            <legend className="fb-muted">Stress sheet: Monte Carlo</legend>
            <label>
              Paths{' '}
              <input
                inputMode="numeric"
                value={pathsText}
                onChange={(e) => setMonteCarlo({ pathsText: e.currentTarget.value })}
                aria-invalid={stressChosen && !monteCarlo.ok}
                data-testid="report-mc-paths"
              />
            </label>
            <label>
              Seed{' '}
              <input inputMode="numeric" value={seedText} onChange={(e) => setMonteCarlo({ seedText: e.currentTarget.value })} data-testid="report-mc-seed" />
            </label>
          </fieldset>

          <div className="fb-report-actions">
            {busy ? (
              <button type="button" ref={cancelButton} onClick={() => void cancel()} disabled={phase !== 'running'} data-testid="report-cancel">
                Cancel
              </button>
            ) : (
              <button
                type="button"
                ref={exportButton}
                className="primary"
                onClick={() => void start()}
                disabled={blocked !== null}
                title={isWeb ? 'Write the report and download it' : 'Choose where to save the report, then write it'}
                data-testid="report-export"
              >
                {isWeb ? 'Export and download' : 'Export…'}
              </button>
            )}
          </div>
          {blocked && !busy && <p className="fb-warn fb-report-note">{blocked}</p>}

          <div className="fb-report-status" role="status" aria-live="polite" data-testid="report-status" data-phase={phase}>
            {busy && (
              <div className="fb-report-progress">
                <progress id={progressId} max={100} value={percent} aria-label="Export progress" data-testid="report-progress" />
                <span className="fb-report-percent">{percent}%</span>
                <span className="fb-muted">
                  {phase === 'starting'
                    ? 'Starting…'
                    : phase === 'cancelling'
                      ? 'Cancelling…'
                      : fraction === 0
                        ? `Computing ${jobFile ?? 'the report'}…`
                        : `Writing ${jobFile ?? 'the report'}…`}
                </span>
              </div>
            )}
            {phase === 'done' && result && (
              <p className="fb-report-result" data-testid="report-result">
                <span className="fb-ok" aria-hidden="true">✓ </span>Exported <strong>{result.fileName}</strong>: {result.sheets.length} sheets ({result.sheets.join(', ')}), {formatBytes(result.bytes)}.{' '}
                <span className="fb-muted">{result.downloadUrl ? `Downloaded; a copy is in ${result.displayPath}.` : `Saved to ${result.displayPath}.`}</span>
              </p>
            )}
            {phase === 'cancelled' && <p className="fb-muted">Export cancelled; no file was written.</p>}
            {phase === 'failed' && error && (
              <div className="fb-error" data-testid="report-error">
                <p>{error.message}</p>
                {error.problems && error.problems.length > 0 && (
                  <ul className="fb-report-problems">
                    {error.problems.slice(0, 20).map((p, i) => (
                      <li key={i}>{formatProblem(p)}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
        </section>
      </div>
    </section>
  );
}
