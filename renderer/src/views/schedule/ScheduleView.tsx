import { useId, useMemo, useState, type ReactNode } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { ComputeStatus } from '../ComputeStatus';
import { moneyColumn } from '../../grid/moneyColumn';
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { AssetClass, Fleet } from '../../../../shared/domain/fleet';
import { ASSET_CLASSES } from '../../../../shared/domain/fleet';
import type { PeriodKind, PeriodRow } from '../../../../shared/engine/book/types';
import { gridTheme } from '../../grid/setup';
import { useBookSchedule } from '../../engine/useBookSchedule';
import type { ScheduleScope } from '../../engine/protocol';
import { useDocumentStore } from '../../store/documentStore';
import { selectEngineInput } from '../../store/selectors';
import { checkRollforward, checkRow, scheduleTotals, type TieCheck } from './rollforward';
import { DeferredTaxPanel } from './DeferredTaxPanel';
import './schedule.css';

type ScheduleRow = PeriodRow & { check: TieCheck };
type Amount = Exclude<keyof PeriodRow, 'period' | 'firstMonth' | 'lastMonth'>;
/** The book, the tax book, or deferred tax (the two set against each other). */
type BookChoice = 'book' | 'tax' | 'deferred';

const PERIODS: { id: PeriodKind; label: string }[] = [
  { id: 'month', label: 'Month' },
  { id: 'quarter', label: 'Quarter' },
  { id: 'year', label: 'Fiscal year' },
];

const MAIN_COLUMNS: [Amount, string][] = [
  ['openingNbv', 'Opening NBV'],
  ['additions', 'Additions'],
  ['depreciation', 'Depreciation'],
  ['impairment', 'Impairment'],
  ['disposals', 'Disposals'],
  ['closingNbv', 'Closing NBV'],
  ['closingAccum', 'Accumulated depreciation'],
];

/** The full rollforward of cost and accumulated depreciation, on request. */
const DETAIL_COLUMNS: [Amount, string][] = [
  ['openingCost', 'Opening cost'],
  ['disposedCost', 'Cost disposed'],
  ['closingCost', 'Closing cost'],
  ['openingAccum', 'Opening accumulated'],
  ['disposedAccum', 'Accumulated disposed'],
  ['proceeds', 'Proceeds'],
  ['gainLoss', 'Gain (loss)'],
];

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LOT_SUGGESTIONS = 200;
const getRowId = (p: GetRowIdParams<ScheduleRow>) => p.data.period;

function columnDefs(currency: string, detail: boolean): ColDef<ScheduleRow>[] {
  const money = ([field, headerName]: [Amount, string]): ColDef<ScheduleRow> => ({
    ...moneyColumn<ScheduleRow>(field, headerName, currency),
    headerTooltip: headerName,
    width: headerName.length > 16 ? 230 : 150,
  });
  return [
    { colId: 'period', field: 'period', headerName: 'Period', pinned: 'left', width: 120, cellDataType: false },
    ...MAIN_COLUMNS.map(money),
    ...(detail ? DETAIL_COLUMNS.map(money) : []),
    {
      colId: 'check',
      headerName: 'Rollforward',
      headerTooltip: 'Cost and accumulated depreciation roll from opening to closing, to the cent',
      cellDataType: false,
      valueGetter: (p) => (p.data ? (p.data.check.ok ? 'Ties' : 'Does not tie') : ''),
      tooltipValueGetter: (p) => (p.data && !p.data.check.ok ? p.data.check.issues.join('; ') : undefined),
      cellClassRules: { 'fb-tie-ok': (p) => !!p.data?.check.ok, 'fb-tie-bad': (p) => !!p.data && !p.data.check.ok },
      width: 130,
    },
  ];
}

const defaultColDef: ColDef<ScheduleRow> = { sortable: false, resizable: true, editable: false, suppressMovable: true };

function presentClasses(fleet: Fleet): AssetClass[] {
  const seen = new Set<AssetClass>();
  for (const lot of fleet.lots) seen.add(lot.assetClass);
  return ASSET_CLASSES.filter((c) => seen.has(c));
}

