import { WeirError, type DeploymentStatus } from '@weir/contracts';

/** Observed states a deployment may be stored in (LOST is also derived live; see status.ts). */
export type DeploymentState = DeploymentStatus;

/**
 * The legal moves of a deployment's observed state, in one table. PENDING: queued; STARTING: a
 * worker claimed the run; RUNNING: the engine runs; STOPPING: a stop was sent; the rest end a run.
 */
const legal: Record<DeploymentState, readonly DeploymentState[]> = {
  PENDING: ['STARTING', 'STOPPED', 'FAILED'],
  STARTING: ['RUNNING', 'STOPPING', 'STOPPED', 'FINISHED', 'FAILED', 'LOST'],
  RUNNING: ['STOPPING', 'STOPPED', 'FINISHED', 'FAILED', 'LOST'],
  STOPPING: ['STOPPED', 'FINISHED', 'FAILED', 'LOST'],
  STOPPED: [],
  FINISHED: [],
  FAILED: [],
  LOST: ['STOPPED'],
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
