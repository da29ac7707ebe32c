import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { ScenarioOverride } from '../../../../shared/domain/fleet';
import { useCanRedo, useCanUndo, useDocumentStore } from '../../store/documentStore';
import { KEY_SUGGESTIONS, overrideText, withCell, withRowAdded, withRowRemoved, type EditOutcome, type ScenarioColumn } from './scenarioRows';

const COLUMN_LABEL: Record<ScenarioColumn, string> = { scenario: 'Scenario', key: 'Key', value: 'Value' };

/** An input that commits on Enter or when it loses focus, and goes back to the saved text on Escape. */
function CellInput(props: { value: string; label: string; list?: string; onCommit(text: string): boolean; testId?: string }) {
  const { value, label, list, onCommit, testId } = props;
  const [text, setText] = useState(value);
  // Undo, redo or another edit changed the saved value: show it.
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    else if (e.key === 'Escape') setText(value);
  };
  return <input type="text" value={text} aria-label={label} list={list} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={onKeyDown} data-testid={testId} />;
}

/**
 * The workbook's Scenarios sheet as editable rows (Scenario, Key, Value). Every committed change
 * goes through the document store as one undo step and is saved with the workbook; a change the
 * file could not hold (a blank cell, an unknown or repeated key) is refused with the reason.
 */
export function ScenarioEditor({ selected }: { selected: string }) {
  const rows = useDocumentStore((s) => s.fleet.scenarios);
  const setScenarios = useDocumentStore((s) => s.setScenarios);
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState({ scenario: '', key: '', value: '' });
  const listId = useId();
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const undo = () => useDocumentStore.getState().undo();
  const redo = () => useDocumentStore.getState().redo();
  // Ctrl+Z outside a text box undoes the last document change (inside one it is the box's own undo).
  const onSectionKey = (e: KeyboardEvent<HTMLElement>) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || (e.target as HTMLElement).closest('input, textarea, select')) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
    else return;
    e.preventDefault();
  };

  const apply = (outcome: EditOutcome, where: string): boolean => {
    if (!outcome.ok) {
      setProblem(`${where}: ${outcome.problem}`);
      return false;
    }
    setProblem(null);
    setScenarios(outcome.rows);
    return true;
  };
  const edit = (index: number, column: ScenarioColumn) => (text: string) => apply(withCell(rows, index, column, text), `Row ${index + 1}, ${COLUMN_LABEL[column]}`);
  const add = () => {
    const scenario = draft.scenario.trim() || (selected === 'Base' ? '' : selected);
    if (apply(withRowAdded(rows, scenario, draft.key, draft.value), 'New override')) setDraft({ scenario: '', key: '', value: '' });
  };
  const onAddKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') add();
  };

  return (
    <section className="fb-stress-card" aria-labelledby="stress-editor-h" data-testid="stress-editor" onKeyDown={onSectionKey}>
      <div className="fb-stress-head">
        <h2 id="stress-editor-h">Scenario overrides</h2>
        <button type="button" className="fb-btn" onClick={undo} disabled={!canUndo} title="Undo the last change to the workbook (Ctrl+Z)" data-testid="scenario-undo">
          Undo
        </button>
        <button type="button" className="fb-btn" onClick={redo} disabled={!canRedo} title="Redo (Shift+Ctrl+Z or Ctrl+Y)">
          Redo
        </button>
      </div>
      <p className="fb-muted fb-stress-note">
        The workbook's Scenarios sheet: each row sets one assumption, market driver or life in a named scenario. A change applies when you press Enter or leave the box, and is saved with the
        workbook.
      </p>
      <datalist id={listId}>
        {KEY_SUGGESTIONS.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <div className="fb-stress-scroll">
        <table className="fb-stress-table fb-stress-editor">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="fb-sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r: ScenarioOverride, i) => (
              <tr key={i}>
                <td>
                  <CellInput value={r.scenario} label={`Row ${i + 1} scenario`} onCommit={edit(i, 'scenario')} />
                </td>
                <td>
                  <CellInput value={r.key} label={`Row ${i + 1} key`} list={listId} onCommit={edit(i, 'key')} />
                </td>
                <td>
                  <CellInput value={overrideText(r.value)} label={`Row ${i + 1} value`} onCommit={edit(i, 'value')} testId={`scenario-value-${i}`} />
                </td>
                <td>
                  <button type="button" className="fb-btn fb-icon-button" aria-label={`Remove row ${i + 1} (${r.scenario}: ${r.key})`} title="Remove this override" onClick={() => apply({ ok: true, rows: withRowRemoved(rows, i) }, '')}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
            <tr className="fb-stress-add">
              <td>
                <input
                  type="text"
                  value={draft.scenario}
                  placeholder={selected === 'Base' ? 'New scenario' : selected}
                  aria-label="New override: scenario"
                  onChange={(e) => setDraft({ ...draft, scenario: e.target.value })}
                  onKeyDown={onAddKey}
                />
              </td>
              <td>
                <input type="text" value={draft.key} list={listId} placeholder="Key" aria-label="New override: key" onChange={(e) => setDraft({ ...draft, key: e.target.value })} onKeyDown={onAddKey} />
              </td>
              <td>
                <input type="text" value={draft.value} placeholder="Value" aria-label="New override: value" onChange={(e) => setDraft({ ...draft, value: e.target.value })} onKeyDown={onAddKey} />
              </td>
              <td>
                <button type="button" className="fb-btn" onClick={add}>
                  Add
                </button>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {problem && (
        <p className="fb-error" role="alert" data-testid="scenario-edit-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
