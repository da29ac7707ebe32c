export {
  useDocumentStore,
  createDocumentStore,
  useCanUndo,
  useCanRedo,
  newRowId,
  EMPTY_FLEET,
  type DocumentData,
  type DocumentState,
  type DocumentStore,
  type PasteLayout,
  type PasteResult,
} from './documentStore';
export { selectCellProblems, selectProblemCount, selectProblemList, selectEngineInput, selectLotOrigins, type EngineInput } from './selectors';
export { LOT_FIELDS, FIELD_HEADERS, FIELD_KIND, FIELD_OPTIONS, type LotField } from './fields';
export type { Drafts, RowDraft, RowProblems, CellProblems } from './validation';
export { parseTsv, toTsv } from './tsv';
