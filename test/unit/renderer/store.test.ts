import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet, type Lot } from '../../../shared/domain/fleet';
import { createDocumentStore, type DocumentStore } from '../../../renderer/src/store/documentStore';
import { selectCellProblems, selectEngineInput, selectProblemList } from '../../../renderer/src/store/selectors';

function lot(id: string, over: Partial<Lot> = {}): Lot {
  return {
    id,
    assetClass: 'ASIC',
    model: 'S21',
    quantity: 10,
    unitCost: 350_000,
    inService: '2025-01-15',
    salvagePct: 0,
    lifeMonths: 36,
    method: 'SL',
    convention: 'full-month',
    taxClass: 'MACRS-5',
    ...over,
  };
}

function fleet(lots: Lot[]): Fleet {
  return { assumptions: { ...DEFAULT_ASSUMPTIONS, asOf: '2025-06-30' }, lots, events: [], scenarios: [] };
}

let store: DocumentStore;
const s = () => store.getState();
const history = () => store.temporal.getState();
const rowId = (i: number) => s().rowIds[i];

beforeEach(() => {
  store = createDocumentStore();
  s().loadDocument(fleet([lot('A'), lot('B'), lot('C')]), 'fleet.xlsx', 'doc-1');
});

describe('document store: undo granularity', () => {
  it('starts a loaded document clean, with no history', () => {
    expect(s().dirty).toBe(false);
    expect(s().fileName).toBe('fleet.xlsx');
    expect(s().docId).toBe('doc-1');
    expect(history().pastStates).toHaveLength(0);
    expect(new Set(s().rowIds).size).toBe(3);
  });

  it('makes one undo step per cell edit; undo and redo restore the values', () => {
    s().editCell(rowId(0), 'quantity', '12');
    expect(s().fleet.lots[0].quantity).toBe(12);
    expect(history().pastStates).toHaveLength(1);
    expect(s().dirty).toBe(true);

    s().undo();
    expect(s().fleet.lots[0].quantity).toBe(10);
    expect(s().dirty).toBe(false); // back at the saved state
    s().redo();
    expect(s().fleet.lots[0].quantity).toBe(12);
    expect(s().dirty).toBe(true);
  });

  it('makes no step for an edit that changes nothing or for UI-only state', () => {
    s().editCell(rowId(0), 'quantity', '10');
    s().editCell(rowId(0), 'unitCost', '3,500.00');
    s().editCell(rowId(0), 'cost', '1');
    s().markSaved();
    store.setState({ fileName: 'other.xlsx' });
    expect(history().pastStates).toHaveLength(0);
  });

  it('makes one step for a 3 x 4 paste and one undo takes it all back', () => {
    const before = s().fleet;
    const tsv = '5\t100\t2025-02-01\t2025-01-20\r\n6\t200\t2025-03-01\t\r\n7\t300\t2025-04-01\t2025-03-15\r\n';
    const r = s().pasteBlock(rowId(0), 'quantity', tsv);
    expect(r).toMatchObject({ rows: 3, cells: 12, addedRows: 0, invalidCells: 0 });
    expect(history().pastStates).toHaveLength(1);
    expect(s().fleet.lots.map((l) => [l.quantity, l.unitCost, l.inService, l.acquired])).toEqual([
      [5, 10_000, '2025-02-01', '2025-01-20'],
      [6, 20_000, '2025-03-01', undefined],
      [7, 30_000, '2025-04-01', '2025-03-15'],
    ]);
    s().undo();
    expect(s().fleet).toBe(before);
    expect(history().futureStates).toHaveLength(1);
  });

  it('clears the redo stack on a new edit', () => {
    s().editCell(rowId(0), 'model', 'S19');
    s().undo();
    s().editCell(rowId(1), 'model', 'S21 XP');
    expect(history().futureStates).toHaveLength(0);
    s().redo();
    expect(s().fleet.lots[0].model).toBe('S21');
  });

  it('adds and deletes lots as single steps, with unique ids', () => {
    const id = s().addLot();
    expect(s().rowIds).toContain(id);
    expect(s().fleet.lots[3]).toMatchObject({ id: 'LOT-4', inService: '2025-06-30', quantity: 1, method: 'SL' });
    s().deleteLots([rowId(0), id]);
    expect(s().fleet.lots.map((l) => l.id)).toEqual(['B', 'C']);
    expect(history().pastStates).toHaveLength(2);
    s().undo();
    expect(s().fleet.lots.map((l) => l.id)).toEqual(['A', 'B', 'C', 'LOT-4']);
  });

  it('keeps recovered work and a hand-set unsaved mark unsaved, even after undo', () => {
    s().loadDocument(fleet([lot('A')]), 'recovered.xlsx', 'doc-2', { unsaved: true });
    expect(s().dirty).toBe(true);
    s().editCell(rowId(0), 'quantity', '3');
    s().undo();
    expect(s().dirty).toBe(true);
    s().markSaved();
    expect(s().dirty).toBe(false);
    store.setState({ dirty: true });
    expect(s().dirty).toBe(true);
    s().editCell(rowId(0), 'quantity', '4');
    s().undo();
    expect(s().dirty).toBe(true);
    expect(history().pastStates).toHaveLength(0);
  });

  it('caps the history at 200 steps', () => {
    for (let i = 0; i < 205; i++) s().editCell(rowId(0), 'quantity', String(i + 1));
    expect(history().pastStates).toHaveLength(200);
  });
});

