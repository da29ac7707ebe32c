import { create } from 'zustand';
import type { Problem } from '../../../shared/domain/problem';
import type { FileColumns } from '../../../shared/ipc/contract';
import { FLEET_FIELDS, resolveFieldName } from '../../../shared/workbook';

/** A register that did not open as it is: its columns, the problems found, the mapping being chosen. */
export interface ImportDraft {
  name: string;
  bytesBase64: string;
  columns: FileColumns;
  problems: Problem[];
  /** File header -> Fleetbook column ('' = not used: kept as an extra column). */
  mapping: Record<string, string>;
  dateLocale: '' | 'US' | 'EU';
  busy: boolean;
}

interface ImportDialogState {
  draft: ImportDraft | null;
  show(draft: Omit<ImportDraft, 'mapping' | 'dateLocale' | 'busy'>): void;
  setField(header: string, field: string): void;
  setDateLocale(locale: ImportDraft['dateLocale']): void;
  update(patch: Partial<ImportDraft>): void;
  close(): void;
}

export const FLEET_FIELD_NAMES: readonly string[] = FLEET_FIELDS.map((f) => f.name);

/** What Fleetbook reads each header as by itself (its names and synonyms), as the dialog's starting point. */
export function suggestedMapping(headers: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    const field = resolveFieldName(h);
    out[h] = field && FLEET_FIELD_NAMES.includes(field) ? field : '';
  }
  return out;
}

/** The mapping to send: only the headers the user pointed at a Fleetbook column. */
export function mappingToSend(draft: ImportDraft): Record<string, string> {
  return Object.fromEntries(Object.entries(draft.mapping).filter(([, field]) => field !== ''));
}

export const useImportDialog = create<ImportDialogState>()((set) => ({
  draft: null,
  show: (d) => set({ draft: { ...d, mapping: suggestedMapping(d.columns.headers), dateLocale: '', busy: false } }),
  setField: (header, field) => set((s) => (s.draft ? { draft: { ...s.draft, mapping: { ...s.draft.mapping, [header]: field } } } : s)),
  setDateLocale: (dateLocale) => set((s) => (s.draft ? { draft: { ...s.draft, dateLocale } } : s)),
  update: (patch) => set((s) => (s.draft ? { draft: { ...s.draft, ...patch } } : s)),
  close: () => set({ draft: null }),
}));
