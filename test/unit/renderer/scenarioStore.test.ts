import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, type Fleet, type ScenarioOverride } from '../../../shared/domain/fleet';
import { createDocumentStore, type DocumentStore } from '../../../renderer/src/store/documentStore';

const rows: ScenarioOverride[] = [
  { scenario: 'Bear', key: 'Hashprice Drift (%/yr)', value: -35 },
  { scenario: 'Bear', key: 'Book Life (months): ASIC', value: 24 },
];

function fleet(): Fleet {
  return { assumptions: DEFAULT_ASSUMPTIONS, lots: [], events: [], scenarios: rows };
}

let store: DocumentStore;
const s = () => store.getState();
const history = () => store.temporal.getState();

beforeEach(() => {
  store = createDocumentStore();
  s().loadDocument(fleet(), 'fleet.xlsx');
});

describe('document store: Scenarios sheet', () => {
  it('replaces the rows as one undo step, marks the document unsaved, and undo restores them', () => {
    const before = s().fleet;
    const next = [...rows.slice(0, 1), { scenario: 'Bear', key: 'Book Life (months): ASIC', value: 30 }];
    s().setScenarios(next);
    expect(s().fleet.scenarios).toEqual(next);
    // Only the sheet changes: the lots, events and assumptions stay the same objects.
    expect(s().fleet.lots).toBe(before.lots);
    expect(s().fleet.assumptions).toBe(before.assumptions);
    expect(history().pastStates).toHaveLength(1);
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().fleet.scenarios).toEqual(rows);
    expect(s().dirty).toBe(false);
    s().redo();
    expect(s().fleet.scenarios[1].value).toBe(30);
  });

  it('makes no step when the rows are the same', () => {
    s().setScenarios(rows.map((r) => ({ ...r })));
    expect(history().pastStates).toHaveLength(0);
    expect(s().dirty).toBe(false);
  });

  it('keeps its own copy of the rows given', () => {
    const next = [...rows];
    s().setScenarios([...next, { scenario: 'Bull', key: 'Uptime %', value: 99 }]);
    next.push({ scenario: 'X', key: 'Y', value: 1 });
    expect(s().fleet.scenarios.map((r) => r.scenario)).toEqual(['Bear', 'Bear', 'Bull']);
  });
});
