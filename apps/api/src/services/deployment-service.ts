import type { Queue } from 'bullmq';
import {
  DeploymentConfig,
  QueueJobName,
  WeirError,
  type Deployment,
  type DeploymentStatus,
  type DeployRequest,
  type DeploymentRunPayload,
} from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import { compileForDeploy } from './sql-validation';
import { deriveStatus } from '../scheduler/status';
import type { LivenessProbe } from '../scheduler/liveness';
import { isTerminal, type DeploymentState } from '../scheduler/transitions';

const withRuns = {
  jobVersion: { select: { version: true } },
  runs: { orderBy: { attempt: 'desc' }, take: 1 },
} as const;

/** Deploys job versions, stops deployments, and reports their status from observed facts. */
export class DeploymentService {
  constructor(
    private readonly db: PrismaClient,
    private readonly queue: Queue<DeploymentRunPayload>,
    private readonly liveness: LivenessProbe,
    private readonly heartbeatTimeoutMs: number,
  ) {}

  async get(workspaceId: string, id: string): Promise<Deployment> {
    return this.toDeployment(await this.find(workspaceId, id));
  }

  /** The status a person should see for a deployment right now. */
  async statusOf(deploymentId: string): Promise<DeploymentStatus> {
    const d = await this.db.deployment.findUniqueOrThrow({ where: { id: deploymentId }, include: withRuns });
    return (await this.toDeployment(d)).status;
  }

  /** Validates the version's SQL, records the deployment and its first run, and queues the run. */
  async deploy(workspaceId: string, jobId: string, body: DeployRequest): Promise<Deployment> {
    const job = await this.db.job.findFirst({ where: { id: jobId, workspaceId } });
    if (!job) throw new WeirError('NOT_FOUND', `job '${jobId}' not found`, { details: { id: jobId } });
    const versionNumber = body.version ?? job.latestVersion;
    const version = await this.db.jobVersion.findUnique({ where: { jobId_version: { jobId, version: versionNumber } } });
    if (!version) {
      throw new WeirError('VALIDATION_FAILED', `job '${job.name}' has no version ${versionNumber}`, {
        details: { issues: [{ path: 'version', message: `no such version; latest is ${job.latestVersion}` }] },
      });
    }
    compileForDeploy(version.sql);
    await this.assertNoActiveDeployment(jobId, job.name);

    const config = body.config;
    const deployment = await this.db.deployment.create({
      data: {
        jobId,
        jobVersionId: version.id,
        desiredState: 'RUNNING',
        state: 'PENDING',
        parallelism: config.parallelism,
        checkpointIntervalMs: config.checkpointIntervalMs,
        restartStrategy: config.restartStrategy,
        startOffset: config.startOffset,
        runs: { create: { attempt: 1 } },
      },
      include: withRuns,
    });
    const run = deployment.runs[0]!;
    const payload: DeploymentRunPayload = {
      deploymentId: deployment.id,
      runId: run.id,
      jobVersionId: version.id,
      sql: version.sql,
      config,
    };
    await this.queue.add(QueueJobName.deploymentRun, payload, { jobId: run.id });
    await this.db.run.update({ where: { id: run.id }, data: { queueJobId: run.id } });
    return this.toDeployment(deployment);
  }

  /** Asks for the deployment to stop; the scheduler carries it out. */
  async stop(workspaceId: string, id: string): Promise<Deployment> {
    await this.find(workspaceId, id);
    const updated = await this.db.deployment.update({
      where: { id },
      data: { desiredState: 'STOPPED' },
      include: withRuns,
    });
    return this.toDeployment(updated);
  }

  private async assertNoActiveDeployment(jobId: string, jobName: string): Promise<void> {
    const active = await this.db.deployment.findMany({ where: { jobId, desiredState: 'RUNNING' }, include: withRuns });
    for (const d of active) {
      const status = (await this.toDeployment(d)).status;
      if (!isTerminal(status) && status !== 'LOST') {
        throw new WeirError('CONFLICT', `job '${jobName}' already has an active deployment (${status}); stop it first`, {
          details: { deploymentId: d.id, status },
        });
      }
    }
  }

  private async find(workspaceId: string, id: string) {
    const d = await this.db.deployment.findFirst({ where: { id, job: { workspaceId } }, include: withRuns });
    if (!d) throw new WeirError('NOT_FOUND', `deployment '${id}' not found`, { details: { id } });
    return d;
  }

  private async toDeployment(d: Awaited<ReturnType<DeploymentService['find']>>): Promise<Deployment> {
    const run = d.runs[0] ?? null;
    const facts = run ? (await this.liveness.facts([run.id])).get(run.id) ?? null : null;
    const state = d.state as DeploymentState;
    return {
      id: d.id,
      jobId: d.jobId,
      jobVersionId: d.jobVersionId,
      version: d.jobVersion.version,
      desiredState: d.desiredState,
      status: deriveStatus(state, facts, this.heartbeatTimeoutMs),
      config: DeploymentConfig.parse({
        parallelism: d.parallelism,
        checkpointIntervalMs: d.checkpointIntervalMs,
        restartStrategy: d.restartStrategy,
        startOffset: d.startOffset,
      }),
      currentRun: run
        ? {
            id: run.id,
            attempt: run.attempt,
            workerId: run.workerId,
            startedAt: run.startedAt?.toISOString() ?? null,
            endedAt: run.endedAt?.toISOString() ?? null,
            endCause: run.endCause,
            error: run.error,
            heartbeatAgeMs: facts?.heartbeatAgeMs ?? null,
          }
        : null,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  }
}
