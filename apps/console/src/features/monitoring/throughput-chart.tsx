'use client';

import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import { formatCount } from '../common/format';

// Only what a line chart needs, so the page does not ship all of ECharts.
echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Records/s over time. Client-only: load it through `next/dynamic` with `ssr: false`. */
export function ThroughputChart({ points }: { points: [number, number][] }) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 56, right: 16, top: 16, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' ? `${formatCount(value)} rec/s` : String(value)),
      },
      xAxis: { type: 'time', axisLabel: { color: '#71717a', fontSize: 11 }, axisLine: { lineStyle: { color: '#d4d4d8' } } },
      yAxis: {
        type: 'value',
        min: 0,
        axisLabel: { color: '#71717a', fontSize: 11, formatter: (value: number) => formatCount(value) },
        splitLine: { lineStyle: { color: '#f4f4f5' } },
      },
      series: [
        {
          name: 'Records/s',
          type: 'line',
          showSymbol: false,
          smooth: false,
          lineStyle: { width: 1.5, color: '#0e7490' },
          areaStyle: { color: 'rgba(14,116,144,0.08)' },
          data: points,
        },
      ],
    }),
    [points],
  );
  return <ReactEChartsCore echarts={echarts} option={option} notMerge={false} lazyUpdate style={{ height: '100%', width: '100%' }} />;
}
