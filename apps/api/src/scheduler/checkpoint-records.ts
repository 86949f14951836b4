import { OperatorStateSize, type Checkpoint, type CheckpointResult } from '@weir/contracts';
import type { Checkpoint as CheckpointRow, PrismaClient } from '@weir/db';

/** A checkpoint row with the attempt of the run that wrote it. */
export type CheckpointRowWithRun = CheckpointRow & { run: { attempt: number } | null };
export const withRunAttempt = { run: { select: { attempt: true } } } as const;

/**
 * Records what the engine reported about a checkpoint or savepoint. Reports may repeat (the
 * savepoint route and the run-event consumer both record a savepoint) and a later attempt may
 * reuse the number of one that failed, so a report overwrites the row, except that a failure
 * never overwrites a completion. DISCARDED only marks a completed row: its files are gone.
 */
export async function recordCheckpoint(db: PrismaClient, deploymentId: string, runId: string, result: CheckpointResult): Promise<void> {
  const key = { deploymentId, kind: result.kind, checkpointId: result.checkpointId };
  if (result.status === 'DISCARDED') {
    await db.checkpoint.updateMany({ where: { ...key, status: 'COMPLETED' }, data: { status: 'DISCARDED' } });
    return;
  }
  const data = {
    runId,
    status: result.status,
    location: result.location ?? null,
    incremental: result.incremental,
    fullSizeBytes: result.fullSizeBytes === undefined ? null : BigInt(Math.round(result.fullSizeBytes)),
    incrementalSizeBytes: result.incrementalSizeBytes === undefined ? null : BigInt(Math.round(result.incrementalSizeBytes)),
    operators: result.operators,
    triggeredAt: new Date(result.triggeredAt),
    completedAt: result.completedAt === undefined ? null : new Date(result.completedAt),
    durationMs: result.durationMs === undefined ? null : Math.round(result.durationMs),
    error: result.error ?? null,
  };
  if (result.status === 'FAILED') {
    const existing = await db.checkpoint.findUnique({ where: { deploymentId_kind_checkpointId: key }, select: { status: true } });
    if (existing?.status === 'COMPLETED') return;
  }
  await db.checkpoint.upsert({ where: { deploymentId_kind_checkpointId: key }, create: { ...key, ...data }, update: data });
}

/** The API's view of a checkpoint row. */
export function toCheckpoint(row: CheckpointRowWithRun): Checkpoint {
  return {
    id: row.id,
    checkpointId: row.checkpointId,
    kind: row.kind,
    status: row.status,
    triggeredAt: row.triggeredAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    fullSizeBytes: row.fullSizeBytes === null ? null : Number(row.fullSizeBytes),
    incrementalSizeBytes: row.incrementalSizeBytes === null ? null : Number(row.incrementalSizeBytes),
    incremental: row.incremental,
    operators: OperatorStateSize.array().parse(row.operators),
    location: row.location,
    error: row.error,
    runId: row.runId,
    attempt: row.run?.attempt ?? null,
  };
}
