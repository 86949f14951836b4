'use client';

import Link from 'next/link';
import { apiClient } from '../api/api-client';
import { usePermission } from '../auth/session-context';
import { useApiResource } from '../api/use-api-resource';
import { ErrorBanner } from '../common/error-banner';
import { formatRelativeTime, formatTimestamp } from '../common/format';
import { StatusBadge } from '../deployments/status-badge';
import { useT } from '../i18n/i18n-provider';
import { PageHeader } from '../shell/page-header';
import { TableHead, type Column } from '../shell/table-head';

const JOBS_POLL_MS = 5000;

export function JobList() {
  const jobs = useApiResource('jobs', apiClient.listJobs, JOBS_POLL_MS);
  const { allowed, reason } = usePermission('EDITOR');
  const items = jobs.data?.items ?? [];
  const t = useT();
  const columns: Column[] = [{ label: t('jobs.list.name') }, { label: t('jobs.list.version'), className: 'w-24' }, { label: t('jobs.list.status'), className: 'w-40' }, { label: t('jobs.list.updated'), className: 'w-44' }, { label: '', className: 'w-20' }];
  return (
    <>
      <PageHeader
        title={t('jobs.list.title')}
        subtitle={jobs.data ? t('jobs.list.count', { count: items.length }) : t('common.loading')}
        actions={
          allowed ? (
            <Link href="/jobs/new" data-testid="new-job-button" className="inline-flex h-8 items-center rounded bg-cyan-700 px-3 text-sm font-medium text-white hover:bg-cyan-800">
              {t('jobs.list.newJob')}
            </Link>
          ) : (
            <span data-testid="new-job-button" aria-disabled="true" title={reason} className="inline-flex h-8 cursor-not-allowed items-center rounded bg-cyan-700/50 px-3 text-sm font-medium text-white">
              {t('jobs.list.newJob')}
            </span>
          )
        }
      />
      <div className="flex flex-col gap-3 p-6">
        <ErrorBanner error={jobs.error} />
        <div className="overflow-hidden rounded border border-zinc-200 bg-white">
          <table className="w-full text-sm" data-testid="job-table">
            <TableHead columns={columns} />
            <tbody className="divide-y divide-zinc-100">
              {items.map((job) => (
                <tr key={job.id} className="hover:bg-zinc-50" data-testid="job-row">
                  <td className="px-4 py-2">
                    <Link href={`/jobs/${job.id}`} className="font-medium text-cyan-800 hover:underline">
                      {job.name}
                    </Link>
                    {job.description && <p className="truncate text-xs text-zinc-500">{job.description}</p>}
                  </td>
                  <td className="px-4 py-2 font-mono text-xs text-zinc-700">v{job.latestVersion.version}</td>
                  <td className="px-4 py-2">
                    <StatusBadge status={job.deployment?.status ?? null} />
                    {job.deployment && job.deployment.version !== job.latestVersion.version && (
                      <span className="ml-1.5 font-mono text-[11px] text-zinc-500">v{job.deployment.version}</span>
                    )}
                  </td>
                  <td className="px-4 py-2 text-zinc-600" title={formatTimestamp(job.updatedAt)}>
                    {formatRelativeTime(job.updatedAt)}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <Link href={`/jobs/${job.id}/edit`} className="text-xs text-zinc-500 hover:text-cyan-800">
                      {t('common.edit')}
                    </Link>
                  </td>
                </tr>
              ))}
              {jobs.data && items.length === 0 && (
                <tr>
                  <td colSpan={5} className="px-4 py-10 text-center text-zinc-500">
                    {t.rich('jobs.list.empty', { link: <Link href="/jobs/new" className="text-cyan-800 hover:underline">{t('jobs.list.writeFirst')}</Link> })}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
