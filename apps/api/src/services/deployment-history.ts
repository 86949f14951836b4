import { FailureCause, type Checkpoint, type Failover, type JobSavepoint } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import { toCheckpoint, withRunAttempt } from '../scheduler/checkpoint-records';

/** A deployment's checkpoints, savepoints and failovers, and a job's savepoints, newest first. */
export class DeploymentHistory {
  constructor(private readonly db: PrismaClient) {}

  async checkpoints(deploymentId: string, limit: number): Promise<Checkpoint[]> {
    const rows = await this.db.checkpoint.findMany({
      where: { deploymentId },
      orderBy: [{ triggeredAt: 'desc' }, { checkpointId: 'desc' }],
      take: limit,
      include: withRunAttempt,
    });
    return rows.map(toCheckpoint);
  }

  async failovers(deploymentId: string, limit: number): Promise<Failover[]> {
    const rows = await this.db.failoverEvent.findMany({ where: { deploymentId }, orderBy: { detectedAt: 'desc' }, take: limit });
    return rows.map((f) => ({
      id: f.id,
      at: f.detectedAt.toISOString(),
      attempt: f.attempt,
      cause: FailureCause.parse(f.cause),
      message: f.message,
      stack: f.stack,
      restoredCheckpointId: f.restoredCheckpointId,
      downtimeMs: f.downtimeMs,
      recoveredAt: f.recoveredAt?.toISOString() ?? null,
    }));
  }

  /**
   * The completed savepoints every deployment of the job took (those a deploy can restore),
   * newest first. The caller checks that the job belongs to the workspace.
   */
  async jobSavepoints(jobId: string, limit: number): Promise<JobSavepoint[]> {
    const rows = await this.db.checkpoint.findMany({
      where: { kind: 'SAVEPOINT', status: 'COMPLETED', location: { not: null }, deployment: { jobId } },
      orderBy: [{ completedAt: 'desc' }, { checkpointId: 'desc' }],
      take: limit,
      include: { ...withRunAttempt, deployment: { select: { jobVersion: { select: { version: true } } } } },
    });
    return rows.map((row) => ({ ...toCheckpoint(row), deploymentId: row.deploymentId, version: row.deployment.jobVersion.version }));
  }
}
