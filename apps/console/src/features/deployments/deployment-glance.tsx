import type { Deployment } from '@weir/contracts';
import { checkpointFreshness } from '../checkpoints/checkpoint-series';
import { formatDuration } from '../common/format';
import { useT } from '../i18n/i18n-provider';

const FRESHNESS_STYLE = {
  off: 'text-zinc-500 ring-zinc-200',
  idle: 'text-zinc-500 ring-zinc-200',
  none: 'text-zinc-600 ring-zinc-200',
  fresh: 'text-emerald-800 ring-emerald-200',
  late: 'text-red-800 ring-red-300 bg-red-50',
} as const;

/** The attempt number and the age of the newest completed checkpoint, beside the status badge. */
export function DeploymentGlance({ deployment }: { deployment: Deployment }) {
  const t = useT();
  const freshness = checkpointFreshness(deployment.lastCheckpointAgeMs, deployment.checkpointing, deployment.status === 'RUNNING');
  const age = deployment.lastCheckpointAgeMs;
  const label = freshness === 'off' ? t('jobs.glance.checkpointsOff') : age === null ? t('jobs.glance.noCheckpoint') : t('jobs.glance.checkpointAgo', { age: formatDuration(age) });
  const restarted = deployment.attempt > 1;
  return (
    <span className="flex items-center gap-1.5 text-[11px] font-medium">
      <span
        data-testid="attempt"
        title={restarted ? t('jobs.glance.failovers', { count: deployment.attempt - 1 }) : t('jobs.glance.noFailover')}
        className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${restarted ? 'bg-orange-50 text-orange-800 ring-orange-200' : 'text-zinc-600 ring-zinc-200'}`}
      >
        {t('jobs.glance.attempt', { attempt: deployment.attempt })}
      </span>
      <span data-testid="last-checkpoint" data-freshness={freshness} title={t('jobs.glance.every', { interval: formatDuration(deployment.checkpointing.intervalMs) })} className={`rounded px-1.5 py-0.5 ring-1 ring-inset ${FRESHNESS_STYLE[freshness]}`}>
        {label}
      </span>
    </span>
  );
}
