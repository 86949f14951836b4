import type { Logger } from 'pino';
import { RunEvent, WeirError } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import type { StreamEntry } from '../streams/group-consumer';
import { recordCheckpoint } from './checkpoint-records';
import type { FailoverHandler } from './failover';
import { transition } from './state-store';
import type { DeploymentState } from './transitions';

/** Applies workers' run events to the stored run, deployment, checkpoint and failover records. */
export function createRunEventHandler(db: PrismaClient, failover: FailoverHandler, log: Logger) {
  return async (entries: StreamEntry[]): Promise<void> => {
    for (const entry of entries) {
      const parsed = RunEvent.safeParse(safeJson(entry.data));
      if (!parsed.success) {
        log.error({ entryId: entry.id, issues: parsed.error.issues }, 'malformed run event dropped');
        continue;
      }
      try {
        await apply(db, failover, parsed.data, log);
      } catch (error) {
        // An event that no longer fits (e.g. a stop after the run was declared lost) is logged, not retried.
        if (error instanceof WeirError && error.code === 'ILLEGAL_TRANSITION') {
          log.warn({ event: parsed.data, details: error.details }, 'run event does not fit the deployment state');
        } else {
          throw error;
        }
      }
    }
  };
}

/**
 * Applies one event. Checkpoint results are recorded whatever became of their run; lifecycle
 * events only count from the deployment's current, unended run (a superseded run's late reports
 * must not move the deployment). The scheduler may move the same deployment meanwhile (e.g.
 * RUNNING → STOPPING while the worker already reports `stopped`), so a lost race re-reads and retries.
 */
async function apply(db: PrismaClient, failover: FailoverHandler, event: RunEvent, log: Logger): Promise<void> {
  if (event.kind === 'checkpoint') {
    const exists = await db.run.count({ where: { id: event.runId, deploymentId: event.deploymentId } });
    if (exists > 0) await recordCheckpoint(db, event.deploymentId, event.runId, event.checkpoint);
    return;
  }
  if (event.kind === 'failed') {
    const { deploymentId, runId, cause, error, stack, recoverable, ts } = event;
    await failover.handle({ deploymentId, runId, cause, message: error, ...(stack ? { stack } : {}), recoverable, at: ts });
    return;
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const d = await db.deployment.findUnique({
      where: { id: event.deploymentId },
      select: { state: true, desiredState: true, runs: { orderBy: { attempt: 'desc' }, take: 1, select: { id: true, endedAt: true } } },
    });
    const current = d?.runs[0];
    if (!d || !current || current.id !== event.runId || current.endedAt) {
      log.debug({ event }, 'event of a run that is no longer current ignored');
      return;
    }
    if (await applyTo(db, event, d.state as DeploymentState, d.desiredState)) return;
  }
  throw new WeirError('CONFLICT', `run event '${event.kind}' kept racing with the scheduler`, {
    domain: 'internal',
    details: { event },
  });
}

type LifecycleEvent = Exclude<RunEvent, { kind: 'checkpoint' | 'failed' }>;

/** Returns false when the deployment left `state` before the change could be written. */
async function applyTo(db: PrismaClient, event: LifecycleEvent, state: DeploymentState, desired: string): Promise<boolean> {
  const at = new Date(event.ts);
  const ending = { runId: event.runId };
  switch (event.kind) {
    case 'claimed':
      await db.run.update({ where: { id: event.runId }, data: { workerId: event.workerId, startedAt: at } });
      return (state !== 'PENDING' && state !== 'RESTARTING') || transition(db, event.deploymentId, state, 'STARTING');
    case 'restored':
      await db.run.update({ where: { id: event.runId }, data: { restoredCheckpointId: event.restored.checkpointId } });
      await db.failoverEvent.updateMany({ where: { toRunId: event.runId }, data: { restoredCheckpointId: event.restored.checkpointId } });
      return true;
    case 'started': {
      // The failover that queued this run is over: its downtime runs from the failure to now.
      const failovers = await db.failoverEvent.findMany({ where: { toRunId: event.runId, recoveredAt: null }, select: { id: true, detectedAt: true } });
      for (const f of failovers) {
        await db.failoverEvent.update({ where: { id: f.id }, data: { recoveredAt: at, downtimeMs: Math.max(0, event.ts - f.detectedAt.getTime()) } });
      }
      return state !== 'STARTING' || transition(db, event.deploymentId, 'STARTING', 'RUNNING');
    }
    case 'finished':
      return transition(db, event.deploymentId, state, 'FINISHED', { ...ending, cause: 'FINISHED' });
    case 'stopped':
      return transition(db, event.deploymentId, state, desired === 'SUSPENDED' ? 'SUSPENDED' : 'STOPPED', { ...ending, cause: 'STOPPED' });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
