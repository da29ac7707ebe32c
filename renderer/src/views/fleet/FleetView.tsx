import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellEditRequestEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IRowNode,
  RowSelectionOptions,
} from 'ag-grid-community';
import { gridTheme } from '../../grid/setup';
import { fleetColumnDefs } from '../../grid/fleetColumns';
import {
  FleetRowCache,
  fleetTotals,
  isTotalRow,
  rowTransaction,
  type FleetGridRow,
  type FleetRow,
  type FleetTotalRow,
  type FleetTotals,
} from '../../grid/fleetRows';
import { useCanRedo, useCanUndo, useDocumentStore } from '../../store/documentStore';
import { selectCellProblems } from '../../store/selectors';
import { LOT_FIELDS, type LotField } from '../../store/fields';
import { parseTsv, toTsv } from '../../store/tsv';
import './fleet.css';

const defaultColDef: ColDef<FleetRow> = { sortable: true, resizable: true };
const rowSelection: RowSelectionOptions<FleetRow> = {
  mode: 'multiRow',
  checkboxes: (p) => !p.node.rowPinned,
  headerCheckbox: true,
  selectAll: 'filtered',
  enableClickSelection: false,
};
const selectionColumnDef = { pinned: 'left' as const, width: 44 };
const getRowId = (p: GetRowIdParams<FleetRow>) => p.data.rowId;
/** Up to this many changed rows are updated in place; more (a big paste, an undo of one) re-run the row model. */
const IN_PLACE_UPDATES = 500;

/** True when the key event belongs to a text field (a cell editor, a filter box): leave it alone. */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button'].includes(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

function sameTotals(a: FleetTotals, b: FleetTotals): boolean {
  return a.lots === b.lots && a.quantity === b.quantity && a.costCents === b.costCents;
}

/** Totals over the rows that pass the filters (the committed values; drafts do not count yet). */
function filteredTotalsOf(api: GridApi<FleetRow>): FleetTotals {
  const lots: FleetGridRow['lot'][] = [];
  api.forEachNodeAfterFilter((node) => {
    if (node.data && !isTotalRow(node.data)) lots.push(node.data.lot);
  });
  return fleetTotals(lots);
}

/**
 * The Fleet register: one row per lot, edited in place. Edits go to the document store (the grid
 * never writes its row objects); paste from Excel and undo/redo are the store's, one step each.
 */
