import { create, createStore, useStore, type StateCreator, type StoreApi } from 'zustand';
import { temporal, type TemporalState } from 'zundo';
import { DEFAULT_ASSUMPTIONS, type Fleet, type FleetEvent, type Lot, type ScenarioOverride } from '../../../shared/domain/fleet';
import { defaultLot, FIELD_HEADERS, headerKey, LOT_FIELDS, sameLot, todayLocal, type LotField } from './fields';
import { checkRows, type RawCells, type RowCheck } from './rowRules';
import { parseTsv } from './tsv';
import { resolveFieldName } from '../../../shared/workbook';
import type { Drafts, RowDraft } from './validation';

/** The undoable part of the open document. */
export interface DocumentData {
  fleet: Fleet;
  /** Stable row ids, parallel to fleet.lots (the Lot ID is user data and can change or repeat). */
  rowIds: readonly string[];
  /** Rows that are not valid as typed: their text, kept exactly, and their problems. */
  drafts: Drafts;
}

/** Where a pasted block lands: the grid's displayed column order and row order (after sort and filter). */
export interface PasteLayout {
  /** Column ids in display order; ids that are not Lot fields (computed columns) take a place but are skipped. */
  columns?: readonly string[];
  /** Row ids in display order; rows past the end are appended to the register. */
  rowOrder?: readonly string[];
}

export interface PasteResult {
  /** Rows of the register the paste touched, new ones included. */
  rows: number;
  cells: number;
  addedRows: number;
  /** Cells past the last column, or on computed columns, that were not pasted. */
  skippedCells: number;
  headerSkipped: boolean;
  invalidCells: number;
}

export interface DocumentState extends DocumentData {
  fileName: string;
  docId?: string;
  /** True when the document differs from what was last loaded or saved (undoing back clears it). */
  dirty: boolean;
  savedFleet: Fleet;
  savedDrafts: Drafts;
  /**
   * Row id -> index of the lot in the document as loaded, for rows that came from the file (so a
   * save can put back the file's unknown columns on the right lots after sorting, adding, deleting).
   */
  origins: ReadonlyMap<string, number>;

  /** Open a document (not undoable; clears the history). `unsaved`: it is not on disk as it is (recovered work). */
  loadDocument(fleet: Fleet, fileName: string, docId?: string, options?: { unsaved?: boolean }): void;
  /** Set one cell from text; text that does not parse is kept as a draft with its problem. */
  editCell(rowId: string, field: string, rawText: string): void;
  /** Paste a TSV block with its top-left cell at (startRowId, startField); null row = append. One undo step. */
  pasteBlock(startRowId: string | null, startField: string, tsvText: string, layout?: PasteLayout): PasteResult;
  /** Append a lot with defaults; returns its row id. */
  addLot(): string;
  deleteLots(rowIds: readonly string[]): void;
  /** Replace the Scenarios sheet's rows (one undo step; the same rows make none). */
  setScenarios(rows: readonly ScenarioOverride[]): void;
  undo(): void;
  redo(): void;
  /** Record that the document as it is now has been saved (optionally under a new name or id). */
  markSaved(fileName?: string, docId?: string): void;
  /** Mark the document as not saved as it is, whatever undo does (until markSaved). */
  markUnsaved(): void;
}

export type DocumentStore = StoreApi<DocumentState> & { temporal: StoreApi<TemporalState<DocumentData>> };

let rowSeq = 0;
/** Row ids are unique for the session, so an id never comes back meaning another row after undo. */
export function newRowId(): string {
  return `r${++rowSeq}`;
}

export const EMPTY_FLEET: Fleet = { assumptions: DEFAULT_ASSUMPTIONS, lots: [], events: [], scenarios: [] };
const NO_DRAFTS: Drafts = Object.freeze({});
/** A saved snapshot no document is equal to: the document stays unsaved until markSaved. */
const NOT_SAVED: Fleet = { ...EMPTY_FLEET };

function isLotField(f: string): f is LotField {
  return (LOT_FIELDS as readonly string[]).includes(f);
}

function sameDraft(a: RowDraft, b: RowDraft): boolean {
  const same = (x: Record<string, string | undefined>, y: Record<string, string | undefined>) => {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
  };
  return same(a.raw, b.raw) && same(a.problems, b.problems);
}

/**
 * A copy-on-write edit of the document data, so one user action makes one new state (one undo
 * step). Cell text is collected per row and checked in one batch with the file's rules at commit.
 */