/**
 * The book or tax depreciation schedule with its rollforward, or the deferred tax between them, by
 * month, fiscal quarter or fiscal year, for the fleet, one class or one lot. Computed in the engine
 * worker from the valid lots.
 */
export function ScheduleView() {
  const currency = useDocumentStore((s) => s.fleet.assumptions.currency);
  const fyStart = useDocumentStore((s) => s.fleet.assumptions.fiscalYearStartMonth);
  const engineInput = useDocumentStore(selectEngineInput);
  const engineFleet = engineInput.fleet;
  const [book, setBook] = useState<BookChoice>('book');
  const [period, setPeriod] = useState<PeriodKind>('year');
  const [scopeChoice, setScopeChoice] = useState<string>('fleet');
  const [lotText, setLotText] = useState('');
  const [detail, setDetail] = useState(false);
  const lotListId = useId();

  const classes = useMemo(() => presentClasses(engineFleet), [engineFleet]);
  const firstLotId = engineFleet.lots[0]?.id ?? '';
  const lotId = lotText.trim() || firstLotId;
  const scope: ScheduleScope = useMemo(() => {
    if (scopeChoice === 'lot') return { kind: 'lot', lotId };
    if (scopeChoice.startsWith('class:')) return { kind: 'class', assetClass: scopeChoice.slice(6) as AssetClass };
    return { kind: 'fleet' };
  }, [scopeChoice, lotId]);

  const suggestions = useMemo(() => {
    if (scopeChoice !== 'lot') return [];
    const q = lotText.trim().toLowerCase();
    const out: string[] = [];
    for (const lot of engineFleet.lots) {
      if (q === '' || lot.id.toLowerCase().includes(q)) out.push(lot.id);
      if (out.length >= LOT_SUGGESTIONS) break;
    }
    return out;
  }, [engineFleet, lotText, scopeChoice]);

  const notes = <ScheduleNotes period={period} fyStart={fyStart} excludedLots={engineInput.excludedLots} />;

  return (
    <section className="fb-schedule" aria-label={book === 'tax' ? 'Tax schedule' : book === 'deferred' ? 'Deferred tax' : 'Book schedule'} data-testid="schedule-view">
      <div className="fb-sched-controls" role="toolbar" aria-label="Schedule options">
        <div className="fb-seg" role="group" aria-label="Book">
          <button type="button" aria-pressed={book === 'book'} className={book === 'book' ? 'active' : undefined} onClick={() => setBook('book')} data-testid="schedule-book">
            Book
          </button>
          <button
            type="button"
            aria-pressed={book === 'tax'}
            className={book === 'tax' ? 'active' : undefined}
            onClick={() => setBook('tax')}
            title="US federal tax book: MACRS with bonus and Section 179"
            data-testid="schedule-tax"
          >
            Tax (MACRS)
          </button>
          <button
            type="button"
            aria-pressed={book === 'deferred'}
            className={book === 'deferred' ? 'active' : undefined}
            onClick={() => setBook('deferred')}
            title="Deferred tax: (book NBV − tax NBV) × the tax rate in the Assumptions"
            data-testid="schedule-deferred"
          >
            Deferred tax
          </button>
        </div>
        <div className="fb-seg" role="radiogroup" aria-label="Period">
          {PERIODS.map((p) => (
            <button
              key={p.id}
              type="button"
              role="radio"
              aria-checked={period === p.id}
              className={period === p.id ? 'active' : undefined}
              onClick={() => setPeriod(p.id)}
              data-testid={`schedule-period-${p.id}`}
            >
              {p.label}
            </button>
          ))}
        </div>
        <label className="fb-field">
          <span>Roll up</span>
          <select value={scopeChoice} onChange={(e) => setScopeChoice(e.target.value)} aria-label="Roll up" data-testid="schedule-scope">
            <option value="fleet">Fleet</option>
            {classes.map((c) => (
              <option key={c} value={`class:${c}`}>
                Class: {c}
              </option>
            ))}
            <option value="lot">Per lot</option>
          </select>
        </label>
        {scopeChoice === 'lot' ? (
          <label className="fb-field">
            <span>Lot ID</span>
            <input
              type="search"
              list={lotListId}
              value={lotText}
              placeholder={firstLotId}
              onChange={(e) => setLotText(e.target.value)}
              aria-label="Lot ID"
              data-testid="schedule-lot"
            />
            <datalist id={lotListId}>
              {suggestions.map((id) => (
                <option key={id} value={id} />
              ))}
            </datalist>
          </label>
        ) : null}
        {book !== 'deferred' ? (
          <label className="fb-check">
            <input type="checkbox" checked={detail} onChange={(e) => setDetail(e.target.checked)} data-testid="schedule-detail" />
            Cost and accumulated detail
          </label>
        ) : null}
      </div>

      {book === 'deferred' ? (
        <DeferredTaxPanel period={period} scope={scope} currency={currency} notes={notes} />
      ) : (
        <BookSchedulePanel book={book} period={period} scope={scope} currency={currency} detail={detail} notes={notes} />
      )}
    </section>
  );
}