describe('document store: paste', () => {
  it('extends the register with new rows past the end and skips a blank trailing line', () => {
    const tsv = 'D\tGPU\tH100\t8\t25,000.00\r\nE\tGPU\tH200\t4\t$31,000\r\n\t\t\t\t\r\n';
    const r = s().pasteBlock(rowId(2), 'id', tsv);
    expect(r).toMatchObject({ rows: 2, addedRows: 1 });
    expect(s().fleet.lots.map((l) => l.id)).toEqual(['A', 'B', 'D', 'E']);
    expect(s().fleet.lots[3]).toMatchObject({ assetClass: 'GPU', model: 'H200', quantity: 4, unitCost: 3_100_000 });
    expect(history().pastStates).toHaveLength(1);
  });

  it('follows the displayed column and row order and skips computed columns', () => {
    const layout = { columns: ['id', 'quantity', 'cost', 'unitCost'], rowOrder: [rowId(2), rowId(0), rowId(1)] };
    const r = s().pasteBlock(rowId(2), 'quantity', '1\t999\t2\r\n3\t999\t4\r\n', layout);
    expect(r.skippedCells).toBe(2);
    expect(s().fleet.lots.map((l) => [l.id, l.quantity, l.unitCost])).toEqual([
      ['A', 3, 400],
      ['B', 10, 350_000],
      ['C', 1, 200],
    ]);
  });

  it('does not take a copied header row for data', () => {
    // Headers of other columns are data that happens to be text (and gets its problem).
    const r = s().pasteBlock(rowId(0), 'quantity', 'Lot ID\r\n');
    expect(r.headerSkipped).toBe(false);
    expect(s().drafts[rowId(0)].raw.quantity).toBe('Lot ID');
    // The file's own synonyms count as headers (Qty, Price).
    const r2 = s().pasteBlock(rowId(0), 'quantity', 'Qty\tPrice\r\n2\t3\r\n');
    expect(r2.headerSkipped).toBe(true);
    expect(s().fleet.lots[0]).toMatchObject({ quantity: 2, unitCost: 300 });
    expect(s().drafts[rowId(0)]).toBeUndefined();
  });

  it('keeps pasted text that does not parse as drafts, in the same step', () => {
    const r = s().pasteBlock(rowId(0), 'quantity', 'ten\t12,5O0\r\n');
    expect(r.invalidCells).toBe(2);
    expect(history().pastStates).toHaveLength(1);
    expect(s().fleet.lots[0].quantity).toBe(10);
    expect(s().drafts[rowId(0)].raw).toEqual({ quantity: 'ten', unitCost: '12,5O0' });
    expect(s().drafts[rowId(0)].problems).toEqual({
      quantity: 'Quantity "ten" is not a number',
      unitCost: 'Unit Cost "12,5O0" is not a number',
    });
  });
});

