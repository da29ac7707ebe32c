import { describe, expect, it } from 'vitest';
import { FLEET_FIELDS, matchHeaders, resolveFieldName } from '../../../shared/workbook/columns';
import { normaliseKey } from '../../../shared/workbook/normalise';
import { sheet } from './tables';

const columnsOf = (headers: string[], mapping?: Record<string, string>) => {
  const m = matchHeaders(sheet('Fleet', [headers, headers.map(() => 'x')]), FLEET_FIELDS, mapping);
  return { columns: Object.fromEntries(m.columns), extras: m.extras, problems: m.problems };
};

describe('header matching', () => {
  it('ignores case, spaces, underscores and punctuation', () => {
    expect(normaliseKey(' Book_Life (Months) ')).toBe('booklifemonths');
    expect(columnsOf(['lot_id', 'UNIT-COST', 'in service', 'Salvage%']).columns).toEqual({ 'Lot ID': 0, 'Unit Cost': 1, 'In Service': 2, 'Salvage %': 3 });
  });

  it('maps common synonyms', () => {
    const { columns } = columnsOf(['Asset ID', 'Qty', 'Unit Price', 'Placed in service', 'Residual %', 'Useful life (years)', 'PIS']);
    expect(columns).toEqual({ 'Lot ID': 0, Quantity: 1, 'Unit Cost': 2, 'In Service': 3, 'Salvage %': 4, 'Book Life (years)': 5 });
    expect(columnsOf(['Units', 'In-Service Date', 'Cost', 'Salvage']).columns).toEqual({ Quantity: 0, 'In Service': 1, 'Unit Cost': 2, 'Salvage %': 3 });
    expect(resolveFieldName('qty')).toBe('Quantity');
    expect(resolveFieldName('unit_cost')).toBe('Unit Cost');
    expect(resolveFieldName('Colour')).toBeNull();
  });

  it('keeps unknown columns as extras, with a warning, and never guesses a life without a unit', () => {
    const m = columnsOf(['Lot ID', 'Notes', 'Useful Life']);
    expect(m.extras).toEqual([{ index: 1, header: 'Notes' }, { index: 2, header: 'Useful Life' }]);
    expect(m.problems).toEqual([
      { sheet: 'Fleet', cell: 'B1', message: 'column "Notes" is not a Fleetbook column; kept as is', severity: 'warning' },
      { sheet: 'Fleet', cell: 'C1', message: 'column "Useful Life" has no unit, so it is not read: name it "Book Life (months)" or "Book Life (years)", or map it; kept as is', severity: 'warning' },
    ]);
  });

  it('reports a field given by two columns', () => {
    expect(columnsOf(['Qty', 'Quantity']).problems).toEqual([{ sheet: 'Fleet', cell: 'B1', message: 'column "Quantity" repeats Quantity (column A)', severity: 'error' }]);
  });

  it('lets an explicit mapping override matching; the header it displaces is kept as an extra', () => {
    const m = columnsOf(['Cost', 'Price USD', 'Useful Life'], { 'Price USD': 'unit cost', 'useful life': 'Book Life (years)' });
    expect(m.columns).toEqual({ 'Unit Cost': 1, 'Book Life (years)': 2 });
    expect(m.extras).toEqual([{ index: 0, header: 'Cost' }]);
    expect(m.problems.map((p) => p.message)).toEqual(['column "Cost" would be Unit Cost, but the mapping gives Unit Cost to column B; kept as is']);
  });

  it('warns about a column with data but no header, and ignores an empty one', () => {
    const m = matchHeaders(sheet('Fleet', [['Lot ID', null, null], ['L', 'data', null]]), FLEET_FIELDS, undefined);
    expect(m.extras).toEqual([{ index: 1, header: '' }]);
    expect(m.problems).toEqual([{ sheet: 'Fleet', cell: 'B1', message: 'column B has data but no header; kept as is', severity: 'warning' }]);
  });
});
