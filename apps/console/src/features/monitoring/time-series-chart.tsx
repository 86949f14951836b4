'use client';

import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';

// Only what line charts need, so the page does not ship all of ECharts.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface TimeSeries {
  name: string;
  color: string;
  points: [number, number][];
  /** Fill under the line (a single series reads better filled). */
  area?: boolean;
  /** Draw each point: for sparse series such as one checkpoint every few seconds. */
  symbols?: boolean;
}

/** Lines over a time axis, values shown through `format`. Client-only: load it through `next/dynamic` with `ssr: false`. */
export function TimeSeriesChart({ series, format, testId, yAxis }: { series: TimeSeries[]; format: (value: number) => string; testId?: string; yAxis?: { interval: number; max: number } }) {
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 64, right: 16, top: series.length > 1 ? 28 : 16, bottom: 28 },
      legend: series.length > 1 ? { top: 0, right: 8, itemWidth: 14, itemHeight: 8, textStyle: { color: '#52525b', fontSize: 11 } } : undefined,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : String(value)),
      },
      xAxis: { type: 'time', axisLabel: { color: '#71717a', fontSize: 11 }, axisLine: { lineStyle: { color: '#d4d4d8' } } },
      yAxis: {
        type: 'value',
        min: 0,
        ...yAxis,
        axisLabel: { color: '#71717a', fontSize: 11, formatter: (value: number) => format(value) },
        splitLine: { lineStyle: { color: '#f4f4f5' } },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        showSymbol: s.symbols ?? false,
        symbolSize: 5,
        smooth: false,
        itemStyle: { color: s.color },
        lineStyle: { width: 1.5, color: s.color },
        areaStyle: s.area ? { color: s.color, opacity: 0.08 } : undefined,
        data: s.points,
      })),
    }),
    [series, format, yAxis],
  );
  return (
    <div data-testid={testId} className="h-full w-full">
      <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height: '100%', width: '100%' }} />
    </div>
  );
}