export function FleetView() {
  const lots = useDocumentStore((s) => s.fleet.lots);
  const rowIds = useDocumentStore((s) => s.rowIds);
  const drafts = useDocumentStore((s) => s.drafts);
  const currency = useDocumentStore((s) => s.fleet.assumptions.currency);
  const problems = useDocumentStore(selectCellProblems);
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();

  const apiRef = useRef<GridApi<FleetRow> | null>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const cacheRef = useRef(new FleetRowCache());
  const focusAfterUpdate = useRef<{ rowId: string; colId: string; edit: boolean } | null>(null);

  const rowData = useMemo(() => cacheRef.current.build(lots, rowIds, drafts, problems), [lots, rowIds, drafts, problems]);
  const columnDefs = useMemo(() => fleetColumnDefs(currency), [currency]);

  const [filteredTotals, setFilteredTotals] = useState<FleetTotals | null>(null);
  const allTotals = useMemo(() => fleetTotals(lots), [lots]);
  const totals = filteredTotals ?? allTotals;
  const pinnedBottom = useMemo<FleetTotalRow[]>(
    () => [{ rowId: '__total', totals, ofLots: lots.length }],
    [totals, lots.length],
  );
  const [selectedCount, setSelectedCount] = useState(0);
  const [quickFilter, setQuickFilter] = useState('');
  const [status, setStatus] = useState('');

  // Rows go to the grid as changes, not as a new array for it to diff: with 100,000 lots that is
  // the difference between a frame and a stall. Edited rows get their new data in place (no
  // re-sort or re-filter: a row does not jump away while being edited, as in a spreadsheet);
  // added and removed rows go as a transaction; anything else replaces the rows.
  const appliedRows = useRef<FleetGridRow[] | null>(null);
  const applyRows = useCallback((api: GridApi<FleetRow>, next: FleetGridRow[]) => {
    const prev = appliedRows.current;
    appliedRows.current = next;
    const tx = prev ? rowTransaction(prev, next) : null;
    if (!tx) api.setGridOption('rowData', next);
    else if (tx.add.length || tx.remove.length || tx.update.length > IN_PLACE_UPDATES) api.applyTransaction(tx);
    else if (tx.update.length) {
      for (const row of tx.update) api.getRowNode(row.rowId)?.setData(row);
      if (api.isAnyFilterPresent()) setFilteredTotals(filteredTotalsOf(api));
    }
  }, []);
  const latestRows = useRef(rowData);
  latestRows.current = rowData;

  const onGridReady = useCallback(
    (e: GridReadyEvent<FleetRow>) => {
      apiRef.current = e.api;
      applyRows(e.api, latestRows.current);
    },
    [applyRows],
  );

  useEffect(() => {
    if (apiRef.current) applyRows(apiRef.current, rowData);
  }, [rowData, applyRows]);

  // Totals of the rows that pass the filters; without a filter, of the whole register.
  const onModelUpdated = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    if (!api.isAnyFilterPresent()) {
      setFilteredTotals(null);
      return;
    }
    const t = filteredTotalsOf(api);
    setFilteredTotals((old) => (old && sameTotals(old, t) ? old : t));
  }, []);

  // A new lot gets the focus (and its Lot ID an editor) once the grid has its row (the effect
  // above has just given it to the grid).
  useEffect(() => {
    const api = apiRef.current;
    const want = focusAfterUpdate.current;
    if (!api || !want) return;
    const node = api.getRowNode(want.rowId);
    if (!node || node.rowIndex === null) return;
    focusAfterUpdate.current = null;
    const rowIndex = node.rowIndex;
    api.ensureIndexVisible(rowIndex);
    api.ensureColumnVisible(want.colId);
    // The grid draws the row some frames after scrolling to it, and an editor takes the browser's
    // focus only when the grid has it: wait for the cell, focus it, then edit it.
    const selector = `.ag-row[row-id="${CSS.escape(want.rowId)}"] [col-id="${CSS.escape(want.colId)}"]`;
    let frames = 0;
    const tryFocus = () => {
      if (api.isDestroyed()) return;
      if (!containerRef.current?.querySelector(selector) && ++frames < 60) {
        requestAnimationFrame(tryFocus);
        return;
      }
      api.setFocusedCell(rowIndex, want.colId);
      if (want.edit) api.startEditingCell({ rowIndex, colKey: want.colId });
    };
    requestAnimationFrame(tryFocus);
  }, [rowData]);

  const onCellEditRequest = useCallback((e: CellEditRequestEvent<FleetRow>) => {
    const row = e.data;
    if (!row || isTotalRow(row)) return;
    const v = e.newValue;
    useDocumentStore.getState().editCell(row.rowId, e.column.getColId(), v === null || v === undefined ? '' : String(v));
  }, []);

  const onSelectionChanged = useCallback(() => {
    setSelectedCount(apiRef.current?.getSelectedNodes().length ?? 0);
  }, []);

  const addLot = useCallback(() => {
    const rowId = useDocumentStore.getState().addLot();
    focusAfterUpdate.current = { rowId, colId: 'id', edit: true };
    setStatus('Added a lot at the end of the register.');
  }, []);

  const deleteSelected = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const ids = api.getSelectedNodes().flatMap((n) => (n.data && !isTotalRow(n.data) ? [n.data.rowId] : []));
    if (ids.length === 0) return;
    useDocumentStore.getState().deleteLots(ids);
    setStatus(`Deleted ${ids.length} lot${ids.length === 1 ? '' : 's'} (Undo brings them back).`);
  }, []);

  const undo = useCallback(() => useDocumentStore.getState().undo(), []);
  const redo = useCallback(() => useDocumentStore.getState().redo(), []);

  const goToNextProblem = useCallback(() => {
    const api = apiRef.current;
    if (!api) return;
    const start = api.getFocusedCell()?.rowIndex ?? -1;
    const colOrder = api.getAllDisplayedColumns().map((c) => c.getColId());
    let first: IRowNode<FleetRow> | null = null;
    let next: IRowNode<FleetRow> | null = null;
    api.forEachNodeAfterFilterAndSort((node) => {
      if (next) return;
      const row = node.data as FleetGridRow | undefined;
      if (!row?.problems) return;
      if (!first) first = node;
      if ((node.rowIndex ?? -1) > start) next = node;
    });
    const target = (next ?? first) as IRowNode<FleetRow> | null;
    if (!target || target.rowIndex === null) {
      setStatus('No problems in the visible rows.');
      return;
    }
    const row = target.data as FleetGridRow;
    const col = colOrder.find((c) => row.problems?.[c as LotField]) ?? 'id';
    api.ensureIndexVisible(target.rowIndex, 'middle');
    api.ensureColumnVisible(col);
    api.setFocusedCell(target.rowIndex, col);
    setStatus(row.problems?.[col as LotField] ?? '');
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo();
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) redo();
      else return;
      e.preventDefault();
      e.stopPropagation();
    },
    [undo, redo],
  );

  // Paste from Excel: Community has no clipboard service, so read the native paste event at the
  // focused cell and hand the block to the store as one action (one undo step).
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onPaste = (e: ClipboardEvent) => {
      const api = apiRef.current;
      if (!api || inTextField(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text === '') return;
      const focused = api.getFocusedCell();
      const columns = api.getAllDisplayedColumns().map((c) => c.getColId());
      // From the checkbox column, the block starts at the first data column after it.
      let at = focused ? columns.indexOf(focused.column.getColId()) : -1;
      while (at >= 0 && at < columns.length - 1 && columns[at].startsWith('ag-Grid-')) at++;
      const startCol = at >= 0 ? columns[at] : LOT_FIELDS[0];
      e.preventDefault();
      let startRowId: string | null = null;
      const rowOrder: string[] = [];
      if (focused && !focused.rowPinned) {
        const lines = parseTsv(text).length;
        for (let i = focused.rowIndex; i < focused.rowIndex + lines; i++) {
          const row = api.getDisplayedRowAtIndex(i)?.data;
          if (!row || isTotalRow(row)) break;
          rowOrder.push(row.rowId);
        }
        startRowId = rowOrder[0] ?? null;
      }
      // On the totals row (or an empty register) the block is appended as new lots.
      const r = useDocumentStore.getState().pasteBlock(startRowId, startCol, text, { columns, rowOrder });
      const parts = [`Pasted ${r.cells} cell${r.cells === 1 ? '' : 's'} into ${r.rows} row${r.rows === 1 ? '' : 's'}`];
      if (r.addedRows) parts.push(`${r.addedRows} new`);
      if (r.headerSkipped) parts.push('header row skipped');
      if (r.skippedCells) parts.push(`${r.skippedCells} cell${r.skippedCells === 1 ? '' : 's'} outside the editable columns left out`);
      if (r.invalidCells) parts.push(`${r.invalidCells} cell${r.invalidCells === 1 ? ' has a problem' : 's have problems'}`);
      setStatus(`${parts.join('; ')}.`);
    };
    // Copy out: selected rows as TSV with a header row, else the focused cell's text.
    const onCopy = (e: ClipboardEvent) => {
      const api = apiRef.current;
      if (!api || inTextField(e.target)) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const cols = api.getAllDisplayedColumns().filter((c) => c.getColDef().headerName);
      const selected = api.getSelectedNodes();
      let text: string;
      if (selected.length > 0) {
        const rows = [cols.map((c) => c.getColDef().headerName ?? '')];
        api.forEachNodeAfterFilterAndSort((node) => {
          if (node.isSelected()) rows.push(cols.map((c) => String(api.getCellValue({ rowNode: node, colKey: c, useFormatter: false }) ?? '')));
        });
        text = toTsv(rows);
      } else {
        const f = api.getFocusedCell();
        if (!f) return;
        const node = f.rowPinned ? api.getPinnedBottomRow(0) : api.getDisplayedRowAtIndex(f.rowIndex);
        if (!node) return;
        text = String(api.getCellValue({ rowNode: node, colKey: f.column, useFormatter: false }) ?? '');
      }
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
    };
    el.addEventListener('paste', onPaste);
    el.addEventListener('copy', onCopy);
    return () => {
      el.removeEventListener('paste', onPaste);
      el.removeEventListener('copy', onCopy);
    };
  }, []);

  const problemCount = problems.count;

  return (
    <section className="fb-fleet" aria-label="Fleet register" data-testid="fleet-view" onKeyDown={onKeyDown}>
      <div className="fb-toolbar" role="toolbar" aria-label="Fleet actions">
        <button type="button" onClick={addLot} aria-label="Add lot" data-testid="fleet-add">
          Add lot
        </button>
        <button
          type="button"
          onClick={deleteSelected}
          disabled={selectedCount === 0}
          aria-label="Delete selected lots"
          data-testid="fleet-delete"
        >
          Delete selected{selectedCount ? ` (${selectedCount})` : ''}
        </button>
        <span className="fb-sep" aria-hidden="true" />
        <button type="button" onClick={undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)" data-testid="fleet-undo">
          Undo
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={!canRedo}
          aria-label="Redo"
          title="Redo (Shift+Ctrl+Z or Ctrl+Y)"
          data-testid="fleet-redo"
        >
          Redo
        </button>
        <span className="fb-sep" aria-hidden="true" />
        <input
          type="search"
          className="fb-search"
          placeholder="Search lots"
          aria-label="Search lots"
          value={quickFilter}
          onChange={(e) => setQuickFilter(e.target.value)}
          data-testid="fleet-search"
        />
        <span className="fb-spacer" />
        {problemCount > 0 ? (
          <span className="fb-problem-count" data-testid="fleet-problem-count">
            {problemCount} cell{problemCount === 1 ? ' has a problem' : 's have problems'}
            <button type="button" onClick={goToNextProblem} aria-label="Go to next problem">
              Next problem
            </button>
          </span>
        ) : null}
      </div>
      <div className="fb-status" role="status" aria-live="polite" data-testid="fleet-status">
        {status}
      </div>
      <div className="fb-grid" ref={containerRef} data-testid="fleet-grid">
        <AgGridReact<FleetRow>
          theme={gridTheme}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          pinnedBottomRowData={pinnedBottom}
          rowSelection={rowSelection}
          selectionColumnDef={selectionColumnDef}
          onSelectionChanged={onSelectionChanged}
          onModelUpdated={onModelUpdated}
          onGridReady={onGridReady}
          quickFilterText={quickFilter}
          tooltipShowDelay={300}
          stopEditingWhenCellsLoseFocus
          enterNavigatesVerticallyAfterEdit
          animateRows={false}
          overlayNoRowsTemplate="No lots yet: add one, or paste rows copied from Excel."
        />
      </div>
    </section>
  );
}
