import { AgCharts } from 'ag-charts-react';
import { AllCommunityModule as ChartsCommunity, ModuleRegistry as ChartsRegistry, type AgCartesianChartOptions } from 'ag-charts-community';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { create } from 'zustand';
import { monthLabel } from '../../../../shared/domain/dates';
import type { AssetClass } from '../../../../shared/domain/fleet';
import type { ScheduleScope, ValueLotRow } from '../../engine/protocol';
import { useValue } from '../../engine/useValue';
import { currencyFormat } from '../../format';
import { gridTheme } from '../../grid/setup';
import { useDocumentStore } from '../../store/documentStore';
import { selectEngineInput } from '../../store/selectors';
import '../schedule/schedule.css';
import './value.css';

ChartsRegistry.registerModules([ChartsCommunity]);

/** What the view shows survives switching to another view and back. */
const useValueOptions = create<{ scope: string; setScope(scope: string): void }>()((set) => ({
  scope: 'fleet',
  setScope: (scope) => set({ scope }),
}));

interface ChartPoint {
  month: Date;
  book?: number;
  economic: number;
  gap?: number;
}

function monthDate(m: number): Date {
  return new Date(Date.UTC(Math.floor(m / 12), m % 12, 1));
}

function years(months: number): string {
  return `${(months / 12).toFixed(1)} y`;
}

/**
 * Book NBV against economic value over time, for the fleet, a class or a lot, with each lot's
 * economic life, implied life and impairment flags in a table beside the chart.
 */
