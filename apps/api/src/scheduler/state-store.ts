import type { FailureCause } from '@weir/contracts';
import type { Prisma, PrismaClient, RunEndCause } from '@weir/db';
import { assertTransition, type DeploymentState } from './transitions';

/** How a transition ends the deployment's current run, if it does. */
export interface RunEnding {
  runId: string;
  cause: RunEndCause;
  error?: string;
}

/** Why a deployment FAILED, recorded with the move. */
export interface DeploymentFailure {
  cause: FailureCause;
  message: string;
}

/**
 * Moves a deployment from `from` to `to` inside `tx` when it is still in `from` (a concurrent move
 * wins and this one becomes a no-op), ending the run too. Returns whether it moved.
 */
export async function moveDeployment(
  tx: Prisma.TransactionClient,
  deploymentId: string,
  from: DeploymentState,
  to: DeploymentState,
  ending?: RunEnding,
  failure?: DeploymentFailure,
): Promise<boolean> {
  assertTransition(from, to);
  const data = failure ? { state: to, failureCause: failure.cause, failureMessage: failure.message } : { state: to };
  const moved = await tx.deployment.updateMany({ where: { id: deploymentId, state: from }, data });
  if (moved.count === 0) return false;
  if (ending) {
    await tx.run.updateMany({
      where: { id: ending.runId, endedAt: null },
      data: { endedAt: new Date(), endCause: ending.cause, error: ending.error ?? null },
    });
  }
  return true;
}

/** `moveDeployment` in a transaction of its own. */
export function transition(db: PrismaClient, ...move: MoveArguments): Promise<boolean> {
  return db.$transaction((tx) => moveDeployment(tx, ...move));
}

type MoveArguments = Parameters<typeof moveDeployment> extends [unknown, ...infer Rest] ? Rest : never;
