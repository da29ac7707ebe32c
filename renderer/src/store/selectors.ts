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
  fleet: Fleet;
  /**
   * Indexes of the lots whose rows have a problem: left out of every figure (they would give a
   * wrong schedule or none). Sent beside the fleet rather than filtered out of it, so a typo in
   * one row of 100,000 does not make the engine start over.
   */
  exclude: readonly number[];
  excludedLots: number;
}

const NOTHING: readonly number[] = Object.freeze([]);
let engineMemo: { fleet: Fleet; problems: CellProblems; rowIds: unknown; value: EngineInput } | null = null;

/** What the engine computes from: the fleet, less the lots that have a problem. */
export function selectEngineInput(s: DocumentData): EngineInput {
  const problems = selectCellProblems(s);
  const m = engineMemo;
  if (m && m.fleet === s.fleet && m.problems === problems && m.rowIds === s.rowIds) return m.value;
  let exclude = NOTHING;
  if (problems.count > 0) {
    const list: number[] = [];
    for (let i = 0; i < s.rowIds.length; i++) if (problems.byRow.has(s.rowIds[i])) list.push(i);
    // Same exclusions as before: keep the same array, so nothing is asked again.
    exclude = m && m.value.exclude.length === list.length && m.value.exclude.every((v, i) => v === list[i]) ? m.value.exclude : list;
  }
  const value: EngineInput =
    m && m.value.fleet === s.fleet && m.value.exclude === exclude ? m.value : { fleet: s.fleet, exclude, excludedLots: exclude.length };
  engineMemo = { fleet: s.fleet, problems, rowIds: s.rowIds, value };
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
