import { WeirError, type DeploymentStatus } from '@weir/contracts';

/** Observed states a deployment may be stored in (LOST is also derived live; see status.ts). */
export type DeploymentState = DeploymentStatus;

/**
 * The legal moves of a deployment's observed state, in one table. PENDING: queued; STARTING: a
 * worker claimed the run; RUNNING: the engine runs; RESTARTING: a failed or lost run's next
 * attempt is queued (after the restart strategy's delay); STOPPING / SUSPENDING: a stop (for
 * SUSPENDING with a savepoint) was sent; SUSPENDED: ended after a savepoint, resumable (back to
 * PENDING). LOST is only derived from liveness now; stored LOST rows of older releases leave it
 * like a lost run does. STOPPED, FINISHED and FAILED end a deployment.
 */
const legal: Record<DeploymentState, readonly DeploymentState[]> = {
  PENDING: ['STARTING', 'RESTARTING', 'STOPPED', 'SUSPENDED', 'FAILED'],
  STARTING: ['RUNNING', 'RESTARTING', 'STOPPING', 'SUSPENDING', 'STOPPED', 'SUSPENDED', 'FINISHED', 'FAILED'],
  RUNNING: ['RESTARTING', 'STOPPING', 'SUSPENDING', 'STOPPED', 'SUSPENDED', 'FINISHED', 'FAILED'],
  RESTARTING: ['STARTING', 'RESTARTING', 'STOPPED', 'SUSPENDED', 'FAILED'],
  STOPPING: ['STOPPED', 'FINISHED', 'FAILED'],
  SUSPENDING: ['SUSPENDED', 'STOPPED', 'FINISHED', 'FAILED'],
  SUSPENDED: ['PENDING', 'STOPPED'],
  STOPPED: [],
  FINISHED: [],
  FAILED: [],
  LOST: ['RESTARTING', 'STOPPED', 'SUSPENDED', 'FAILED'],
};

/** True when the state can no longer change by itself. */
export function isTerminal(state: DeploymentState): boolean {
  return legal[state].length === 0;
}

/** Throws ILLEGAL_TRANSITION unless `from → to` is in the table. */
export function assertTransition(from: DeploymentState, to: DeploymentState): void {
  if (!legal[from].includes(to)) {
    throw new WeirError('ILLEGAL_TRANSITION', `a deployment cannot go from ${from} to ${to}`, {
      domain: 'internal',
      details: { from, to },
    });
  }
}