class DocEdit {
  private lots: Lot[] | null = null;
  private rowIds: string[] | null = null;
  private drafts: Record<string, RowDraft> | null = null;
  private pending = new Map<string, RawCells>();
  private renames: [string, string][] = [];
  private eventDrops: Set<string> | null = null;
  private ids: Set<string> | null = null;
  private indexOfRow: Map<string, number> | null = null;
  private lookups = 0;
  private readonly newRows = new Set<string>();
  /** Cells with a problem in the rows this edit touched. */
  invalidCells = 0;

  constructor(private readonly base: DocumentState) {}

  private get currentLots(): readonly Lot[] {
    return this.lots ?? this.base.fleet.lots;
  }
  private get currentRowIds(): readonly string[] {
    return this.rowIds ?? this.base.rowIds;
  }
  private get currentDrafts(): Drafts {
    return this.drafts ?? this.base.drafts;
  }

  rowIndex(rowId: string): number {
    // A scan is cheaper than hashing every row id for the few lookups of a cell edit; a paste of
    // many rows builds the index once.
    if (!this.indexOfRow && ++this.lookups <= 8) return this.currentRowIds.indexOf(rowId);
    if (!this.indexOfRow) {
      this.indexOfRow = new Map();
      const ids = this.currentRowIds;
      for (let i = 0; i < ids.length; i++) this.indexOfRow.set(ids[i], i);
    }
    return this.indexOfRow.get(rowId) ?? -1;
  }

  private writableLots(): Lot[] {
    return (this.lots ??= this.base.fleet.lots.slice());
  }

  private writableDrafts(): Record<string, RowDraft> {
    return (this.drafts ??= { ...this.base.drafts });
  }

  /** A Lot ID not used by any lot: LOT-<n>, counting from the register's size. */
  private uniqueLotId(): string {
    if (!this.ids) this.ids = new Set(this.currentLots.map((l) => l.id));
    let n = this.currentLots.length + 1;
    while (this.ids.has(`LOT-${n}`)) n++;
    const id = `LOT-${n}`;
    this.ids.add(id);
    return id;
  }

  appendLot(inService: string): string {
    const rowId = newRowId();
    const lots = this.writableLots();
    this.rowIds ??= this.base.rowIds.slice();
    lots.push(defaultLot(this.uniqueLotId(), inService));
    this.rowIds.push(rowId);
    this.indexOfRow?.set(rowId, lots.length - 1);
    this.newRows.add(rowId);
    return rowId;
  }

  setCell(rowId: string, field: LotField, raw: string): void {
    const p = this.pending.get(rowId) ?? {};
    p[field] = raw;
    this.pending.set(rowId, p);
  }

  removeRows(remove: ReadonlySet<string>): void {
    const lots: Lot[] = [];
    const rowIds: string[] = [];
    const removedIds = new Set<string>();
    const src = this.currentLots;
    const ids = this.currentRowIds;
    for (let i = 0; i < src.length; i++) {
      if (remove.has(ids[i])) removedIds.add(src[i].id);
      else {
        lots.push(src[i]);
        rowIds.push(ids[i]);
      }
    }
    if (lots.length === src.length) return;
    this.lots = lots;
    this.rowIds = rowIds;
    this.indexOfRow = null;
    if (Object.keys(this.currentDrafts).some((r) => remove.has(r))) {
      const drafts = this.writableDrafts();
      for (const r of Object.keys(drafts)) if (remove.has(r)) delete drafts[r];
    }
    // A deleted lot takes its events along, unless another row still carries its Lot ID.
    const remaining = new Set(lots.map((l) => l.id));
    const gone = [...removedIds].filter((id) => !remaining.has(id));
    if (gone.length) this.eventDrops = new Set(gone);
  }

  /** Check the rows typed into, in one batch: valid rows are committed, the others keep drafts. */
  private resolvePending(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    const drafts = this.currentDrafts;
    const checks: RowCheck[] = entries.map(([rowId, raw]) => ({
      lot: this.currentLots[this.rowIndex(rowId)],
      raw: { ...drafts[rowId]?.raw, ...raw },
    }));
    const verdicts = checkRows(checks);
    entries.forEach(([rowId], k) => {
      const i = this.rowIndex(rowId);
      const v = verdicts[k];
      const old = this.currentDrafts[rowId];
      if (v.ok) {
        if (old) delete this.writableDrafts()[rowId];
        const lot = this.currentLots[i];
        if (sameLot(v.lot, lot)) return;
        this.writableLots()[i] = v.lot;
        if (v.lot.id !== lot.id && !this.newRows.has(rowId)) this.renames.push([lot.id, v.lot.id]);
        return;
      }
      this.invalidCells += Object.keys(v.problems).length;
      const next: RowDraft = { raw: checks[k].raw, problems: v.problems };
      if (!old || !sameDraft(old, next)) this.writableDrafts()[rowId] = next;
    });
    this.pending.clear();
  }

