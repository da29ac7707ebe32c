import { useCallback, useEffect, useRef, useState } from 'react';
import type { RecoveryEntry } from '../../../shared/ipc/contract';
import { platform } from '../platform';
import { useDocumentStore } from '../store';
import { FleetView } from '../views/fleet';
import { ReportView, useReportStore } from '../views/report';
import { ScheduleView } from '../views/schedule';
import { StressView } from '../views/stress';
import { ValueView } from '../views/value';
import * as actions from './documentActions';
import { ImportDialog } from './ImportDialog';
import { NoticeList } from './NoticeList';
import { useNotices } from './notices';
import { VIEWS, type ViewId } from './views';

const AUTOSAVE_MS = 5_000;

/** The application shell: title with file name and unsaved mark, file commands, view tabs, the active view. */
export function App() {
  const [view, setView] = useState<ViewId>('fleet');
  const [recovery, setRecovery] = useState<RecoveryEntry[]>([]);
  const fileName = useDocumentStore((s) => s.fileName);
  const dirty = useDocumentStore((s) => s.dirty);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${dirty ? '• ' : ''}${fileName || 'Untitled'} — Fleetbook`;
  }, [fileName, dirty]);

  const open = useCallback(async () => {
    if ((await actions.openWithDialog()) === 'unsupported') fileInput.current?.click();
  }, []);

  // File > Export Report: the Report view, its Export button focused.
  const exportReport = useCallback(() => {
    setView('report');
    useReportStore.getState().requestFocus();
  }, []);

  // Start: offer recovered work, open what the OS handed over, else the sample fleet on a first start.
  useEffect(() => {
    void (async () => {
      const api = platform();
      const rec = await api.recoveryList();
      if (rec.ok && rec.value.length) setRecovery(rec.value);
      const pending = await api.openPending();
      if (pending.ok && pending.value) {
        useDocumentStore.getState().loadDocument(pending.value.fleet, pending.value.name, pending.value.docId);
        return;
      }
      const info = await api.appInfo();
      if (info.ok && info.value.firstStart && !(rec.ok && rec.value.length)) await actions.openSample();
    })();
    return platform().onOpenPending(() => {
      void platform()
        .openPending()
        .then((r) => {
          if (r.ok && r.value && actions.confirmDiscard()) useDocumentStore.getState().loadDocument(r.value.fleet, r.value.name, r.value.docId);
        });
    });
  }, []);

  // Unsaved work: autosave to the recovery folder, and ask before the window closes.
  useEffect(() => {
    if (!dirty) return;
    const timer = window.setInterval(() => void actions.autosave(), AUTOSAVE_MS);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);

  // Shortcuts of the File menu (Electron's menu sends the same commands).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const run = (f: () => unknown) => {
        e.preventDefault();
        void f();
      };
      if (key === 'o') run(open);
      else if (key === 's' && e.shiftKey) run(actions.saveAs);
      else if (key === 's') run(actions.save);
      else if (key === 'n') run(actions.newDocument);
      else if (key === 'e') run(exportReport);
      else if (/^[1-5]$/.test(key)) run(() => setView(VIEWS[Number(key) - 1].id));
    };
    window.addEventListener('keydown', onKey);
    const off = platform().onMenuCommand((c) => {
      if (c.command === 'open') void open();
      else if (c.command === 'save') void actions.save();
      else if (c.command === 'save-as') void actions.saveAs();
      else if (c.command === 'new') void actions.newDocument();
      else if (c.command === 'open-recent') void actions.openRecent(c.recentId);
      else if (c.command === 'export') exportReport();
      else if (c.command === 'undo') useDocumentStore.getState().undo();
      else if (c.command === 'redo') useDocumentStore.getState().redo();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [open, exportReport]);

  return (
    <div className="shell">
      <header className="titlebar">
        <span className="brand">Fleetbook</span>
        <span className="doc-name" data-testid="doc-name">
          {fileName || 'Untitled'}
          {dirty && <span aria-label="unsaved changes"> •</span>}
        </span>
        <div className="file-actions" role="toolbar" aria-label="File">
          <button type="button" onClick={() => void actions.newDocument()} title="New (Ctrl+N)">
            New
          </button>
          <button type="button" onClick={() => void open()} title="Open (Ctrl+O)">
            Open…
          </button>
          <button type="button" onClick={() => void actions.save()} title="Save (Ctrl+S)">
            Save
          </button>
          <button type="button" onClick={() => void actions.saveAs()} title="Save As (Ctrl+Shift+S)">
            Save As…
          </button>
          <button type="button" onClick={exportReport} title="Export Report (Ctrl+E)">
            Export…
          </button>
          <button type="button" onClick={() => void actions.openSample()} title="Open the built-in sample fleet">
            Sample
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            hidden
            data-testid="open-file-input"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void actions.openFile(file);
            }}
          />
        </div>
      </header>
      {recovery.length > 0 && (
        <section className="recovery" role="region" aria-label="Recovered work">
          {recovery.map((r) => (
            <div key={r.id}>
              Unsaved work on <strong>{r.name}</strong> ({r.lotCount} lots, autosaved {new Date(r.savedAt).toLocaleString()}) was recovered.{' '}
              <button type="button" onClick={() => void actions.recover(r.id).then(() => setRecovery((l) => l.filter((x) => x.id !== r.id)))}>
                Restore
              </button>{' '}
              <button type="button" onClick={() => void actions.discardRecovery(r.id).then(() => setRecovery((l) => l.filter((x) => x.id !== r.id)))}>
                Discard
              </button>
            </div>
          ))}
        </section>
      )}
      <nav className="tabs" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            role="tab"
            type="button"
            aria-selected={view === v.id}
            className={view === v.id ? 'tab active' : 'tab'}
            onClick={() => setView(v.id)}
            title={`${v.label} (Ctrl+${v.key})`}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <main className="view" role="tabpanel" aria-label={VIEWS.find((v) => v.id === view)?.label}>
        {view === 'fleet' && <FleetView />}
        {view === 'schedule' && <ScheduleView />}
        {view === 'value' && <ValueView />}
        {view === 'stress' && <StressView />}
        {view === 'report' && <ReportView />}
      </main>
      <NoticeList />
      <ImportDialog />
    </div>
  );
}

export { useNotices };
