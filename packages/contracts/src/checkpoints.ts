import { z } from 'zod';

export const CheckpointKind = z.enum(['CHECKPOINT', 'SAVEPOINT']);
export type CheckpointKind = z.infer<typeof CheckpointKind>;

/** DISCARDED: a completed checkpoint deleted from storage because newer ones are retained. */
export const CheckpointStatus = z.enum(['COMPLETED', 'FAILED', 'DISCARDED']);
export type CheckpointStatus = z.infer<typeof CheckpointStatus>;

/** State one operator wrote into a checkpoint. */
export const OperatorStateSize = z.object({
  operatorId: z.string(),
  name: z.string(),
  /** Bytes this checkpoint wrote for the operator (its delta when incremental). */
  sizeBytes: z.number().min(0),
  /** Bytes of the operator's whole state. */
  fullSizeBytes: z.number().min(0),
});
export type OperatorStateSize = z.infer<typeof OperatorStateSize>;

/** A checkpoint or savepoint as the engine reports it to the worker (times in epoch ms). */
export const CheckpointResult = z.object({
  checkpointId: z.number().int().min(1),
  kind: CheckpointKind,
  status: CheckpointStatus,
  incremental: z.boolean(),
  triggeredAt: z.number().int().min(0),
  completedAt: z.number().int().optional(),
  durationMs: z.number().min(0).optional(),
  fullSizeBytes: z.number().min(0).optional(),
  incrementalSizeBytes: z.number().min(0).optional(),
  operators: z.array(OperatorStateSize),
  /** URI of the snapshot folder, e.g. `file:///data/checkpoints/<deployment>/chk-12`. */
  location: z.string().optional(),
  error: z.string().optional(),
});
export type CheckpointResult = z.infer<typeof CheckpointResult>;

/** The snapshot a run started from. */
export const RestoredFrom = z.object({
  checkpointId: z.number().int().min(1),
  kind: CheckpointKind,
  location: z.string(),
});
export type RestoredFrom = z.infer<typeof RestoredFrom>;

/** Checkpointing in force for a deployment (the engine's resolved configuration). */
export const CheckpointSettings = z.object({
  enabled: z.boolean(),
  intervalMs: z.number().int().min(0),
  mode: z.enum(['EXACTLY_ONCE', 'AT_LEAST_ONCE']),
  timeoutMs: z.number().int().min(0),
  minPauseMs: z.number().int().min(0),
  incremental: z.boolean(),
  numRetained: z.number().int().min(1),
  maxChainLength: z.number().int().min(1),
});
export type CheckpointSettings = z.infer<typeof CheckpointSettings>;

/** One row of `GET /deployments/:id/checkpoints`. */
export const Checkpoint = z.object({
  id: z.string(),
  /** The engine's number, monotonic within a deployment's storage. */
  checkpointId: z.number().int(),
  kind: CheckpointKind,
  status: CheckpointStatus,
  triggeredAt: z.string(),
  completedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  fullSizeBytes: z.number().nullable(),
  incrementalSizeBytes: z.number().nullable(),
  incremental: z.boolean(),
  operators: z.array(OperatorStateSize),
  location: z.string().nullable(),
  error: z.string().nullable(),
  runId: z.string().nullable(),
  attempt: z.number().int().nullable(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const CheckpointList = z.object({ items: z.array(Checkpoint) });
export type CheckpointList = z.infer<typeof CheckpointList>;

/**
 * Why a run ended against its will. WORKER_LOST: lock and heartbeat gone (killed, crashed host);
 * UNRESPONSIVE: the worker holds the lock but stopped beating; EXCEPTION: the job threw;
 * OUT_OF_MEMORY: it passed its memory limit; CHECKPOINT_FAILURE: its checkpoint storage failed;
 * FENCED: a newer attempt superseded it.
 */
export const FailureCause = z.enum(['WORKER_LOST', 'EXCEPTION', 'OUT_OF_MEMORY', 'UNRESPONSIVE', 'CHECKPOINT_FAILURE', 'FENCED']);
export type FailureCause = z.infer<typeof FailureCause>;

/** One row of `GET /deployments/:id/failovers`: a run that died and what the scheduler did. */
export const Failover = z.object({
  id: z.string(),
  /** When the failure was detected. */
  at: z.string(),
  /** Attempt that failed. */
  attempt: z.number().int().min(1),
  cause: FailureCause,
  message: z.string().nullable(),
  stack: z.string().nullable(),
  /** Checkpoint the next attempt restored; null while it has not started or when it started empty. */
  restoredCheckpointId: z.number().int().nullable(),
  /** From detection to the next attempt RUNNING; null until then, and when the strategy gave up. */
  downtimeMs: z.number().int().nullable(),
  recoveredAt: z.string().nullable(),
});
export type Failover = z.infer<typeof Failover>;

export const FailoverList = z.object({ items: z.array(Failover) });
export type FailoverList = z.infer<typeof FailoverList>;

/**
 * One row of `GET /jobs/:id/savepoints`: a completed savepoint one of the job's deployments took,
 * with the deployment and job version that wrote it, so a deploy can choose what to restore.
 */
export const JobSavepoint = Checkpoint.extend({
  deploymentId: z.string(),
  /** The job version whose plan wrote the savepoint. */
  version: z.number().int().min(1),
});
export type JobSavepoint = z.infer<typeof JobSavepoint>;

export const JobSavepointList = z.object({ items: z.array(JobSavepoint) });
export type JobSavepointList = z.infer<typeof JobSavepointList>;
