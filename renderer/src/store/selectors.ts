import type { Fleet } from '../../../shared/domain/fleet';
import type { Problem } from '../../../shared/domain/problem';
import type { DocumentData } from './documentStore';
import { cellProblemList, computeCellProblems, type CellProblems } from './validation';

/*
 * Derived data, memoised on the identity of its inputs so zustand selectors return the same
 * object until the document changes (a fresh object per call would loop React re-renders).
 */

let problemsMemo: { lots: unknown; rowIds: unknown; drafts: unknown; value: CellProblems } | null = null;

/** Problems per cell (drafts that did not parse and rules across cells). */
export function selectCellProblems(s: DocumentData): CellProblems {
  const m = problemsMemo;
  if (m && m.lots === s.fleet.lots && m.rowIds === s.rowIds && m.drafts === s.drafts) return m.value;
  const value = computeCellProblems(s.fleet.lots, s.rowIds, s.drafts);
  problemsMemo = { lots: s.fleet.lots, rowIds: s.rowIds, drafts: s.drafts, value };
  return value;
}

export const selectProblemCount = (s: DocumentData): number => selectCellProblems(s).count;

let listMemo: { problems: CellProblems; rowIds: unknown; value: Problem[] } | null = null;

/** The problems as a list with `Fleet!E14` places, in register order (row numbers as saved). */
export function selectProblemList(s: DocumentData): Problem[] {
  const problems = selectCellProblems(s);
  if (listMemo && listMemo.problems === problems && listMemo.rowIds === s.rowIds) return listMemo.value;
  const value = cellProblemList(problems, s.rowIds);
  listMemo = { problems, rowIds: s.rowIds, value };
  return value;
}

export interface EngineInput {
  /** The fleet without the lots that have a problem (they would give a wrong or no schedule). */
  fleet: Fleet;
  excludedLots: number;
}

let engineMemo: { fleet: Fleet; problems: CellProblems; value: EngineInput } | null = null;

/** What the engine computes from: every lot that has no problem. */
export function selectEngineInput(s: DocumentData): EngineInput {
  const problems = selectCellProblems(s);
  if (engineMemo && engineMemo.fleet === s.fleet && engineMemo.problems === problems) return engineMemo.value;
  let value: EngineInput;
  if (problems.count === 0) value = { fleet: s.fleet, excludedLots: 0 };
  else {
    const lots = s.fleet.lots.filter((_, i) => !problems.byRow.has(s.rowIds[i]));
    value = { fleet: { ...s.fleet, lots }, excludedLots: s.fleet.lots.length - lots.length };
  }
  engineMemo = { fleet: s.fleet, problems, value };
  return value;
}

let originsMemo: { rowIds: unknown; origins: unknown; value: (number | null)[] } | null = null;

/** For each lot in order, its index in the document as loaded (null for a lot added since). */
export function selectLotOrigins(s: DocumentData & { origins: ReadonlyMap<string, number> }): (number | null)[] {
  if (originsMemo && originsMemo.rowIds === s.rowIds && originsMemo.origins === s.origins) return originsMemo.value;
  const value = s.rowIds.map((id) => s.origins.get(id) ?? null);
  originsMemo = { rowIds: s.rowIds, origins: s.origins, value };
  return value;
}
