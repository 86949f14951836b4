'use client';

import type { Deployment, Failover, FailureCause } from '@weir/contracts';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { ErrorBanner } from '../common/error-banner';
import { formatDuration, formatRelativeTime, formatTimestamp } from '../common/format';
import { TableHead, type Column } from '../shell/table-head';

const FAILOVERS_POLL_MS = 3000;

const COLUMNS: Column[] = [
  { label: 'Detected', className: 'w-40' },
  { label: 'Attempt', className: 'w-20 text-right' },
  { label: 'Cause', className: 'w-44' },
  { label: 'Message' },
  { label: 'Restored', className: 'w-28 text-right' },
  { label: 'Downtime', className: 'w-28 text-right' },
];

/** What each cause means to an operator, shown as the badge's title. */
const CAUSE_HINT: Record<FailureCause, string> = {
  WORKER_LOST: 'the worker stopped holding the run (killed, crashed host)',
  EXCEPTION: 'the job threw',
  OUT_OF_MEMORY: 'the run passed its memory limit',
  UNRESPONSIVE: 'the worker held the run but stopped beating',
  CHECKPOINT_FAILURE: 'checkpoint storage failed',
  FENCED: 'a newer attempt superseded the run',
};

/** The FailOver tab: every run that died against its will, why, and how long the job was down. */
export function FailoversTab({ deployment }: { deployment: Deployment }) {
  const failovers = useApiResource(`failovers:${deployment.id}`, (signal) => apiClient.listFailovers(deployment.id, signal), FAILOVERS_POLL_MS);
  const items = failovers.data?.items ?? [];
  return (
    <div className="flex flex-col gap-4" data-testid="failovers-tab">
      <ErrorBanner error={failovers.error} />
      {deployment.failureCause && (
        <p className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="deployment-failure">
          The restart strategy gave up: <span className="font-mono text-xs">{deployment.failureCause}</span> {deployment.failureMessage}
        </p>
      )}
      <section className="overflow-hidden rounded border border-zinc-200 bg-white">
        <header className="flex items-baseline gap-2 border-b border-zinc-100 px-4 py-2">
          <h3 className="text-sm font-semibold text-zinc-800">Failovers</h3>
          <span className="text-xs text-zinc-500">{failovers.data ? `${items.length} · current attempt ${deployment.attempt}` : ''}</span>
        </header>
        {failovers.loading && !failovers.data ? (
          <p className="px-4 py-6 text-center text-sm text-zinc-400">Loading…</p>
        ) : items.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-zinc-400">No failover: every run of this deployment ended as asked.</p>
        ) : (
          <FailoverTable items={items} />
        )}
      </section>
    </div>
  );
}

function FailoverTable({ items }: { items: Failover[] }) {
  return (
    <table className="w-full text-sm" data-testid="failover-table">
      <TableHead columns={COLUMNS} />
      {items.map((f) => (
        <tbody key={f.id} className="border-b border-zinc-100 align-top last:border-0" data-testid="failover-row">
          <tr>
            <td className="px-4 py-1.5 text-zinc-700" title={formatTimestamp(f.at)}>
              {formatRelativeTime(f.at)}
            </td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{f.attempt}</td>
            <td className="px-4 py-1.5">
              <span title={CAUSE_HINT[f.cause]} className="rounded bg-orange-50 px-1.5 py-0.5 font-mono text-[11px] font-semibold text-orange-800 ring-1 ring-inset ring-orange-200">
                {f.cause}
              </span>
            </td>
            <td className="px-4 py-1.5 text-zinc-800">
              {f.message ?? <span className="text-zinc-400">{CAUSE_HINT[f.cause]}</span>}
              {f.stack && (
                <details className="mt-1">
                  <summary className="cursor-pointer select-none text-xs text-zinc-500 hover:text-zinc-800">Stack</summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-50 p-2 font-mono text-[11px] leading-4 text-zinc-700">{f.stack}</pre>
                </details>
              )}
            </td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{f.restoredCheckpointId === null ? <span className="text-zinc-400">none</span> : `#${f.restoredCheckpointId}`}</td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">
              {f.downtimeMs !== null ? formatDuration(f.downtimeMs) : <span className="text-amber-700">{f.recoveredAt ? '—' : 'not recovered'}</span>}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
