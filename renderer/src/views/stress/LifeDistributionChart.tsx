import { AgCharts } from 'ag-charts-react';
import type { AgCartesianChartOptions } from 'ag-charts-community';
import { useMemo } from 'react';
import { formatNumber } from '../../format';
import { useChartTheme } from './display';
import { lifeBuckets } from './lifeBuckets';

/** The distribution of economic life over lots and paths. */
export function LifeDistributionChart({ distribution }: { distribution: Float64Array }) {
  const theme = useChartTheme();
  const data = useMemo(() => lifeBuckets(distribution), [distribution]);
  const options = useMemo<AgCartesianChartOptions>(
    () => ({
      data,
      theme,
      background: { visible: false },
      title: { text: 'Economic life across lots and paths', fontSize: 13 },
      series: [{ type: 'bar', xKey: 'range', yKey: 'share', yName: 'Share of lots x paths', fill: '#4c8dff', stroke: '#4c8dff' }],
      axes: {
        x: { type: 'category', position: 'bottom', title: { text: 'Economic life (months)' } },
        y: { type: 'number', position: 'left', label: { formatter: ({ value }: { value: number }) => `${formatNumber(value, 0)}%` } },
      },
      legend: { enabled: false },
    }),
    [data, theme],
  );
  return <AgCharts options={options} />;
}
