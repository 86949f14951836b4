import type { Logger } from 'pino';
import { RunEvent, WeirError } from '@weir/contracts';
import type { PrismaClient } from '@weir/db';
import type { StreamEntry } from '../streams/group-consumer';
import { transition } from './state-store';
import type { DeploymentState } from './transitions';

/** Applies workers' run events to the stored run and deployment state. */
export function createRunEventHandler(db: PrismaClient, log: Logger) {
  return async (entries: StreamEntry[]): Promise<void> => {
    for (const entry of entries) {
      const parsed = RunEvent.safeParse(safeJson(entry.data));
      if (!parsed.success) {
        log.error({ entryId: entry.id, issues: parsed.error.issues }, 'malformed run event dropped');
        continue;
      }
      try {
        await apply(db, parsed.data);
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
 * Applies one event. The scheduler may move the same deployment meanwhile (e.g. RUNNING →
 * STOPPING while the worker already reports `stopped`), so a lost race re-reads and retries.
 */
async function apply(db: PrismaClient, event: RunEvent): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const d = await db.deployment.findUnique({ where: { id: event.deploymentId }, select: { state: true } });
    if (!d) return;
    if (await applyTo(db, event, d.state as DeploymentState)) return;
  }
  throw new WeirError('CONFLICT', `run event '${event.kind}' kept racing with the scheduler`, {
    domain: 'internal',
    details: { event },
  });
}

/** Returns false when the deployment left `state` before the change could be written. */
async function applyTo(db: PrismaClient, event: RunEvent, state: DeploymentState): Promise<boolean> {
  const at = new Date(event.ts);
  switch (event.kind) {
    case 'claimed':
      await db.run.update({ where: { id: event.runId }, data: { workerId: event.workerId, startedAt: at } });
      return state !== 'PENDING' || transition(db, event.deploymentId, 'PENDING', 'STARTING');
    case 'started':
      return state !== 'STARTING' || transition(db, event.deploymentId, 'STARTING', 'RUNNING');
    case 'finished':
      return transition(db, event.deploymentId, state, 'FINISHED', { runId: event.runId, cause: 'FINISHED' });
    case 'stopped':
      return transition(db, event.deploymentId, state, 'STOPPED', { runId: event.runId, cause: 'STOPPED' });
    case 'failed':
      return transition(db, event.deploymentId, state, 'FAILED', { runId: event.runId, cause: 'FAILED', error: event.error ?? 'unknown error' });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
