import type { Lot } from '../../../shared/domain/fleet';
import { formatCentsPlain } from '../../../shared/domain/money';
import { readFleetFromTables, type CellValue, type SheetRow, type SheetTable } from '../../../shared/workbook';
import { FIELD_HEADERS, FIELD_KIND, LOT_FIELDS, type LotField } from './fields';

/**
 * The grid validates rows with the file reader itself (shared/workbook): a batch of rows becomes
 * a Fleet sheet and goes through readFleetFromTables, so a cell typed in the grid and the same
 * cell in a file get the same verdict and the same message.
 *
 * Lot IDs are the exception: the reader checks them for uniqueness within the sheet, but the grid
 * checks the whole register (validation.ts), so the batch gets placeholder ids and the real one
 * is only checked for being present here.
 */

export type RawCells = Partial<Record<LotField, string>>;

export interface RowCheck {
  /** The committed lot the row starts from. */
  lot: Lot;
  /** Text typed or pasted over it (cells not listed keep the lot's values). */
  raw: RawCells;
}

export type RowVerdict = { ok: true; lot: Lot } | { ok: false; problems: Partial<Record<LotField, string>> };

const HEADER: CellValue[] = LOT_FIELDS.map((f) => FIELD_HEADERS[f]);
const ID_COLUMN = LOT_FIELDS.indexOf('id');

/** A committed value as the cell a file would hold. */
function valueCell(lot: Lot, field: LotField): CellValue {
  const v = lot[field];
  if (v === undefined || v === '') return null;
  if (FIELD_KIND[field] === 'money') return formatCentsPlain(v as number);
  return v as string | number;
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function runReader(rows: readonly RowCheck[], idx: readonly number[]): { lots: Lot[] | null; problems: Map<number, Partial<Record<LotField, string>>> } {
  const sheetRows: SheetRow[] = [{ row: 1, cells: HEADER }];
  for (let k = 0; k < idx.length; k++) {
    const { lot, raw } = rows[idx[k]];
    const cells: CellValue[] = LOT_FIELDS.map((f) => (raw[f] !== undefined ? raw[f]! : valueCell(lot, f)));
    cells[ID_COLUMN] = `#${k + 1}`;
    sheetRows.push({ row: k + 2, cells });
  }
  const sheet: SheetTable = { name: 'Fleet', rows: sheetRows };
  const res = readFleetFromTables([sheet], { sourceName: 'Fleet' });
  const problems = new Map<number, Partial<Record<LotField, string>>>();
  if (res.ok) return { lots: res.value.fleet.lots, problems };
  for (const p of res.error) {
    if (p.severity === 'warning') continue;
    const m = /^([A-Z]+)(\d+)$/.exec(p.cell ?? '');
    const k = m ? Number(m[2]) - 2 : -1;
    // A problem without a data cell is structural and would concern every row.
    const targets = k >= 0 && k < idx.length ? [k] : idx.map((_, i) => i);
    const field = m ? (LOT_FIELDS[letterIndex(m[1])] ?? 'id') : 'id';
    for (const t of targets) {
      const row = problems.get(idx[t]) ?? {};
      row[field] ??= p.message;
      problems.set(idx[t], row);
    }
  }
  return { lots: null, problems };
}

/** Validate rows with the file's rules; one reader pass for all of them (a paste is one batch). */
export function checkRows(rows: readonly RowCheck[]): RowVerdict[] {
  const verdicts: RowVerdict[] = new Array(rows.length);
  const ids: string[] = rows.map((r) => (r.raw.id !== undefined ? r.raw.id : r.lot.id).trim());
  let pending = rows.map((_, i) => i);
  // Two passes at most: a sheet with errors yields no lots, so the rows that passed are read again.
  for (let pass = 0; pass < 2 && pending.length > 0; pass++) {
    const { lots, problems } = runReader(rows, pending);
    if (lots) {
      pending.forEach((i, k) => (verdicts[i] = { ok: true, lot: { ...lots[k], id: ids[i] } }));
      pending = [];
      break;
    }
    for (const [i, p] of problems) verdicts[i] = { ok: false, problems: p };
    pending = pending.filter((i) => !problems.has(i));
  }
  for (const i of pending) verdicts[i] = { ok: false, problems: { id: 'the row could not be read' } };
  for (let i = 0; i < rows.length; i++) {
    if (ids[i] !== '') continue;
    const v = verdicts[i];
    const problems = v.ok ? {} : v.problems;
    verdicts[i] = { ok: false, problems: { id: `${FIELD_HEADERS.id} is missing`, ...problems } };
  }
  return verdicts;
}
