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

async function apply(db: PrismaClient, event: RunEvent): Promise<void> {
  const d = await db.deployment.findUnique({ where: { id: event.deploymentId }, select: { state: true } });
  if (!d) return;
  const state = d.state as DeploymentState;
  const at = new Date(event.ts);
  switch (event.kind) {
    case 'claimed':
      await db.run.update({ where: { id: event.runId }, data: { workerId: event.workerId, startedAt: at } });
      if (state === 'PENDING') await transition(db, event.deploymentId, 'PENDING', 'STARTING');
      return;
    case 'started':
      if (state === 'STARTING') await transition(db, event.deploymentId, 'STARTING', 'RUNNING');
      return;
    case 'finished':
      await transition(db, event.deploymentId, state, 'FINISHED', { runId: event.runId, cause: 'FINISHED' });
      return;
    case 'stopped':
      await transition(db, event.deploymentId, state, 'STOPPED', { runId: event.runId, cause: 'STOPPED' });
      return;
    case 'failed':
      await transition(db, event.deploymentId, state, 'FAILED', { runId: event.runId, cause: 'FAILED', error: event.error ?? 'unknown error' });
      return;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
