import type { PrismaClient, RunEndCause } from '@weir/db';
import { assertTransition, type DeploymentState } from './transitions';

/** How a transition ends the deployment's current run, if it does. */
export interface RunEnding {
  runId: string;
  cause: RunEndCause;
  error?: string;
}

/**
 * Moves a deployment from `from` to `to` when it is still in `from` (a concurrent move wins
 * and this one becomes a no-op), ending the run in the same transaction. Returns whether it moved.
 */
export async function transition(
  db: PrismaClient,
  deploymentId: string,
  from: DeploymentState,
  to: DeploymentState,
  ending?: RunEnding,
): Promise<boolean> {
  assertTransition(from, to);
  return db.$transaction(async (tx) => {
    const moved = await tx.deployment.updateMany({ where: { id: deploymentId, state: from }, data: { state: to } });
    if (moved.count === 0) return false;
    if (ending) {
      await tx.run.updateMany({
        where: { id: ending.runId, endedAt: null },
        data: { endedAt: new Date(), endCause: ending.cause, error: ending.error ?? null },
      });
    }
    return true;
  });
}
