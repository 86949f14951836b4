'use client';

import { sourceRecordsPerSecond, type Deployment } from '@weir/contracts';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { apiClient } from '../api/api-client';
import { useApiResource } from '../api/use-api-resource';
import { ErrorBanner } from '../common/error-banner';
import { formatCount, formatRelativeTime, formatTimestamp } from '../common/format';
import { deploymentStatus } from '../deployments/deployment-status';
import { StatusBadge } from '../deployments/status-badge';
import { useMetricsStream } from '../monitoring/use-metrics-stream';
import { VertexTable } from '../monitoring/vertex-table';
import { Button } from '../shell/button';
import { PageHeader } from '../shell/page-header';
import { DeploymentFacts } from './deployment-facts';
import { useBusyAction } from '../common/use-busy-action';

const ThroughputChart = dynamic(() => import('../monitoring/throughput-chart').then((m) => m.ThroughputChart), { ssr: false });

const JOB_POLL_MS = 5000;
const DEPLOYMENT_POLL_MS = 2000;
/** Once a deployment reaches one of these it will not produce samples again. */
const ENDED: ReadonlySet<string> = new Set(['STOPPED', 'FINISHED', 'FAILED']);


/** A job's operations page: its latest deployment's status, throughput and vertices. */
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
  const { busy, actionError, setActionError, run } = useBusyAction<'deploying' | 'stopping'>();

  const points = useMemo(() => metrics.samples.map((s): [number, number] => [s.ts, sourceRecordsPerSecond(s)]), [metrics.samples]);
  const latest = metrics.samples.at(-1);

  const onDeploy = () =>
    run('deploying', async () => {
      const created = await apiClient.deployJob(jobId, {});
      setDeployedHere(created);
      deployment.setData(created);
      job.reload();
    });
  const onStop = () =>
    run('stopping', async () => {
      if (!deploymentId) return;
      deployment.setData(await apiClient.stopDeployment(deploymentId));
    });

  const data = job.data;
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            <Link href="/jobs" className="font-normal text-zinc-500 hover:text-zinc-800">
              Jobs
            </Link>
            <span className="text-zinc-300">/</span>
            <span data-testid="job-title">{data?.name ?? 'Loading…'}</span>
          </span>
        }
        subtitle={
          data && (
            <span>
              <span className="font-mono">v{data.latestVersion.version}</span> · saved{' '}
              <span title={formatTimestamp(data.latestVersion.createdAt)}>{formatRelativeTime(data.latestVersion.createdAt)}</span>
            </span>
          )
        }
        actions={
          <>
            <StatusBadge status={status ?? null} testId="status-badge" />
            <Link href={`/jobs/${jobId}/edit`} className="inline-flex h-8 items-center rounded px-3 text-sm font-medium text-zinc-800 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50">
              Edit SQL
            </Link>
            {deploymentStatus.canStop(status) && (
              <Button data-testid="stop-button" variant="danger" onClick={onStop} disabled={busy !== null}>
                {busy === 'stopping' ? 'Stopping…' : 'Stop'}
              </Button>
            )}
            <Button data-testid="deploy-button" variant="primary" onClick={onDeploy} disabled={busy !== null || !data || !deploymentStatus.canDeploy(status)}>
              {busy === 'deploying' ? 'Deploying…' : 'Deploy'}
            </Button>
          </>
        }
      />
      <div className="flex flex-col gap-4 p-6">
        <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
        <ErrorBanner error={job.error ?? deployment.error ?? metrics.error} />
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-[1fr_320px]">
          <section className="rounded border border-zinc-200 bg-white">
            <header className="flex items-baseline gap-3 border-b border-zinc-100 px-4 py-2">
              <h2 className="text-sm font-semibold text-zinc-800">Records/s</h2>
              <span data-testid="records-per-second" className="font-mono text-2xl font-semibold text-zinc-900">
                {latest ? formatCount(sourceRecordsPerSecond(latest)) : '—'}
              </span>
              <span className="ml-auto flex items-center gap-1.5 text-xs text-zinc-500">
                <span className={`size-1.5 rounded-full ${metrics.connected ? 'bg-emerald-500' : 'bg-zinc-300'}`} />
                {metrics.connected ? 'live' : 'not streaming'}
              </span>
            </header>
            <div className="h-64 px-2 py-1">
              {points.length > 0 ? (
                <ThroughputChart points={points} />
              ) : (
                <div className="flex h-full items-center justify-center text-sm text-zinc-400">
                  {deploymentId ? 'Waiting for the first sample…' : 'Deploy the job to see its throughput.'}
                </div>
              )}
            </div>
          </section>
          <DeploymentFacts deployment={deployment.data ?? null} />
        </div>
        <section className="overflow-hidden rounded border border-zinc-200 bg-white">
          <header className="border-b border-zinc-100 px-4 py-2 text-sm font-semibold text-zinc-800">Vertices</header>
          <VertexTable sample={latest} />
        </section>
        {data && (
          <details className="rounded border border-zinc-200 bg-white">
            <summary className="cursor-pointer px-4 py-2 text-sm font-semibold text-zinc-800">SQL of v{data.latestVersion.version}</summary>
            <pre className="overflow-auto border-t border-zinc-100 px-4 py-3 font-mono text-xs leading-5 text-zinc-800">{data.latestVersion.sql}</pre>
          </details>
        )}
      </div>
    </>
  );
}
