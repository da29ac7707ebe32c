import { useMemo, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ComputeStatus } from '../ComputeStatus';
import { moneyColumn } from '../../grid/moneyColumn';
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { PeriodKind } from '../../../../shared/engine/book/types';
import type { DeferredTaxPeriod } from '../../../../shared/engine/tax';
import { useDeferredTax } from '../../engine/useDeferredTax';
import type { ScheduleScope } from '../../engine/protocol';
import { formatPercent } from '../../format';
import { gridTheme } from '../../grid/setup';
import { deferredTotals } from './deferredTotals';

type Amount = 'bookNbv' | 'taxNbv' | 'temporaryDifference' | 'deferredTax' | 'change';

const COLUMNS: [Amount, string, string][] = [
  ['bookNbv', 'Book NBV', 'Book net book value at the end of the period'],
  ['taxNbv', 'Tax NBV', 'Tax basis (MACRS) at the end of the period'],
  ['temporaryDifference', 'Temporary difference', 'Book NBV less tax NBV'],
  ['deferredTax', 'Deferred tax liability (asset)', 'Temporary difference times the tax rate, rounded per lot, at the end of the period; negative is an asset'],
  ['change', 'Change: expense (benefit)', 'Deferred tax at the end of the period less at its start: the deferred tax expense, or benefit when negative'],
];

const getRowId = (p: GetRowIdParams<DeferredTaxPeriod>) => p.data.period;
const defaultColDef: ColDef<DeferredTaxPeriod> = { sortable: false, resizable: true, editable: false, suppressMovable: true };

function columnDefs(currency: string): ColDef<DeferredTaxPeriod>[] {
  return [
    {
      colId: 'period',
      field: 'period',
      headerName: 'Period',
      pinned: 'left',
      width: 120,
      cellDataType: false,
      tooltipValueGetter: (p) => (p.node?.rowPinned ? 'Balances at the end of the last period; the change summed over all periods' : undefined),
    },
    ...COLUMNS.map(
      ([field, headerName, headerTooltip]): ColDef<DeferredTaxPeriod> => ({
        ...moneyColumn<DeferredTaxPeriod>(field, headerName, currency),
        headerTooltip,
        // Five columns: share the width rather than leave half the grid empty.
        flex: headerName.length > 20 ? 1.4 : 1,
        minWidth: headerName.length > 20 ? 220 : 150,
      }),
    ),
  ];
}

/**
 * Deferred tax (DESIGN.md section 5) by period: book NBV against tax NBV, the temporary difference,
 * the deferred tax at the period's end and its change over the period, from the engine worker.
 */
export function DeferredTaxPanel({ period, scope, currency, notes }: { period: PeriodKind; scope: ScheduleScope; currency: string; notes: ReactNode }) {
  const deferred = useDeferredTax(period, scope);
  const cols = useMemo(() => columnDefs(currency), [currency]);
  const pinned = useMemo(() => {
    const t = deferredTotals(deferred.rows);
    return t ? [t] : [];
  }, [deferred.rows]);

  return (
    <>
      <div className="fb-sched-status" data-testid="schedule-status">
        <ComputeStatus
          state={deferred}
          ready={
            <span role="status" data-testid="deferred-rate">
              {deferred.rows.length === 0
                ? 'No lots to compute.'
                : `Deferred tax = (book NBV − tax NBV) × ${formatPercent(deferred.taxRatePct ?? 0)} (Assumptions, Tax Rate %), rounded per lot. Positive is a liability, negative an asset.`}
            </span>
          }
        />
        {notes}
      </div>
      <div className="fb-sched-grid" data-testid="schedule-grid">
        <AgGridReact<DeferredTaxPeriod>
          theme={gridTheme}
          rowData={deferred.rows}
          columnDefs={cols}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          pinnedBottomRowData={pinned}
          tooltipShowDelay={300}
          suppressCellFocus={false}
          animateRows={false}
        />
      </div>
    </>
  );
}