/** Where the figures come from: the fiscal calendar and the lots left out. Shown under every choice. */
function ScheduleNotes({ period, fyStart, excludedLots }: { period: PeriodKind; fyStart: number; excludedLots: number }) {
  return (
    <>
      {fyStart !== 1 && period !== 'month' ? (
        <span className="fb-muted">
          Fiscal year starts in {MONTH_NAMES[fyStart - 1]}; FY labels are the calendar year it ends in.
        </span>
      ) : null}
      {excludedLots > 0 ? (
        <span className="fb-warn" data-testid="schedule-excluded">
          {excludedLots} lot{excludedLots === 1 ? ' has' : 's have'} problems in the Fleet grid and {excludedLots === 1 ? 'is' : 'are'} left out until fixed.
        </span>
      ) : null}
    </>
  );
}

interface BookSchedulePanelProps {
  book: 'book' | 'tax';
  period: PeriodKind;
  scope: ScheduleScope;
  currency: string;
  detail: boolean;
  notes: ReactNode;
}

/** The book or tax schedule by period with its rollforward ties and a totals row. */
function BookSchedulePanel({ book, period, scope, currency, detail, notes }: BookSchedulePanelProps) {
  const schedule = useBookSchedule(period, scope, book);
  const rowData = useMemo<ScheduleRow[]>(() => {
    const checks = checkRollforward(schedule.rows);
    return schedule.rows.map((r, i) => ({ ...r, check: checks[i] }));
  }, [schedule.rows]);
  const pinned = useMemo<ScheduleRow[]>(() => {
    const t = scheduleTotals(schedule.rows);
    if (!t) return [];
    // The totals row ties too: first opening + flows = last closing.
    const flows = t.openingNbv + t.additions - t.depreciation - t.impairment - t.disposals - t.closingNbv;
    const check = checkRow(t);
    if (flows !== 0) check.issues.push(`NBV flows off by ${(flows / 100).toFixed(2)}`);
    return [{ ...t, check: { ok: check.issues.length === 0, issues: check.issues } }];
  }, [schedule.rows]);
  const cols = useMemo(() => columnDefs(currency, detail), [currency, detail]);
  const untied = rowData.filter((r) => !r.check.ok).length;

  return (
    <>

      <div className="fb-sched-status" data-testid="schedule-status">
        <ComputeStatus
          state={schedule}
          ready={
            <span role="status" className={untied ? 'fb-error' : 'fb-ok'} data-testid="schedule-ties">
              {schedule.rows.length === 0
                ? 'No lots to schedule.'
                : untied
                  ? `${untied} period${untied === 1 ? ' does' : 's do'} not tie: see the Rollforward column.`
                  : `Rollforward ties in all ${schedule.rows.length} periods.`}
            </span>
          }
        />
        {notes}
      </div>

      <div className="fb-sched-grid" data-testid="schedule-grid">
        <AgGridReact<ScheduleRow>
          theme={gridTheme}
          rowData={rowData}
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
