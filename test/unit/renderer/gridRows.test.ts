import { describe, expect, it } from 'vitest';
import type { Lot } from '../../../shared/domain/fleet';
import { rowTransaction, type FleetGridRow } from '../../../renderer/src/grid/fleetRows';

const lot = { id: 'x' } as Lot;
const row = (rowId: string): FleetGridRow => ({ rowId, lot });
const ids = (rs: FleetGridRow[]) => rs.map((r) => r.rowId);

describe('grid row changes as transactions', () => {
  const a = row('a');
  const b = row('b');
  const c = row('c');

  it('sends only the rows whose objects changed', () => {
    const b2 = row('b');
    const tx = rowTransaction([a, b, c], [a, b2, c])!;
    expect(tx.update).toEqual([b2]);
    expect(tx.update[0]).toBe(b2);
    expect(tx.add).toEqual([]);
    expect(tx.remove).toEqual([]);
  });

  it('appends added rows and removes deleted ones', () => {
    const d = row('d');
    expect(ids(rowTransaction([a, b], [a, b, d])!.add)).toEqual(['d']);
    const tx = rowTransaction([a, b, c], [a, c])!;
    expect(ids(tx.remove)).toEqual(['b']);
    expect(tx.update).toEqual([]);
  });

  it('asks for the whole array when rows come back in the middle (undo of a delete)', () => {
    expect(rowTransaction([a, c], [a, b, c])).toBeNull();
  });

  it('has nothing to send when nothing changed', () => {
    expect(rowTransaction([a, b], [a, b])).toEqual({ add: [], update: [], remove: [] });
  });
});
