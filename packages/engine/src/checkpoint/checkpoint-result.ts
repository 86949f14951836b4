/** State one operator wrote into a checkpoint. */
export interface OperatorStateSize {
  operatorId: string;
  name: string;
  /** Bytes this checkpoint wrote for the operator (its delta when incremental). */
  sizeBytes: number;
  /** Bytes of the operator's whole state (the chain's sum when incremental). */
  fullSizeBytes: number;
}

/** What became of one checkpoint or savepoint, as the engine reports it to its host. */
export interface CheckpointResult {
  checkpointId: number;
  kind: 'CHECKPOINT' | 'SAVEPOINT';
  /** DISCARDED: an older completed checkpoint deleted because newer ones are retained. */
  status: 'COMPLETED' | 'FAILED' | 'DISCARDED';
  incremental: boolean;
  /** Epoch ms. */
  triggeredAt: number;
  completedAt?: number;
  durationMs?: number;
  fullSizeBytes?: number;
  incrementalSizeBytes?: number;
  operators: OperatorStateSize[];
  /** URI of the snapshot folder. */
  location?: string;
  error?: string;
}

/** The snapshot a run started from. */
export interface RestoredFrom {
  checkpointId: number;
  kind: 'CHECKPOINT' | 'SAVEPOINT';
  location: string;
}
