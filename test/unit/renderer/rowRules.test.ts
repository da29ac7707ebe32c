import { describe, expect, it } from 'vitest';
import type { Lot } from '../../../shared/domain/fleet';
import { checkRows } from '../../../renderer/src/store/rowRules';

const base: Lot = {
  id: 'L1',
  assetClass: 'GPU',
  model: 'H100',
  quantity: 8,
  unitCost: 2_500_000,
  inService: '2025-03-01',
  salvagePct: 5,
  lifeMonths: 48,
  method: 'SL',
  convention: 'full-month',
  taxClass: 'MACRS-5',
  gpusPerUnit: 8,
};

describe('row checks with the file reader', () => {
  it('gives back the committed lot unchanged when nothing is typed over it', () => {
    const [v] = checkRows([{ lot: base, raw: {} }]);
    expect(v).toEqual({ ok: true, lot: base });
  });

  it('reads typed text as a file cell: grouping, currency signs, dates, synonyms', () => {
    const [v] = checkRows([
      { lot: base, raw: { unitCost: '$31,000.50', inService: '31 Mar 2025', method: 'straight line', quantity: '1,000' } },
    ]);
    expect(v).toEqual({ ok: true, lot: { ...base, unitCost: 3_100_050, inService: '2025-03-31', quantity: 1000 } });
  });

  it('reports each bad cell with the message a file would get', () => {
    const [v] = checkRows([{ lot: base, raw: { unitCost: '12,5O0', lifeMonths: '0', id: ' ' } }]);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.unitCost).toBe('Unit Cost "12,5O0" is not a number');
    expect(v.problems.lifeMonths).toMatch(/^Book Life \(months\) "0" is out of range/);
    expect(v.problems.id).toBe('Lot ID is missing');
  });

  it('applies rules across the cells of a row', () => {
    const [v] = checkRows([{ lot: base, raw: { acquired: '2025-04-01' } }]);
    expect(v).toEqual({ ok: false, problems: { acquired: 'Acquired 2025-04-01 is after In Service 2025-03-01' } });
  });

  it('checks a batch in one go and keeps good rows good when others are bad', () => {
    const vs = checkRows([
      { lot: base, raw: { quantity: 'ten' } },
      { lot: { ...base, id: 'L2' }, raw: { quantity: '3' } },
      { lot: { ...base, id: 'L2' }, raw: {} },
    ]);
    expect(vs.map((v) => v.ok)).toEqual([false, true, true]);
    expect(vs[1]).toEqual({ ok: true, lot: { ...base, id: 'L2', quantity: 3 } });
  });
});
