'use client';

import type { Checkpoint, Deployment } from '@weir/contracts';
import Link from 'next/link';
import { useState } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { CheckpointsTab } from '../checkpoints/checkpoints-tab';
import { ErrorBanner } from '../common/error-banner';
import { formatBytes, formatRelativeTime, formatTimestamp } from '../common/format';
import { useBusyAction } from '../common/use-busy-action';
import { DeploymentActions, type DeploymentActionKind } from '../deployments/deployment-actions';
import { DeploymentGlance } from '../deployments/deployment-glance';
import { StatusBadge } from '../deployments/status-badge';
import { FailoversTab } from '../failovers/failovers-tab';
import { useMetricsStream } from '../monitoring/use-metrics-stream';
import { PageHeader } from '../shell/page-header';
import { Tabs } from '../shell/tabs';
import { VersionsTab } from '../versions/versions-tab';
import { useT } from '../i18n/i18n-provider';
import { JobOverview } from './job-overview';

const JOB_POLL_MS = 5000;
const DEPLOYMENT_POLL_MS = 2000;
/** Once a deployment reaches one of these it will not produce samples again. */
const ENDED: ReadonlySet<string> = new Set(['STOPPED', 'FINISHED', 'FAILED', 'SUSPENDED']);

type Tab = 'overview' | 'checkpoints' | 'failovers' | 'versions';
/** Tabs about the latest deployment, empty until the job is deployed. */
const DEPLOYMENT_TABS: ReadonlySet<Tab> = new Set(['checkpoints', 'failovers']);

/** A job's operations page: its latest deployment's status and controls, throughput, checkpoints, failovers and versions. */
export function JobDetail({ jobId }: { jobId: string }) {
  const job = useApiResource(`job:${jobId}`, (signal) => apiClient.getJob(jobId, signal), JOB_POLL_MS);
  // A deploy from this page is known before the next job poll reports it.
  const [deployedHere, setDeployedHere] = useState<Deployment | null>(null);
  const deploymentId = deployedHere?.id ?? job.data?.deployment?.id ?? null;
  const deployment = useApiResource(
    deploymentId ? `deployment:${deploymentId}` : null,
    (signal) => apiClient.getDeployment(deploymentId ?? '', signal),
    DEPLOYMENT_POLL_MS,
  );
  const status = deployment.data?.status ?? job.data?.deployment?.status;
  const metrics = useMetricsStream(deploymentId, status !== undefined && !ENDED.has(status));
  const { busy, actionError, setActionError, run } = useBusyAction<DeploymentActionKind>();
  const [tab, setTab] = useState<Tab>('overview');
  const t = useT();
  const [savepoint, setSavepoint] = useState<Checkpoint | null>(null);
  // Bumped by an action that adds a checkpoint, so the CheckPoints tab loads it at once.
  const [checkpointsKey, setCheckpointsKey] = useState(0);

  const onChanged = (d: Deployment) => {
    if (d.id !== deploymentId) {
      setDeployedHere(d);
      setSavepoint(null);
      job.reload();
    }
    deployment.setData(d);
    setCheckpointsKey((k) => k + 1);
  };
  const onSavepoint = (taken: Checkpoint) => {
    setSavepoint(taken);
    setCheckpointsKey((k) => k + 1);
  };

  const data = job.data;
  const current = deployment.data && deployment.data.id === deploymentId ? deployment.data : null;
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            <Link href="/jobs" className="font-normal text-zinc-500 hover:text-zinc-800">
              {t('jobs.list.title')}
            </Link>
            <span className="text-zinc-300">/</span>
            <span data-testid="job-title">{data?.name ?? t('common.loading')}</span>
          </span>
        }
        subtitle={
          data && (
            <span>
              {t.rich('jobs.detail.saved', {
                version: <span className="font-mono">v{data.latestVersion.version}</span>,
                when: <span title={formatTimestamp(data.latestVersion.createdAt)}>{formatRelativeTime(data.latestVersion.createdAt)}</span>,
              })}
            </span>
          )
        }
        actions={
          <>
            <StatusBadge status={status ?? null} testId="status-badge" />
            {current && <DeploymentGlance deployment={current} />}
            <Link href={`/jobs/${jobId}/edit`} className="inline-flex h-8 items-center rounded px-3 text-sm font-medium text-zinc-800 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50">
              {t('jobs.detail.editSql')}
            </Link>
            <DeploymentActions
              jobId={jobId}
              version={data?.latestVersion.version ?? null}
              deployment={current}
              status={status}
              busy={busy}
              run={run}
              onChanged={onChanged}
              onSavepoint={onSavepoint}
            />
          </>
        }
      />
      <div className="flex flex-col gap-4 p-6">
        <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
        <ErrorBanner error={job.error ?? deployment.error ?? metrics.error} />
        {savepoint && (
          <p role="status" data-testid="savepoint-notice" className="flex items-center gap-2 rounded border border-violet-200 bg-violet-50 px-3 py-2 text-sm text-violet-900">
            {t('jobs.detail.savepointWritten', { id: savepoint.checkpointId, size: savepoint.fullSizeBytes === null ? '' : t('jobs.detail.savepointSize', { size: formatBytes(savepoint.fullSizeBytes) }) })}
            <button type="button" className="ml-auto text-violet-600 hover:text-violet-900" aria-label={t('common.dismiss')} onClick={() => setSavepoint(null)}>
              ×
            </button>
          </p>
        )}
        <Tabs
          tabs={[
            { id: 'overview', label: t('jobs.detail.tabs.overview') },
            { id: 'checkpoints', label: t('jobs.detail.tabs.checkpoints') },
            { id: 'failovers', label: t('jobs.detail.tabs.failovers'), badge: current && current.attempt > 1 ? current.attempt - 1 : undefined },
            { id: 'versions', label: t('jobs.detail.tabs.versions'), badge: data?.latestVersion.version },
          ]}
          active={tab}
          onChange={setTab}
        />
        {tab === 'overview' && <JobOverview deployment={current} deploymentId={deploymentId} metrics={metrics} />}
        {DEPLOYMENT_TABS.has(tab) && !current && <p className="py-6 text-center text-sm text-zinc-400">{deploymentId ? t('common.loading') : t('jobs.detail.deployFirst')}</p>}
        {tab === 'checkpoints' && current && <CheckpointsTab deployment={current} refreshKey={checkpointsKey} />}
        {tab === 'failovers' && current && <FailoversTab deployment={current} />}
        {tab === 'versions' && data && <VersionsTab job={data} onJobChanged={job.setData} />}
        {data && (
          <details className="rounded border border-zinc-200 bg-white">
            <summary className="cursor-pointer px-4 py-2 text-sm font-semibold text-zinc-800">{t('jobs.detail.sqlOf', { version: data.latestVersion.version })}</summary>
            <pre className="overflow-auto border-t border-zinc-100 px-4 py-3 font-mono text-xs leading-5 text-zinc-800">{data.latestVersion.sql}</pre>
          </details>
        )}
      </div>
    </>
  );
}
