import { AgCharts } from 'ag-charts-react';
import type { AgCartesianChartOptions, AgCartesianSeriesOptions } from 'ag-charts-community';
import { useMemo } from 'react';
import type { MonteCarloResult } from '../../../../shared/engine/stress';
import { monthDate, useChartTheme, type Money } from './display';

export type FanMeasure = 'economicValue' | 'gap';

interface FanPoint {
  month: Date;
  /** Units (dollars). The band is drawn as p5 plus a stacked (p95 - p5) on top of it. */
  p5: number;
  width: number;
  p50: number;
  p95: number;
  extra?: number;
  book?: number;
}

/**
 * Monte Carlo fan of fleet economic value or gap over the months: the P5-P95 band, the median,
 * and for the value the deterministic path and the book NBV. The band is two stacked areas (the
 * first invisible), since AG Charts' range-area series is an Enterprise feature.
 */
export function FanChart({ result, measure, money }: { result: MonteCarloResult; measure: FanMeasure; money: Money }) {
  const theme = useChartTheme();
  const data = useMemo<FanPoint[]>(() => {
    const band = measure === 'gap' ? result.gap : result.economicValue;
    const out: FanPoint[] = [];
    for (let j = 0; j < result.length; j++) {
      const p5 = band.p5[j] / 100;
      const p95 = band.p95[j] / 100;
      out.push({
        month: monthDate(result.startMonth + j),
        p5,
        width: p95 - p5,
        p50: band.p50[j] / 100,
        p95,
        ...(measure === 'economicValue' ? { extra: result.deterministicEconomicValue[j] / 100, book: result.bookNbv[j] / 100 } : {}),
      });
    }
    return out;
  }, [result, measure]);

  const options = useMemo<AgCartesianChartOptions>(() => {
    const name = measure === 'gap' ? 'Gap' : 'Economic value';
    const series: AgCartesianSeriesOptions[] = [
      { type: 'area', xKey: 'month', yKey: 'p5', stacked: true, fillOpacity: 0, strokeWidth: 0, showInLegend: false, tooltip: { enabled: false } },
      { type: 'area', xKey: 'month', yKey: 'width', yName: `${name} P5 to P95`, stacked: true, fill: '#4c8dff', fillOpacity: 0.25, strokeWidth: 0, tooltip: { enabled: false } },
      { type: 'line', xKey: 'month', yKey: 'p95', yName: `${name} P95`, stroke: '#4c8dff', strokeWidth: 1, lineDash: [3, 3], marker: { enabled: false }, showInLegend: false },
      { type: 'line', xKey: 'month', yKey: 'p50', yName: `${name} P50`, stroke: '#1f6feb', strokeWidth: 2, marker: { enabled: false } },
      { type: 'line', xKey: 'month', yKey: 'p5', yName: `${name} P5`, stroke: '#4c8dff', strokeWidth: 1, lineDash: [3, 3], marker: { enabled: false }, showInLegend: false },
    ];
    if (measure === 'economicValue') {
      series.push(
        { type: 'line', xKey: 'month', yKey: 'extra', yName: 'Deterministic path', stroke: '#8a63d2', strokeWidth: 1.5, lineDash: [6, 4], marker: { enabled: false } },
        { type: 'line', xKey: 'month', yKey: 'book', yName: 'Book NBV (lots valued)', stroke: '#f0883e', strokeWidth: 2, marker: { enabled: false } },
      );
    }
    return {
      data,
      theme,
      background: { visible: false },
      series,
      axes: {
        x: { type: 'time', position: 'bottom' },
        y: { type: 'number', position: 'left', label: { formatter: ({ value }: { value: number }) => money.short(value) } },
      },
      legend: { position: 'bottom' },
    };
  }, [data, theme, money, measure]);

  return <AgCharts options={options} />;
}
