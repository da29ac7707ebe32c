import { useEffect, useRef } from 'react';
import { formatProblem } from '../../../shared/domain/problem';
import { openWithMapping } from './documentActions';
import { FLEET_FIELD_NAMES, useImportDialog } from './importDialog';

/**
 * Shown when a register does not open as it is: the file's columns beside Fleetbook's, with the
 * problems found, before anything is loaded. Opening again with the chosen mapping either loads the
 * fleet or shows the problems that remain.
 */
export function ImportDialog() {
  const draft = useImportDialog((s) => s.draft);
  const setField = useImportDialog((s) => s.setField);
  const setDateLocale = useImportDialog((s) => s.setDateLocale);
  const close = useImportDialog((s) => s.close);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (draft && !d.open) d.showModal();
    if (!draft && d.open) d.close();
  }, [draft]);

  const used = new Map<string, number>();
  for (const f of Object.values(draft?.mapping ?? {})) if (f) used.set(f, (used.get(f) ?? 0) + 1);

  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onCancel={close} data-testid="import-dialog">
      {draft && (
        <form
          method="dialog"
          onSubmit={(e) => {
            e.preventDefault();
            void openWithMapping();
          }}
        >
          <h2 id="import-title">Map the columns of {draft.name}</h2>
          <p className="fb-muted">
            Fleetbook could not read this file as it is. Tell it which of the file&apos;s columns ({draft.columns.sheet}) hold which Fleetbook columns; columns left unused are kept
            as they are. Nothing is loaded until the file reads without errors.
          </p>
          <div className="import-body">
            <table className="import-map">
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Fleetbook column</th>
                </tr>
              </thead>
              <tbody>
                {draft.columns.headers.map((h) => {
                  const field = draft.mapping[h] ?? '';
                  const twice = field !== '' && (used.get(field) ?? 0) > 1;
                  return (
                    <tr key={h}>
                      <td>{h}</td>
                      <td>
                        <select aria-label={`Fleetbook column for ${h}`} value={field} onChange={(e) => setField(h, e.target.value)} className={twice ? 'fb-error' : undefined}>
                          <option value="">(not used)</option>
                          {FLEET_FIELD_NAMES.map((f) => (
                            <option key={f} value={f}>
                              {f}
                            </option>
                          ))}
                        </select>
                        {twice && <span className="fb-error"> used twice</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="import-problems">
              <h3>{draft.problems.length} problem(s) found</h3>
              <ul data-testid="import-problems">
                {draft.problems.slice(0, 200).map((p, i) => (
                  <li key={i} className={p.severity === 'warning' ? 'fb-warn' : 'fb-error'}>
                    {formatProblem(p)}
                  </li>
                ))}
              </ul>
            </div>
          </div>
          <div className="import-actions">
            <label className="fb-field">
              <span>Dates like 03/04/2025 are</span>
              <select aria-label="Date order" value={draft.dateLocale} onChange={(e) => setDateLocale(e.target.value as '' | 'US' | 'EU')}>
                <option value="">ambiguous (report them)</option>
                <option value="US">month first (US)</option>
                <option value="EU">day first (EU)</option>
              </select>
            </label>
            <span className="spacer" />
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={draft.busy}>
              {draft.busy ? 'Reading…' : 'Open with this mapping'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
