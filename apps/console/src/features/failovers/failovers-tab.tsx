'use client';

import type { Deployment, Failover, FailureCause } from '@weir/contracts';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { ErrorBanner } from '../common/error-banner';
import { formatDuration, formatRelativeTime, formatTimestamp } from '../common/format';
import { TableHead, type Column } from '../shell/table-head';
import { useT } from '../i18n/i18n-provider';

const FAILOVERS_POLL_MS = 3000;


/** The FailOver tab: every run that died against its will, why, and how long the job was down. */
export function FailoversTab({ deployment }: { deployment: Deployment }) {
  const failovers = useApiResource(`failovers:${deployment.id}`, (signal) => apiClient.listFailovers(deployment.id, signal), FAILOVERS_POLL_MS);
  const items = failovers.data?.items ?? [];
  const t = useT();
  return (
    <div className="flex flex-col gap-4" data-testid="failovers-tab">
      <ErrorBanner error={failovers.error} />
      {deployment.failureCause && (
        <p className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="deployment-failure">
          {t.rich('failovers.gaveUp', { cause: <span className="font-mono text-xs">{deployment.failureCause}</span>, message: deployment.failureMessage })}
        </p>
      )}
      <section className="overflow-hidden rounded border border-zinc-200 bg-white">
        <header className="flex items-baseline gap-2 border-b border-zinc-100 px-4 py-2">
          <h3 className="text-sm font-semibold text-zinc-800">{t('failovers.title')}</h3>
          <span className="text-xs text-zinc-500">{failovers.data ? t('failovers.summary', { count: items.length, attempt: deployment.attempt }) : ''}</span>
        </header>
        {failovers.loading && !failovers.data ? (
          <p className="px-4 py-6 text-center text-sm text-zinc-400">{t('common.loading')}</p>
        ) : items.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-zinc-400">{t('failovers.empty')}</p>
        ) : (
          <FailoverTable items={items} />
        )}
      </section>
    </div>
  );
}

function FailoverTable({ items }: { items: Failover[] }) {
  const t = useT();
  const columns: Column[] = [
    { label: t('failovers.detected'), className: 'w-40' },
    { label: t('failovers.attempt'), className: 'w-20 text-right' },
    { label: t('failovers.cause'), className: 'w-44' },
    { label: t('failovers.message') },
    { label: t('failovers.restored'), className: 'w-28 text-right' },
    { label: t('failovers.downtime'), className: 'w-28 text-right' },
  ];
  // What each cause means to an operator, shown as the badge's title.
  const hint = (cause: FailureCause) => t(`failovers.causes.${cause}`);
  return (
    <table className="w-full text-sm" data-testid="failover-table">
      <TableHead columns={columns} />
      {items.map((f) => (
        <tbody key={f.id} className="border-b border-zinc-100 align-top last:border-0" data-testid="failover-row">
          <tr>
            <td className="px-4 py-1.5 text-zinc-700" title={formatTimestamp(f.at)}>
              {formatRelativeTime(f.at)}
            </td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{f.attempt}</td>
            <td className="px-4 py-1.5">
              <span title={hint(f.cause)} className="rounded bg-orange-50 px-1.5 py-0.5 font-mono text-[11px] font-semibold text-orange-800 ring-1 ring-inset ring-orange-200">
                {f.cause}
              </span>
            </td>
            <td className="px-4 py-1.5 text-zinc-800">
              {f.message ?? <span className="text-zinc-400">{hint(f.cause)}</span>}
              {f.stack && (
                <details className="mt-1">
                  <summary className="cursor-pointer select-none text-xs text-zinc-500 hover:text-zinc-800">{t('failovers.stack')}</summary>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-zinc-50 p-2 font-mono text-[11px] leading-4 text-zinc-700">{f.stack}</pre>
                </details>
              )}
            </td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">{f.restoredCheckpointId === null ? <span className="text-zinc-400">{t('failovers.none')}</span> : `#${f.restoredCheckpointId}`}</td>
            <td className="px-4 py-1.5 text-right font-mono text-xs">
              {f.downtimeMs !== null ? formatDuration(f.downtimeMs) : <span className="text-amber-700">{f.recoveredAt ? '—' : t('failovers.notRecovered')}</span>}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