export function ValueView() {
  const currency = useDocumentStore((s) => s.fleet.assumptions.currency);
  const engineFleet = useDocumentStore(selectEngineInput).fleet;
  const scopeChoice = useValueOptions((s) => s.scope);
  const setScopeChoice = useValueOptions((s) => s.setScope);
  const classes = useMemo(() => [...new Set(engineFleet.lots.map((l) => l.assetClass))].sort(), [engineFleet]);
  const scope: ScheduleScope = useMemo(() => {
    if (scopeChoice.startsWith('class:')) return { kind: 'class', assetClass: scopeChoice.slice(6) as AssetClass };
    if (scopeChoice.startsWith('lot:')) return { kind: 'lot', lotId: scopeChoice.slice(4) };
    return { kind: 'fleet' };
  }, [scopeChoice]);
  const state = useValue(scope);
  const value = state.value;
  const money = currencyFormat(currency);
  const fmt = (cents: number | null | undefined) => (cents === null || cents === undefined ? '' : money.format(cents / 100));

  const data = useMemo<ChartPoint[]>(() => {
    if (!value) return [];
    const out: ChartPoint[] = [];
    for (let i = 0; i < value.economicValue.length; i++) {
      out.push({
        month: monthDate(value.startMonth + i),
        economic: value.economicValue[i] / 100,
        book: value.bookNbv ? value.bookNbv[i] / 100 : undefined,
        gap: value.gap ? value.gap[i] / 100 : undefined,
      });
    }
    return out;
  }, [value]);

  const options = useMemo<AgCartesianChartOptions>(
    () => ({
      data,
      theme: window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'ag-default-dark' : 'ag-default',
      background: { visible: false },
      series: [
        { type: 'line', xKey: 'month', yKey: 'book', yName: 'Book NBV', marker: { enabled: false }, strokeWidth: 2 },
        { type: 'line', xKey: 'month', yKey: 'economic', yName: 'Economic value', marker: { enabled: false }, strokeWidth: 2 },
        { type: 'line', xKey: 'month', yKey: 'gap', yName: 'Gap (book − economic)', marker: { enabled: false }, strokeWidth: 1, lineDash: [4, 4] },
      ],
      axes: {
        x: { type: 'time', position: 'bottom' },
        y: { type: 'number', position: 'left', label: { formatter: ({ value: v }: { value: number }) => money.format(v) } },
      },
      legend: { position: 'bottom' },
    }),
    [data, money],
  );

  const columns = useMemo<ColDef<ValueLotRow>[]>(
    () => [
      { field: 'lotId', headerName: 'Lot ID', pinned: 'left', width: 120 },
      { field: 'assetClass', headerName: 'Class', width: 80 },
      { field: 'model', headerName: 'Model', width: 160 },
      { field: 'bookNbvAtAsOf', headerName: 'Book NBV', type: 'rightAligned', valueFormatter: (p) => fmt(p.value) },
      { field: 'economicValueAtAsOf', headerName: 'Economic value', type: 'rightAligned', valueFormatter: (p) => (p.data?.modelled ? fmt(p.value) : '') },
      {
        headerName: 'Gap',
        type: 'rightAligned',
        valueGetter: (p) => (p.data?.modelled && p.data.bookNbvAtAsOf !== null ? p.data.bookNbvAtAsOf - p.data.economicValueAtAsOf : null),
        valueFormatter: (p) => fmt(p.value),
      },
      { field: 'economicLifeMonths', headerName: 'Economic life', type: 'rightAligned', valueFormatter: (p) => (p.data?.modelled ? years(p.value) : '') },
      { field: 'impliedLifeMonths', headerName: 'Implied life', type: 'rightAligned', valueFormatter: (p) => (p.data?.modelled ? years(p.value) : '') },
      {
        headerName: 'Impairment flags',
        width: 190,
        valueGetter: (p) => {
          const r = p.data;
          if (!r) return '';
          if (!r.modelled) return r.issue ?? 'not modelled';
          const flags = [r.recoverabilityImpaired ? 'US GAAP: not recoverable' : '', r.ifrsImpaired ? 'IFRS: below recoverable' : ''].filter(Boolean);
          return flags.join('; ') || 'none';
        },
        cellClass: (p) => (typeof p.value === 'string' && p.value.includes(':') ? 'fb-error' : undefined),
      },
    ],
    [money],
  );

  return (
    <section className="fb-value" aria-label="Book vs economic value" data-testid="value-view">
      <div className="fb-sched-controls" role="toolbar" aria-label="Value options">
        <label className="fb-field">
          <span>Show</span>
          <select value={scopeChoice} onChange={(e) => setScopeChoice(e.target.value)} aria-label="Show" data-testid="value-scope">
            <option value="fleet">Fleet</option>
            {classes.map((c) => (
              <option key={c} value={`class:${c}`}>
                Class: {c}
              </option>
            ))}
            {engineFleet.lots.slice(0, 500).map((l) => (
              <option key={l.id} value={`lot:${l.id}`}>
                Lot: {l.id}
              </option>
            ))}
          </select>
        </label>
        <span className="fb-sched-status" role="status">
          {state.status === 'computing' && (
            <>
              <span className="fb-muted">Computing…</span>
              <button type="button" onClick={state.cancel}>
                Cancel
              </button>
            </>
          )}
          {state.status === 'error' && <span className="fb-error">{state.error}</span>}
          {state.status === 'cancelled' && (
            <button type="button" onClick={state.retry}>
              Compute again
            </button>
          )}
          {value && state.status === 'ready' && (
            <span data-testid="value-summary">
              As of {monthLabel(value.asOfMonth)}: {value.recoverabilityImpairedLots} lot(s) fail the US GAAP recoverability test, {value.ifrsImpairedLots} lot(s) are below their IFRS
              recoverable amount{value.unmodelledLots ? `; ${value.unmodelledLots} lot(s) have no market model` : ''}.
            </span>
          )}
        </span>
      </div>
      {/* The plotted book line as data too (first 36 months, dollars): the canvas is not readable by tests or screen readers. */}
      <div className="fb-value-chart" data-testid="value-chart" data-book-nbv={data.slice(0, 36).map((p) => p.book ?? '').join(',')}>
        <AgCharts options={options} />
      </div>
      <div className="fb-value-table">
        <AgGridReact<ValueLotRow> theme={gridTheme} rowData={value?.lots ?? []} columnDefs={columns} getRowId={(p) => p.data.lotId} defaultColDef={{ sortable: true, resizable: true, filter: true, width: 140 }} />
      </div>
    </section>
  );
}
