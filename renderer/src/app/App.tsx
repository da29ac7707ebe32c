import { useEffect, useState } from 'react';
import { VIEWS, type ViewId } from './views';

/** The application shell: title with file name and unsaved mark, view tabs, the active view. */
export function App() {
  const [view, setView] = useState<ViewId>('fleet');
  const fileName = 'Untitled';
  const dirty = false;

  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${fileName} — Fleetbook`;
  }, [fileName, dirty]);

  return (
    <div className="shell">
      <header className="titlebar">
        <span className="brand">Fleetbook</span>
        <span className="doc-name" data-testid="doc-name">
          {fileName}
          {dirty && <span aria-label="unsaved changes"> •</span>}
        </span>
      </header>
      <nav className="tabs" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            role="tab"
            type="button"
            aria-selected={view === v.id}
            className={view === v.id ? 'tab active' : 'tab'}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <main className="view" role="tabpanel" aria-label={view}>
        <p>{VIEWS.find((v) => v.id === view)?.label}</p>
      </main>
    </div>
  );
}