  /** The new document data, or null when nothing changed (so no undo step is made). */
  commit(): DocumentData | null {
    this.resolvePending();
    const base = this.base;
    let events: FleetEvent[] = base.fleet.events;
    if (this.eventDrops) {
      const drop = this.eventDrops;
      const kept = events.filter((e) => !drop.has(e.lotId));
      if (kept.length !== events.length) events = kept;
    }
    if (this.renames.length && events.length) {
      // Renaming a lot carries its events along, unless the old Lot ID is still in use.
      const inUse = new Set(this.currentLots.map((l) => l.id));
      for (const [from, to] of this.renames) {
        if (inUse.has(from)) continue;
        if (events.some((e) => e.lotId === from)) events = events.map((e) => (e.lotId === from ? { ...e, lotId: to } : e));
      }
    }
    // Drafts are only copied when one is written or removed, so a copy means a change.
    const drafts: Drafts = this.drafts ? (Object.keys(this.drafts).length === 0 ? NO_DRAFTS : this.drafts) : base.drafts;
    const lots = this.lots;
    const lotsChanged =
      lots !== null && (lots.length !== base.fleet.lots.length || lots.some((l, i) => l !== base.fleet.lots[i]));
    const eventsChanged = events !== base.fleet.events;
    if (!lotsChanged && !eventsChanged && drafts === base.drafts && this.rowIds === null) return null;
    return {
      fleet: lotsChanged || eventsChanged ? { ...base.fleet, lots: lotsChanged ? lots : base.fleet.lots, events } : base.fleet,
      rowIds: this.rowIds ?? base.rowIds,
      drafts,
    };
  }
}

function newLotDate(fleet: Fleet): string {
  return fleet.assumptions.asOf ?? todayLocal();
}

const partialize = (s: DocumentState): DocumentData => ({ fleet: s.fleet, rowIds: s.rowIds, drafts: s.drafts });

