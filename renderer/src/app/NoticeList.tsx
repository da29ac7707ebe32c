import { useNotices } from './notices';

/** Outcomes and errors of file commands, each dismissible; problems listed with their places. */
export function NoticeList() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <aside className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <div className="notice-text">{n.text}</div>
          {n.details && n.details.length > 0 && (
            <ul className="notice-details">
              {n.details.slice(0, 50).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
              {n.details.length > 50 && <li>… and {n.details.length - 50} more</li>}
            </ul>
          )}
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </aside>
  );
}
