'use client';

import { useMemo } from 'react';
import { formatCount } from '../common/format';
import { TimeSeriesChart } from './time-series-chart';

const formatRate = (value: number) => formatCount(value);

/** Records/s over time. Client-only: load it through `next/dynamic` with `ssr: false`. */
export function ThroughputChart({ points }: { points: [number, number][] }) {
  const series = useMemo(() => [{ name: 'Records/s', color: '#0e7490', points, area: true }], [points]);
  return <TimeSeriesChart series={series} format={formatRate} />;
}
