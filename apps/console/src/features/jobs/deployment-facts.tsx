import type { ReactNode } from 'react';
import type { Deployment } from '@weir/contracts';
import { formatDuration, formatRelativeTime, formatTimestamp } from '../common/format';
import { useT } from '../i18n/i18n-provider';

/** The facts an operator checks first: what runs, where, since when, and why it ended. */
export function DeploymentFacts({ deployment }: { deployment: Deployment | null }) {
  const t = useT();
  if (!deployment) {
    return (
      <section className="rounded border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-400">
        {t('jobs.facts.notDeployed')}
      </section>
    );
  }
  const run = deployment.currentRun;
  const rows: [string, ReactNode][] = [
    [t('jobs.facts.deployment'), <span className="font-mono text-xs" key="id">{deployment.id}</span>],
    [t('jobs.facts.version'), `v${deployment.version}`],
    [t('jobs.facts.desired'), t(`common.status.${deployment.desiredState}`)],
    [t('jobs.facts.parallelism'), deployment.config.parallelism],
    [t('jobs.facts.memory'), t('jobs.facts.memoryMb', { mb: deployment.config.memoryLimitMb })],
    [t('jobs.facts.checkpointEvery'), deployment.checkpointing.enabled ? formatDuration(deployment.checkpointing.intervalMs) : t('jobs.facts.off')],
    [t('jobs.facts.mode'), deployment.checkpointing.mode],
    [t('jobs.facts.lastCheckpoint'), deployment.lastCheckpointAgeMs === null ? '—' : t('common.ago', { duration: formatDuration(deployment.lastCheckpointAgeMs) })],
    [t('jobs.facts.restart'), deployment.config.restartStrategy.kind],
    [t('jobs.facts.created'), <span title={formatTimestamp(deployment.createdAt)} key="c">{formatRelativeTime(deployment.createdAt)}</span>],
  ];
  if (run) {
    rows.push([t('jobs.facts.attempt'), run.attempt]);
    rows.push([t('jobs.facts.restored'), run.restoredCheckpointId === null ? t('jobs.facts.nothing') : <span data-testid="restored-from" key="r">#{run.restoredCheckpointId}</span>]);
    rows.push([t('jobs.facts.worker'), <span className="font-mono text-xs" key="w">{run.workerId ?? '—'}</span>]);
    if (run.heartbeatAgeMs !== null) rows.push([t('jobs.facts.heartbeat'), t('common.ago', { duration: formatDuration(run.heartbeatAgeMs) })]);
    if (run.startedAt) rows.push([t('jobs.facts.started'), <span title={formatTimestamp(run.startedAt)} key="s">{formatRelativeTime(run.startedAt)}</span>]);
    if (run.endedAt) rows.push([t('jobs.facts.ended'), <span title={formatTimestamp(run.endedAt)} key="e">{run.endCause ?? t('jobs.facts.endedCause')} · {formatRelativeTime(run.endedAt)}</span>]);
  }
  return (
    <section className="rounded border border-zinc-200 bg-white">
      <header className="border-b border-zinc-100 px-4 py-2 text-sm font-semibold text-zinc-800">{t('jobs.facts.title')}</header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 px-4 py-3 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="truncate text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
      {run?.error && (
        <p data-testid="run-error" className="mx-4 mb-3 rounded bg-red-50 px-2 py-1.5 font-mono text-xs text-red-800">
          {run.error}
        </p>
      )}
    </section>
  );
}

