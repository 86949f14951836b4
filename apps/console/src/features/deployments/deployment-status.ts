import type { DeploymentStatus } from '@weir/contracts';

/** Statuses in which the deployment holds or is about to hold a worker, so Stop applies. */
const STOPPABLE: ReadonlySet<string> = new Set<DeploymentStatus>(['PENDING', 'STARTING', 'RUNNING', 'LOST']);
/** Statuses in which a new deploy would race the current one. */
const BUSY: ReadonlySet<string> = new Set<DeploymentStatus>(['PENDING', 'STARTING', 'RUNNING', 'STOPPING']);

export const deploymentStatus = {
  canStop: (status: string | undefined) => status !== undefined && STOPPABLE.has(status),
  canDeploy: (status: string | undefined) => status === undefined || !BUSY.has(status),
};
