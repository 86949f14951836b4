'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { formatBytes, formatDuration } from '../common/format';
import { byteAxis, type CheckpointSeries } from './checkpoint-series';
import { useT } from '../i18n/i18n-provider';

const TimeSeriesChart = dynamic(() => import('../monitoring/time-series-chart').then((m) => m.TimeSeriesChart), { ssr: false });

/** Duration and size of each checkpoint over time, side by side. */
export function CheckpointCharts({ series }: { series: CheckpointSeries }) {
  const t = useT();
  const duration = useMemo(() => [{ name: t('checkpoints.chart.duration'), color: '#0e7490', points: series.durationMs, area: true, symbols: true }], [series, t]);
  // Full checkpoints write their full size: one line then, else the full state beside what was written.
  const size = useMemo(
    () =>
      series.incremental
        ? [
            { name: t('checkpoints.chart.fullState'), color: '#4f46e5', points: series.fullSizeBytes, symbols: true },
            { name: t('checkpoints.chart.written'), color: '#059669', points: series.incrementalSizeBytes, symbols: true },
          ]
        : [{ name: t('checkpoints.chart.size'), color: '#4f46e5', points: series.fullSizeBytes, area: true, symbols: true }],
    [series, t],
  );
  const sizeAxis = useMemo(() => byteAxis(Math.max(0, ...series.fullSizeBytes.map(([, v]) => v), ...series.incrementalSizeBytes.map(([, v]) => v))), [series]);
  const empty = series.durationMs.length === 0;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartPanel title={t('checkpoints.chart.duration')} empty={empty} note={series.failedAt.length > 0 ? t('checkpoints.chart.failedNotCharted', { count: series.failedAt.length }) : undefined}>
        <TimeSeriesChart testId="checkpoint-duration-chart" series={duration} format={formatDuration} />
      </ChartPanel>
      <ChartPanel title={t('checkpoints.chart.size')} empty={empty}>
        <TimeSeriesChart testId="checkpoint-size-chart" series={size} format={formatBytes} yAxis={sizeAxis} />
      </ChartPanel>
    </div>
  );
}

function ChartPanel({ title, empty, note, children }: { title: string; empty: boolean; note?: string; children: React.ReactNode }) {
  const t = useT();
  return (
    <section className="rounded border border-zinc-200 bg-white">
      <header className="flex items-baseline gap-2 border-b border-zinc-100 px-4 py-2">
        <h3 className="text-sm font-semibold text-zinc-800">{title}</h3>
        {note && <span className="ml-auto text-xs text-red-700">{note}</span>}
      </header>
      <div className="h-52 px-2 py-1">
        {empty ? <div className="flex h-full items-center justify-center text-sm text-zinc-400">{t('checkpoints.chart.empty')}</div> : children}
      </div>
    </section>
  );
}
