'use client';

import { useMemo } from 'react';
import { formatCount } from '../common/format';
import { useT } from '../i18n/i18n-provider';
import { TimeSeriesChart } from './time-series-chart';

const formatRate = (value: number) => formatCount(value);

/** Records/s over time. Client-only: load it through `next/dynamic` with `ssr: false`. */
export function ThroughputChart({ points }: { points: [number, number][] }) {
  const t = useT();
  const series = useMemo(() => [{ name: t('monitoring.recordsPerSecond'), color: '#0e7490', points, area: true }], [points, t]);
  return <TimeSeriesChart series={series} format={formatRate} />;
}
