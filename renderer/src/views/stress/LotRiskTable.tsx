import { AgGridReact } from 'ag-grid-react';
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { Lot } from '../../../../shared/domain/fleet';
import type { LotRisk } from '../../../../shared/engine/stress';
import { gridTheme } from '../../grid/setup';
import { monthsText, percentText } from './display';

interface RiskRow {
  /** Row position: Lot IDs can repeat in a register being edited. */
  index: number;
  lotId: string;
  assetClass: string;
  model: string;
  valued: boolean;
  gaap: number | null;
  ifrs: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  mean: number | null;
}

const share = (v: number | null) => (v === null ? 'not valued' : percentText(v));
const months = (v: number | null) => (v === null ? '' : monthsText(v));

const FIT_ROWS = 15;

const LIFE_TIP = 'Economic life: months from in-service to the optimal retirement, across paths';

const COLUMNS: (ColDef<RiskRow> | ColGroupDef<RiskRow>)[] = [
  { field: 'lotId', headerName: 'Lot ID', pinned: 'left', width: 120 },
  { field: 'assetClass', headerName: 'Class', width: 80 },
  { field: 'model', headerName: 'Model', flex: 1, minWidth: 140 },
  {
    headerName: 'Chance at the as-of month',
    children: [
      { field: 'gaap', headerName: 'US GAAP impairment', headerTooltip: 'Share of paths where undiscounted cash flows + salvage < NBV', type: 'rightAligned', width: 130, valueFormatter: (p) => share(p.value) },
      { field: 'ifrs', headerName: 'Below IFRS recoverable', headerTooltip: 'Share of paths where the economic value is below NBV', type: 'rightAligned', width: 130, valueFormatter: (p) => share(p.value) },
    ],
  },
  {
    headerName: 'Economic life (months)',
    children: [
      { field: 'p10', headerName: 'P10', headerTooltip: LIFE_TIP, type: 'rightAligned', width: 90, valueFormatter: (p) => months(p.value) },
      { field: 'p50', headerName: 'P50', headerTooltip: LIFE_TIP, type: 'rightAligned', width: 90, valueFormatter: (p) => months(p.value) },
      { field: 'p90', headerName: 'P90', headerTooltip: LIFE_TIP, type: 'rightAligned', width: 90, valueFormatter: (p) => months(p.value) },
      { field: 'mean', headerName: 'Mean', headerTooltip: LIFE_TIP, type: 'rightAligned', width: 90, valueFormatter: (p) => months(p.value) },
    ],
  },
];

/** Per lot across the Monte Carlo paths: how likely an impairment is at the as-of month, and the spread of its economic life. */
export function LotRiskTable({ lots, fleetLots }: { lots: readonly LotRisk[]; fleetLots: readonly Lot[] }) {
  const rows = useMemo<RiskRow[]>(() => {
    const byId = new Map<string, Lot>();
    for (const l of fleetLots) if (!byId.has(l.id)) byId.set(l.id, l);
    return lots.map((r, index) => {
      const lot = byId.get(r.lotId);
      return {
        index,
        lotId: r.lotId,
        assetClass: lot?.assetClass ?? '',
        model: lot?.model ?? '',
        valued: r.valued,
        gaap: r.valued ? r.gaapImpairmentProbability : null,
        ifrs: r.valued ? r.ifrsImpairmentProbability : null,
        p10: r.economicLife?.p10 ?? null,
        p50: r.economicLife?.p50 ?? null,
        p90: r.economicLife?.p90 ?? null,
        mean: r.economicLife?.mean ?? null,
      };
    });
  }, [lots, fleetLots]);

  // A few lots: the table takes their height; many: a scrolling grid of a set height.
  const fit = rows.length <= FIT_ROWS;
  return (
    <div className={fit ? 'fb-stress-grid-table fb-fit' : 'fb-stress-grid-table'} data-testid="mc-lots">
      <AgGridReact<RiskRow>
        theme={gridTheme}
        rowData={rows}
        columnDefs={COLUMNS}
        getRowId={(p) => String(p.data.index)}
        defaultColDef={{ sortable: true, resizable: true, wrapHeaderText: true, autoHeaderHeight: true }}
        domLayout={fit ? 'autoHeight' : 'normal'}
      />
    </div>
  );
}