const initializer: StateCreator<DocumentState, [], [['temporal', StoreApi<TemporalState<DocumentData>>]]> = temporal(
  (set, get, api) => {
    const clearHistory = () => (api as unknown as DocumentStore).temporal.getState().clear();
    const apply = (edit: DocEdit) => {
      const next = edit.commit();
      if (next) set(next);
    };
    return {
      fleet: EMPTY_FLEET,
      rowIds: [],
      drafts: NO_DRAFTS,
      fileName: 'Untitled',
      docId: undefined,
      dirty: false,
      savedFleet: EMPTY_FLEET,
      savedDrafts: NO_DRAFTS,
      origins: new Map(),

      loadDocument(fleet, fileName, docId, options) {
        const rowIds = fleet.lots.map(() => newRowId());
        const unsaved = options?.unsaved === true;
        set({
          fleet,
          rowIds,
          origins: new Map(rowIds.map((id, i) => [id, i])),
          drafts: NO_DRAFTS,
          fileName,
          docId,
          savedFleet: unsaved ? NOT_SAVED : fleet,
          savedDrafts: NO_DRAFTS,
          dirty: unsaved,
        });
        // Opening a file is not an undoable edit.
        clearHistory();
      },

      editCell(rowId, field, rawText) {
        if (!isLotField(field)) return;
        const edit = new DocEdit(get());
        if (edit.rowIndex(rowId) < 0) return;
        edit.setCell(rowId, field, rawText ?? '');
        apply(edit);
      },

      pasteBlock(startRowId, startField, tsvText, layout) {
        const result: PasteResult = { rows: 0, cells: 0, addedRows: 0, skippedCells: 0, headerSkipped: false, invalidCells: 0 };
        let lines = parseTsv(tsvText);
        if (lines.length === 0) return result;
        const state = get();
        const columns = layout?.columns ?? LOT_FIELDS;
        const c0 = Math.max(0, columns.indexOf(startField));

        // A header row copied along with the data (its cells name the columns they land on, in the
        // file reader's spellings) is not data.
        const first = lines[0];
        const isHeader =
          first.some((c) => c.trim() !== '') &&
          first.every((c, j) => {
            if (c.trim() === '') return true;
            const col = columns[c0 + j];
            if (!col) return false;
            if (!isLotField(col)) return headerKey(col) === headerKey(c);
            return resolveFieldName(c) === FIELD_HEADERS[col] || headerKey(FIELD_HEADERS[col]) === headerKey(c);
          });
        if (isHeader) {
          lines = lines.slice(1);
          result.headerSkipped = true;
        }

        const edit = new DocEdit(state);
        const rowOrder = layout?.rowOrder ?? state.rowIds;
        let r0 = startRowId === null ? rowOrder.length : rowOrder.indexOf(startRowId);
        if (r0 < 0) r0 = rowOrder.length;
        const inService = newLotDate(state.fleet);
        let appendFrom = -1; // once appending, every later line appends too
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i];
          let target = appendFrom < 0 && r0 + i < rowOrder.length ? rowOrder[r0 + i] : null;
          if (target !== null && edit.rowIndex(target) < 0) target = null;
          if (target === null) {
            appendFrom = i;
            // A blank line past the end (Excel's selection often ends with one) makes no empty lot.
            if (line.every((c) => c.trim() === '')) continue;
            target = edit.appendLot(inService);
            result.addedRows++;
          }
          result.rows++;
          for (let j = 0; j < line.length; j++) {
            const col = columns[c0 + j];
            if (!col || !isLotField(col)) {
              result.skippedCells++;
              continue;
            }
            edit.setCell(target, col, line[j]);
            result.cells++;
          }
        }
        apply(edit);
        result.invalidCells = edit.invalidCells;
        return result;
      },

      addLot() {
        const state = get();
        const edit = new DocEdit(state);
        const rowId = edit.appendLot(newLotDate(state.fleet));
        apply(edit);
        return rowId;
      },

      deleteLots(rowIds) {
        if (rowIds.length === 0) return;
        const edit = new DocEdit(get());
        edit.removeRows(new Set(rowIds));
        apply(edit);
      },

      setScenarios(rows) {
        const { fleet } = get();
        const old = fleet.scenarios;
        const same = rows.length === old.length && rows.every((r, i) => r.scenario === old[i].scenario && r.key === old[i].key && r.value === old[i].value);
        if (!same) set({ fleet: { ...fleet, scenarios: rows.slice() } });
      },

      undo() {
        (api as unknown as DocumentStore).temporal.getState().undo();
      },
      redo() {
        (api as unknown as DocumentStore).temporal.getState().redo();
      },

      markSaved(fileName, docId) {
        const s = get();
        set({
          savedFleet: s.fleet,
          savedDrafts: s.drafts,
          dirty: false,
          ...(fileName !== undefined ? { fileName } : {}),
          ...(docId !== undefined ? { docId } : {}),
        });
      },

      markUnsaved() {
        set({ savedFleet: NOT_SAVED, dirty: true });
      },
    };
  },
  {
    partialize,
    // Only a change of document data is a step: no-op sets and UI-only fields make no history.
    equality: (a, b) => a.fleet === b.fleet && a.rowIds === b.rowIds && a.drafts === b.drafts,
    limit: 200,
  },
);

/**
 * Keep `dirty` true exactly when the data differs from the saved snapshot, whoever changed it
 * (undo back to the saved state clears it). Setting `dirty` by hand is honoured: true marks the
 * document unsaved, false marks it saved as it is.
 */
function trackDirty(store: StoreApi<DocumentState>): void {
  let syncing = false;
  const sync = (patch: Partial<DocumentState>) => {
    syncing = true;
    try {
      store.setState(patch);
    } finally {
      syncing = false;
    }
  };
  store.subscribe((s, prev) => {
    if (syncing) return;
    const byHand =
      s.dirty !== prev.dirty &&
      s.fleet === prev.fleet &&
      s.drafts === prev.drafts &&
      s.savedFleet === prev.savedFleet &&
      s.savedDrafts === prev.savedDrafts;
    if (byHand) {
      if (s.dirty) sync({ savedFleet: NOT_SAVED });
      else sync({ savedFleet: s.fleet, savedDrafts: s.drafts });
      return;
    }
    const dirty = s.fleet !== s.savedFleet || s.drafts !== s.savedDrafts;
    if (dirty !== s.dirty) sync({ dirty });
  });
}

/** A fresh, independent document store (tests; the app uses useDocumentStore). */
export function createDocumentStore(): DocumentStore {
  const store = createStore<DocumentState>()(initializer) as unknown as DocumentStore;
  trackDirty(store);
  return store;
}

/** The open document. `useDocumentStore.temporal` is the zundo undo/redo store. */
export const useDocumentStore = create<DocumentState>()(initializer);
trackDirty(useDocumentStore);

/** Reactive undo/redo availability (atomic selectors: booleans, so no re-render loops). */
export function useCanUndo(): boolean {
  return useStore(useDocumentStore.temporal, (s) => s.pastStates.length > 0);
}
export function useCanRedo(): boolean {
  return useStore(useDocumentStore.temporal, (s) => s.futureStates.length > 0);
}
