import type { DeploymentStatus, FailureCause } from '@weir/contracts';
import type { DeploymentState } from './transitions';

/** What Redis says about a run right now. */
export interface LivenessFacts {
  /** Age of the worker's last heartbeat; null when there is none. */
  heartbeatAgeMs: number | null;
  /** Whether a worker holds the run's queue lock (BullMQ renews it while the worker lives). */
  lockHeld: boolean;
  /** Whether the worker said it ended the run (its run event is then on the way). */
  runEnded: boolean;
}

const live: readonly DeploymentState[] = ['STARTING', 'RUNNING', 'STOPPING', 'SUSPENDING'];

/**
 * The status shown to people: the stored state, unless it claims a live run that the facts
 * deny, in which case the run is LOST. A dead run is therefore never shown as RUNNING.
 */
export function deriveStatus(state: DeploymentState, facts: LivenessFacts | null, heartbeatTimeoutMs: number): DeploymentStatus {
  if (!live.includes(state)) return state;
  if (!facts) return 'LOST';
  // A worker that ended the run released lock and heartbeat first; its event says how it ended.
  if (facts.runEnded) return state;
  const fresh = facts.heartbeatAgeMs !== null && facts.heartbeatAgeMs <= heartbeatTimeoutMs;
  // STARTING has no heartbeat yet while the engine compiles; the lock alone proves the claim.
  if (state === 'STARTING') return facts.lockHeld ? state : 'LOST';
  return fresh && facts.lockHeld ? state : 'LOST';
}

/** Why a run shown LOST is lost: its worker is gone (no lock), or it holds the lock but stopped beating. */
export function lossCause(facts: LivenessFacts | null): Extract<FailureCause, 'WORKER_LOST' | 'UNRESPONSIVE'> {
  return facts?.lockHeld && !facts.runEnded ? 'UNRESPONSIVE' : 'WORKER_LOST';
}
