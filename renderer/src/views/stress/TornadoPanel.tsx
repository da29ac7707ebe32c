import { AgCharts } from 'ag-charts-react';
import type { AgCartesianChartOptions } from 'ag-charts-community';
import { useMemo } from 'react';
import { TORNADO_OUTPUTS, type TornadoBar, type TornadoOutput } from '../../../../shared/engine/stress';
import { useStress } from '../../engine/useStress';
import { formatNumber } from '../../format';
import { useChartTheme, type Money } from './display';
import { QueryStatus } from './QueryStatus';
import { useStressOptions } from './stressOptions';

const OUTPUT_LABEL: Record<TornadoOutput, string> = {
  economicValue: 'Fleet economic value',
  gap: 'Gap (book − economic)',
  impairment: 'US GAAP write-down',
  depreciation: 'Book depreciation of a fiscal year',
};

/** Bars drawn at most; the rest (smaller swings) are in the table below the chart. */
const MAX_BARS = 14;

interface BarDatum {
  driver: string;
  low: number;
  high: number;
}

function inputText(b: TornadoBar, value: number): string {
  const v = formatNumber(value, 4);
  return b.unit.startsWith('%') ? `${v}${b.unit}` : b.unit ? `${v} ${b.unit}` : v;
}

/** One output's one-way sensitivity under the chosen scenario: each driver at its low and high input, sorted by swing. */
export function TornadoPanel({ scenario, money }: { scenario: string; money: Money }) {
  const output = useStressOptions((s) => s.output);
  const fiscalYear = useStressOptions((s) => s.fiscalYear);
  const setOptions = useStressOptions((s) => s.set);
  const query = useMemo(
    () => ({ kind: 'tornado' as const, scenario, output, ...(output === 'depreciation' && fiscalYear ? { fiscalYear } : {}) }),
    [scenario, output, fiscalYear],
  );
  const state = useStress<'tornado'>(query);
  const theme = useChartTheme();
  const t = state.result?.tornado;
  const moving = useMemo(() => (t ? t.bars.filter((b) => b.swing > 0) : []), [t]);
  const shown = moving.slice(0, MAX_BARS);

  const options = useMemo<AgCartesianChartOptions>(() => {
    const base = t?.base ?? 0;
    const data: BarDatum[] = shown.map((b) => ({ driver: b.label, low: (b.atLow - base) / 100, high: (b.atHigh - base) / 100 }));
    return {
      data,
      theme,
      background: { visible: false },
      padding: { top: 8, right: 16, bottom: 8, left: 8 },
      series: [
        { type: 'bar', direction: 'horizontal', xKey: 'driver', yKey: 'low', yName: 'Driver at its low input', fill: '#4c8dff', stroke: '#4c8dff' },
        { type: 'bar', direction: 'horizontal', xKey: 'driver', yKey: 'high', yName: 'Driver at its high input', fill: '#f0883e', stroke: '#f0883e' },
      ],
      axes: {
        x: { type: 'category', position: 'left' },
        y: {
          type: 'number',
          position: 'bottom',
          title: { text: `Change against the ${scenario} figure of ${money.short(base / 100)}` },
          label: { formatter: ({ value }: { value: number }) => money.signedShort(value) },
        },
      },
      legend: { position: 'bottom' },
    };
  }, [shown, t, theme, money, scenario]);

  const years = state.result?.fiscalYears ?? [];
  const year = fiscalYear ?? state.result?.asOfFiscalYear ?? '';
  const still = t ? t.bars.length - moving.length : 0;

  return (
    <section className="fb-stress-card" aria-labelledby="stress-tornado-h">
      <h2 id="stress-tornado-h">Tornado</h2>
      <div className="fb-sched-controls" role="toolbar" aria-label="Tornado options">
        <label className="fb-field">
          <span>Output</span>
          <select value={output} onChange={(e) => setOptions({ output: e.target.value as TornadoOutput })} data-testid="tornado-output">
            {TORNADO_OUTPUTS.map((o) => (
              <option key={o} value={o}>
                {OUTPUT_LABEL[o]}
              </option>
            ))}
          </select>
        </label>
        {output === 'depreciation' && years.length > 0 && (
          <label className="fb-field">
            <span>Fiscal year</span>
            <select value={year} onChange={(e) => setOptions({ fiscalYear: e.target.value })}>
              {years.map((fy) => (
                <option key={fy} value={fy}>
                  {fy}
                  {fy === state.result?.asOfFiscalYear ? ' (as of)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {t && <span className="fb-muted">{scenario}: {money.cents(t.base)}</span>}
      </div>
      <QueryStatus state={state} what="tornado" />
      {t && shown.length === 0 && <p className="fb-muted">No driver moves this output{output === 'depreciation' ? ` in ${year}` : ''}.</p>}
      {t && shown.length > 0 && (
        <div
          className="fb-stress-chart"
          style={{ height: `${Math.max(220, 80 + shown.length * 34)}px` }}
          data-testid="tornado-chart"
          data-bars={shown.map((b) => b.label).join('|')}
          role="img"
          aria-label={`Tornado of ${OUTPUT_LABEL[output]}: ${shown.map((b) => `${b.label} swings ${money.cents(b.swing)}`).join('; ')}`}
        >
          <AgCharts options={options} />
        </div>
      )}
      {t && t.bars.length > 0 && (
        <details className="fb-stress-details">
          <summary>
            Every driver ({t.bars.length}){still > 0 ? `, ${still} with no effect on this output` : ''}
          </summary>
          <div className="fb-stress-scroll">
            <table className="fb-stress-table" data-testid="tornado-table">
              <thead>
                <tr>
                  <th scope="col">Driver</th>
                  <th scope="col">Low input</th>
                  <th scope="col">High input</th>
                  <th scope="col">At low</th>
                  <th scope="col">At high</th>
                  <th scope="col">Swing</th>
                </tr>
              </thead>
              <tbody>
                {t.bars.map((b) => (
                  <tr key={b.key}>
                    <th scope="row" title={b.source}>
                      {b.label}
                    </th>
                    <td>{inputText(b, b.lowInput)}</td>
                    <td>{inputText(b, b.highInput)}</td>
                    <td>{money.cents(b.atLow)}</td>
                    <td>{money.cents(b.atHigh)}</td>
                    <td>{money.cents(b.swing)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
