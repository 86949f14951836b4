'use client';

import { sourceRecordsPerSecond, type Deployment } from '@weir/contracts';
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { formatCount } from '../common/format';
import type { MetricsStream } from '../monitoring/use-metrics-stream';
import { VertexTable } from '../monitoring/vertex-table';
import { useT } from '../i18n/i18n-provider';
import { DeploymentFacts } from './deployment-facts';

const ThroughputChart = dynamic(() => import('../monitoring/throughput-chart').then((m) => m.ThroughputChart), { ssr: false });

/** The job page's first tab: records/s, the deployment's facts and the vertices. */
export function JobOverview({ deployment, deploymentId, metrics }: { deployment: Deployment | null; deploymentId: string | null; metrics: MetricsStream }) {
  const points = useMemo(() => metrics.samples.map((s): [number, number] => [s.ts, sourceRecordsPerSecond(s)]), [metrics.samples]);
  const latest = metrics.samples.at(-1);
  const t = useT();
  return (
    <>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[1fr_320px]">
        <section className="rounded border border-zinc-200 bg-white">
          <header className="flex items-baseline gap-3 border-b border-zinc-100 px-4 py-2">
            <h2 className="text-sm font-semibold text-zinc-800">{t('jobs.overview.recordsPerSecond')}</h2>
            <span data-testid="records-per-second" className="font-mono text-2xl font-semibold text-zinc-900">
              {latest ? formatCount(sourceRecordsPerSecond(latest)) : '—'}
            </span>
            <span className="ml-auto flex items-center gap-1.5 text-xs text-zinc-500">
              <span className={`size-1.5 rounded-full ${metrics.connected ? 'bg-emerald-500' : 'bg-zinc-300'}`} />
              {metrics.connected ? t('jobs.overview.live') : t('jobs.overview.notStreaming')}
            </span>
          </header>
          <div className="h-64 px-2 py-1">
            {points.length > 0 ? (
              <ThroughputChart points={points} />
            ) : (
              <div className="flex h-full items-center justify-center text-sm text-zinc-400">
                {deploymentId ? t('jobs.overview.waiting') : t('jobs.overview.deployFirst')}
              </div>
            )}
          </div>
        </section>
        <DeploymentFacts deployment={deployment} />
      </div>
      <section className="overflow-hidden rounded border border-zinc-200 bg-white">
        <header className="border-b border-zinc-100 px-4 py-2 text-sm font-semibold text-zinc-800">{t('jobs.overview.vertices')}</header>
        <VertexTable sample={latest} />
      </section>
    </>
  );
}
