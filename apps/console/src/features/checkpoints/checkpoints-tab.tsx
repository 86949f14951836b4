'use client';

import type { Deployment } from '@weir/contracts';
import { useMemo } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { ErrorBanner } from '../common/error-banner';
import { formatBytes, formatCount, formatDuration } from '../common/format';
import { useT } from '../i18n/i18n-provider';
import { CheckpointCharts } from './checkpoint-charts';
import { checkpointSeries } from './checkpoint-series';
import { CheckpointTable } from './checkpoint-table';

const CHECKPOINTS_POLL_MS = 2000;
const STAT_IDS = {
  checkpointing: 'checkpoints.stats.checkpointing',
  completed: 'checkpoints.stats.completed',
  failed: 'checkpoints.stats.failed',
  latest: 'checkpoints.stats.latest',
  retained: 'checkpoints.stats.retained',
} as const;

/** The CheckPoints tab: what checkpointing is in force, charts of duration and size, the list. */
export function CheckpointsTab({ deployment, refreshKey }: { deployment: Deployment; refreshKey: number }) {
  const checkpoints = useApiResource(
    `checkpoints:${deployment.id}:${refreshKey}`,
    (signal) => apiClient.listCheckpoints(deployment.id, signal),
    CHECKPOINTS_POLL_MS,
  );
  const items = useMemo(() => checkpoints.data?.items ?? [], [checkpoints.data]);
  const series = useMemo(() => checkpointSeries(items), [items]);
  const settings = deployment.checkpointing;
  const t = useT();
  const completed = items.filter((c) => c.status !== 'FAILED');
  const latest = completed[0];
  const stats: [keyof typeof STAT_IDS, string][] = [
    ['checkpointing', settings.enabled ? `${t('checkpoints.every', { interval: formatDuration(settings.intervalMs), mode: settings.mode })}${settings.incremental ? t('checkpoints.incremental') : ''}` : t('checkpoints.off')],
    ['completed', formatCount(completed.length)],
    ['failed', formatCount(items.length - completed.length)],
    ['latest', latest ? `#${latest.checkpointId} · ${latest.durationMs === null ? '—' : formatDuration(latest.durationMs)} · ${latest.fullSizeBytes === null ? '—' : formatBytes(latest.fullSizeBytes)}` : '—'],
    ['retained', formatCount(settings.numRetained)],
  ];
  return (
    <div className="flex flex-col gap-4" data-testid="checkpoints-tab">
      <ErrorBanner error={checkpoints.error} />
      <dl className="grid grid-cols-2 gap-px overflow-hidden rounded border border-zinc-200 bg-zinc-200 text-sm md:grid-cols-5">
        {stats.map(([id, value]) => (
          <div key={id} className="bg-white px-4 py-2">
            <dt className="text-[11px] font-semibold uppercase tracking-wider text-zinc-500">{t(STAT_IDS[id])}</dt>
            <dd className="truncate text-zinc-900" data-testid={`checkpoint-stat-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <CheckpointCharts series={series} />
      <section className="overflow-hidden rounded border border-zinc-200 bg-white">
        <header className="border-b border-zinc-100 px-4 py-2 text-sm font-semibold text-zinc-800">{t('checkpoints.listTitle')}</header>
        {checkpoints.loading && !checkpoints.data ? <p className="px-4 py-6 text-center text-sm text-zinc-400">{t('common.loading')}</p> : <CheckpointTable items={items} />}
      </section>
    </div>
  );
}
