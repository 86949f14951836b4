import type { ReactNode } from 'react';
import type { Deployment } from '@weir/contracts';
import { formatDuration, formatRelativeTime, formatTimestamp } from '../common/format';

/** The facts an operator checks first: what runs, where, since when, and why it ended. */
export function DeploymentFacts({ deployment }: { deployment: Deployment | null }) {
  if (!deployment) {
    return (
      <section className="rounded border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-400">
        Not deployed yet.
      </section>
    );
  }
  const run = deployment.currentRun;
  const rows: [string, ReactNode][] = [
    ['Deployment', <span className="font-mono text-xs" key="id">{deployment.id}</span>],
    ['Version', `v${deployment.version}`],
    ['Desired', deployment.desiredState],
    ['Parallelism', deployment.config.parallelism],
    ['Memory', `${deployment.config.memoryLimitMb} MB`],
    ['Checkpoint every', deployment.checkpointing.enabled ? formatDuration(deployment.checkpointing.intervalMs) : 'off'],
    ['Mode', deployment.checkpointing.mode],
    ['Last checkpoint', deployment.lastCheckpointAgeMs === null ? '—' : `${formatDuration(deployment.lastCheckpointAgeMs)} ago`],
    ['Restart', deployment.config.restartStrategy.kind],
    ['Created', <span title={formatTimestamp(deployment.createdAt)} key="c">{formatRelativeTime(deployment.createdAt)}</span>],
  ];
  if (run) {
    rows.push(['Attempt', run.attempt]);
    rows.push(['Restored', run.restoredCheckpointId === null ? 'nothing' : <span data-testid="restored-from" key="r">#{run.restoredCheckpointId}</span>]);
    rows.push(['Worker', <span className="font-mono text-xs" key="w">{run.workerId ?? '—'}</span>]);
    if (run.heartbeatAgeMs !== null) rows.push(['Heartbeat', `${formatDuration(run.heartbeatAgeMs)} ago`]);
    if (run.startedAt) rows.push(['Started', <span title={formatTimestamp(run.startedAt)} key="s">{formatRelativeTime(run.startedAt)}</span>]);
    if (run.endedAt) rows.push(['Ended', <span title={formatTimestamp(run.endedAt)} key="e">{run.endCause ?? 'ended'} · {formatRelativeTime(run.endedAt)}</span>]);
  }
  return (
    <section className="rounded border border-zinc-200 bg-white">
      <header className="border-b border-zinc-100 px-4 py-2 text-sm font-semibold text-zinc-800">Deployment</header>
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