describe('document store: validation on cells', () => {
  it('keeps an invalid edit as a draft with its problem, and fixing it clears both', () => {
    const r0 = rowId(0);
    s().editCell(r0, 'unitCost', '12,5O0');
    expect(s().fleet.lots[0].unitCost).toBe(350_000);
    expect(s().drafts[r0]).toEqual({ raw: { unitCost: '12,5O0' }, problems: { unitCost: 'Unit Cost "12,5O0" is not a number' } });
    expect(selectCellProblems(s()).byRow.get(r0)).toEqual({ unitCost: 'Unit Cost "12,5O0" is not a number' });
    expect(selectProblemList(s())).toEqual([
      { sheet: 'Fleet', cell: 'E2', message: 'Unit Cost "12,5O0" is not a number', severity: 'error' },
    ]);
    expect(s().dirty).toBe(true);

    s().editCell(r0, 'unitCost', '12,500');
    expect(s().fleet.lots[0].unitCost).toBe(1_250_000);
    expect(s().drafts[r0]).toBeUndefined();
    expect(selectCellProblems(s()).count).toBe(0);
    expect(history().pastStates).toHaveLength(2);
  });

  it('undoes a draft like any edit (nothing typed is lost on redo)', () => {
    s().editCell(rowId(1), 'inService', '03/04/2025');
    s().undo();
    expect(s().drafts[rowId(1)]).toBeUndefined();
    s().redo();
    expect(s().drafts[rowId(1)].raw.inService).toBe('03/04/2025');
    expect(s().drafts[rowId(1)].problems.inService).toMatch(/^In Service "03\/04\/2025" is ambiguous/);
  });

  it('flags a repeated Lot ID on the later row, as the file reader does', () => {
    s().editCell(rowId(2), 'id', 'A');
    const p = selectCellProblems(s());
    expect(p.byRow.get(rowId(0))).toBeUndefined();
    expect(p.byRow.get(rowId(2))).toEqual({ id: 'Lot ID "A" is a duplicate of row 2' });
    // Lots with a problem are left out of what the engine computes.
    expect(selectEngineInput(s()).excludedLots).toBe(1);
    s().editCell(rowId(2), 'id', 'C2');
    expect(selectEngineInput(s()).excludedLots).toBe(0);
  });

  it('holds a whole row as typed while it has a problem, then commits it all', () => {
    const r2 = rowId(2);
    s().editCell(r2, 'method', 'DDB');
    s().editCell(r2, 'convention', 'mid-month');
    expect(s().fleet.lots[2]).toMatchObject({ method: 'DDB', convention: 'full-month' });
    expect(s().drafts[r2].problems.convention).toMatch(/^Convention mid-month is not allowed with method DDB/);
    s().editCell(r2, 'model', 'S21 Pro');
    expect(s().fleet.lots[2].model).toBe('S21');
    expect(s().drafts[r2].raw).toEqual({ convention: 'mid-month', model: 'S21 Pro' });
    s().editCell(r2, 'method', 'SL');
    expect(s().drafts[r2]).toBeUndefined();
    expect(s().fleet.lots[2]).toMatchObject({ method: 'SL', convention: 'mid-month', model: 'S21 Pro' });
    expect(selectEngineInput(s()).excludedLots).toBe(0);
  });

  it('carries events along when a Lot ID is renamed and drops them with a deleted lot', () => {
    s().loadDocument(
      { ...fleet([lot('A'), lot('B')]), events: [{ type: 'impairment', date: '2025-03-31', lotId: 'A', fairValue: 100 }] },
      'f.xlsx',
    );
    s().editCell(rowId(0), 'id', 'A-1');
    expect(s().fleet.events[0].lotId).toBe('A-1');
    s().deleteLots([rowId(0)]);
    expect(s().fleet.events).toEqual([]);
    s().undo();
    expect(s().fleet.events[0].lotId).toBe('A-1');
  });
});
