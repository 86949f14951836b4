import type { Deployment, DeploymentStatus } from '@weir/contracts';

type Status = string | undefined;
const set = (statuses: DeploymentStatus[]): ReadonlySet<string> => new Set(statuses);

/** Statuses in which the deployment holds, waits for or may get a worker again, so Stop applies (a SUSPENDED one stops for good). */
const STOPPABLE = set(['PENDING', 'STARTING', 'RUNNING', 'RESTARTING', 'LOST', 'SUSPENDED']);
/** Statuses in which a new deploy would race the current one (the API answers CONFLICT). */
const BUSY = set(['PENDING', 'STARTING', 'RUNNING', 'RESTARTING', 'STOPPING', 'SUSPENDING']);
/** Statuses the API suspends from while the operator still wants the deployment running. */
const SUSPENDABLE = set(['PENDING', 'STARTING', 'RUNNING', 'RESTARTING']);

/** Which actions the job page offers; the API decides in the end and its error is shown. */
export const deploymentStatus = {
  canStop: (status: Status) => status !== undefined && STOPPABLE.has(status),
  canDeploy: (status: Status) => status === undefined || !BUSY.has(status),
  /** A savepoint needs a running engine with checkpointing on. */
  canSavepoint: (d: Deployment | null | undefined) => d?.status === 'RUNNING' && d.checkpointing.enabled,
  canSuspend: (d: Deployment | null | undefined) =>
    !!d && d.desiredState === 'RUNNING' && SUSPENDABLE.has(d.status) && d.checkpointing.enabled,
  canResume: (d: Deployment | null | undefined) => d?.status === 'SUSPENDED',
};
