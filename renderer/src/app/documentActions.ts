/**
 * What the File menu, the toolbar and the shortcuts do: open, save, save as, new, recover. The only
 * place that moves a document between the store and the host.
 */
import type { Fleet } from '../../../shared/domain/fleet';
import type { HostError, OpenedDocument } from '../../../shared/ipc/contract';
import { platform, fileToOpenRequest } from '../platform';
import { useDocumentStore, EMPTY_FLEET, selectProblemCount } from '../store';
import { mappingToSend, useImportDialog } from './importDialog';
import { useNotices } from './notices';

function reportError(prefix: string, error: HostError): void {
  useNotices.getState().push('error', `${prefix}: ${error.message}`, error.problems);
}

function load(doc: OpenedDocument): void {
  useDocumentStore.getState().loadDocument(doc.fleet, doc.name, doc.docId);
  if (doc.warnings.length) {
    useNotices.getState().push('warning', `Opened ${doc.name} with ${doc.warnings.length} warning(s).`, doc.warnings);
  }
}

/** Asks before throwing away unsaved work. */
export function confirmDiscard(): boolean {
  if (!useDocumentStore.getState().dirty) return true;
  return window.confirm('The workbook has unsaved changes. Discard them?');
}

export async function newDocument(): Promise<void> {
  if (!confirmDiscard()) return;
  const res = await platform().newDocument({ name: 'Untitled.xlsx' });
  if (!res.ok) return reportError('Could not start a new workbook', res.error);
  useDocumentStore.getState().loadDocument(EMPTY_FLEET, res.value.name, res.value.docId);
}

/**
 * Opens a file the user chose (browser file input, drag and drop). A register whose columns
 * Fleetbook cannot read by itself goes to the mapping dialog instead of an error.
 */
export async function openFile(file: File): Promise<boolean> {
  if (!confirmDiscard()) return false;
  const request = await fileToOpenRequest(file);
  const res = await platform().openBytes(request);
  if (!res.ok) {
    if (res.error.code === 'invalid-file' && res.error.columns) {
      useImportDialog.getState().show({ ...request, columns: res.error.columns, problems: res.error.problems ?? [] });
    } else reportError(`Could not open ${file.name}`, res.error);
    return false;
  }
  load(res.value);
  return true;
}

/** The mapping dialog's "Open": read the register again with the chosen columns and date order. */
export async function openWithMapping(): Promise<void> {
  const dialog = useImportDialog.getState();
  const draft = dialog.draft;
  if (!draft) return;
  dialog.update({ busy: true });
  const res = await platform().openBytes({
    name: draft.name,
    bytesBase64: draft.bytesBase64,
    mapping: mappingToSend(draft),
    ...(draft.dateLocale ? { dateLocale: draft.dateLocale } : {}),
  });
  if (!res.ok) {
    if (res.error.problems) dialog.update({ busy: false, problems: res.error.problems });
    else {
      dialog.update({ busy: false });
      reportError(`Could not open ${draft.name}`, res.error);
    }
    return;
  }
  dialog.close();
  load(res.value);
}

/** The built-in sample fleet, as a new unsaved document. */
export async function openSample(): Promise<void> {
  const res = await platform().openSample();
  if (!res.ok) return reportError('Could not open the sample fleet', res.error);
  load(res.value);
}

/** Electron's native dialog; in the browser the caller falls back to a file input. */
export async function openWithDialog(): Promise<'opened' | 'cancelled' | 'unsupported'> {
  if (!confirmDiscard()) return 'cancelled';
  const res = await platform().openDialog();
  if (!res.ok) {
    if (res.error.code === 'unsupported') return 'unsupported';
    reportError('Could not open the file', res.error);
    return 'cancelled';
  }
  if (!res.value) return 'cancelled';
  load(res.value);
  return 'opened';
}

export async function openRecent(recentId: string): Promise<void> {
  if (!confirmDiscard()) return;
  const res = await platform().openRecent({ recentId });
  if (!res.ok) return reportError('Could not open the recent file', res.error);
  load(res.value);
}

/** The host's id of the open document, registering the document with the host if it has none yet. */
export async function ensureDocId(failurePrefix = 'Could not save'): Promise<string | null> {
  const { docId, fileName } = useDocumentStore.getState();
  if (docId) return docId;
  const res = await platform().newDocument({ name: fileName || 'Untitled.xlsx' });
  if (!res.ok) {
    reportError(failurePrefix, res.error);
    return null;
  }
  // Only the id: the work is not saved by being registered (markSaved here would clear the unsaved mark).
  useDocumentStore.setState({ docId: res.value.docId });
  return res.value.docId;
}

function fleetToSave(): Fleet | null {
  const s = useDocumentStore.getState();
  // Invalid cells and duplicate Lot IDs would write a file that does not open again.
  const problems = selectProblemCount(s);
  if (problems > 0) {
    useNotices.getState().push('error', `Fix the ${problems} problem(s) marked in the Fleet grid before saving.`);
    return null;
  }
  return s.fleet;
}

export async function saveAs(): Promise<boolean> {
  const fleet = fleetToSave();
  const docId = fleet && (await ensureDocId());
  if (!fleet || !docId) return false;
  const name = useDocumentStore.getState().fileName.replace(/\.(csv|xlsx)$/i, '') || 'Untitled';
  const res = await platform().saveAs({ docId, fleet, suggestedName: `${name}.xlsx` });
  if (!res.ok) {
    reportError('Could not save', res.error);
    return false;
  }
  if (!res.value) return false;
  useDocumentStore.getState().markSaved(res.value.name, res.value.docId);
  useNotices.getState().push('success', `Saved as ${res.value.displayPath}.`);
  return true;
}

export async function save(): Promise<boolean> {
  const fleet = fleetToSave();
  const docId = fleet && (await ensureDocId());
  if (!fleet || !docId) return false;
  const res = await platform().save({ docId, fleet });
  if (!res.ok) {
    reportError('Could not save', res.error);
    return false;
  }
  if (res.value.needsSaveAs) {
    useNotices.getState().push('info', res.value.reason);
    return saveAs();
  }
  useDocumentStore.getState().markSaved(res.value.name, res.value.docId);
  const backup = res.value.backupName ? ` (previous version kept as ${res.value.backupName})` : '';
  useNotices.getState().push('success', `Saved ${res.value.displayPath}${backup}.`);
  return true;
}

/** Unsaved work goes to the host's recovery folder, so a crash loses at most a few seconds. */
export async function autosave(): Promise<void> {
  if (!useDocumentStore.getState().dirty) return;
  const docId = await ensureDocId();
  if (docId) await platform().autosave({ docId, fleet: useDocumentStore.getState().fleet });
}

export async function recover(recoveryId: string): Promise<void> {
  const res = await platform().recover({ recoveryId });
  if (!res.ok) return reportError('Could not recover the work', res.error);
  // Recovered work is not on disk yet: it stays marked unsaved.
  useDocumentStore.getState().loadDocument(res.value.fleet, res.value.name, res.value.docId, { unsaved: true });
}

export async function discardRecovery(recoveryId: string): Promise<void> {
  await platform().discardRecovery({ recoveryId });
}
