import type { CheckpointConfig } from './checkpoint-config';
import type { CheckpointResult } from './checkpoint-result';
import type { CheckpointStorage } from './checkpoint-storage';

/** What a run restores before it starts. */
export interface RestoreRequest {
  storage: CheckpointStorage;
  /** The snapshot's folder key in `storage` (e.g. 'chk-12'); '' when `storage` is rooted at it. */
  path: string;
  /** Drop the state of operators the new plan no longer has, instead of refusing the restore. */
  allowNonRestoredState?: boolean;
}

/** Checkpointing of one run, given to `startJob` by its host (a worker, the CLI, a test). */
export interface CheckpointingOptions {
  /** Where this run's checkpoints go (a deployment's own folder); the checkpoint folders are `chk-<n>`. */
  storage: CheckpointStorage;
  /** Where savepoints go (`sp-<n>-<time>` folders); `storage` when absent. */
  savepointStorage?: CheckpointStorage;
  /** The host's choices, over the SQL's SET (`execution.checkpointing.*`) and the defaults. */
  config?: Partial<CheckpointConfig>;
  restore?: RestoreRequest;
  /**
   * Called before a checkpoint is declared complete and before sinks commit; throws when this run
   * was superseded by a newer attempt (fencing), which fails the run without committing.
   */
  fence?: () => Promise<void>;
  /** Each completed, failed or discarded checkpoint and savepoint. */
  onCheckpoint?: (result: CheckpointResult) => void;
  /** Recorded in savepoints: which job version wrote them. */
  jobVersion?: number;
}
