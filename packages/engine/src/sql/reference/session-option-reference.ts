import { CHECKPOINT_OPTIONS } from '../../checkpoint/checkpoint-config';
import { STATE_TTL_OPTION } from '../../runtime/state-ttl';

/** A `SET 'key' = 'value'` the engine reads, as the editor offers it. */
export interface SessionOptionReference {
  key: string;
  doc: string;
  values?: string[];
  example: string;
}

const BOOLEAN = ['true', 'false'];

/** The session options the engine reads; other keys are kept and ignored, as Flink keeps them. */
export function sessionOptionReference(): SessionOptionReference[] {
  return [
    { key: 'parallelism.default', doc: 'Subtasks per operator unless the job says otherwise.', example: '2' },
    { key: 'table.exec.resource.default-parallelism', doc: 'Subtasks per operator; wins over parallelism.default.', example: '2' },
    { key: STATE_TTL_OPTION, doc: 'Keyed state idle this long is dropped; 0 keeps it forever.', example: '1 h' },
    { key: 'table.exec.source.idle-timeout', doc: 'A source silent this long stops holding back watermarks.', example: '30 s' },
    { key: 'pipeline.auto-watermark-interval', doc: 'At most one watermark per interval from each source.', example: '200 ms' },
    { key: 'table.exec.mini-batch.enabled', doc: 'Buffers input to aggregate it in batches (needed for two-phase aggregation).', values: BOOLEAN, example: 'true' },
    { key: 'table.exec.mini-batch.allow-latency', doc: 'How long a mini-batch may wait before it is flushed.', example: '1 s' },
    { key: 'table.exec.mini-batch.size', doc: 'Rows a mini-batch holds before it is flushed.', example: '1000' },
    { key: 'table.optimizer.agg-phase-strategy', doc: 'Splits aggregations into a local and a global phase to spread hot keys.', values: ['AUTO', 'ONE_PHASE', 'TWO_PHASE'], example: 'TWO_PHASE' },
    { key: CHECKPOINT_OPTIONS.interval, doc: 'Time between checkpoints; 0 turns checkpointing off.', example: '10 s' },
    { key: CHECKPOINT_OPTIONS.mode, doc: 'Whether a checkpoint aligns barriers (exactly once) or not.', values: ['EXACTLY_ONCE', 'AT_LEAST_ONCE'], example: 'EXACTLY_ONCE' },
    { key: CHECKPOINT_OPTIONS.timeout, doc: 'A checkpoint not complete after this long is abandoned.', example: '10 min' },
    { key: CHECKPOINT_OPTIONS.minPause, doc: 'Least time between the end of one checkpoint and the start of the next.', example: '0 ms' },
    { key: CHECKPOINT_OPTIONS.dir, doc: 'Where checkpoints are written.', example: 'file:///var/lib/weir/checkpoints' },
    { key: CHECKPOINT_OPTIONS.savepointDir, doc: 'Where savepoints are written by default.', example: 'file:///var/lib/weir/savepoints' },
    { key: CHECKPOINT_OPTIONS.numRetained, doc: 'Completed checkpoints kept.', example: '1' },
    { key: CHECKPOINT_OPTIONS.incremental, doc: 'Writes only the state changed since the previous checkpoint.', values: BOOLEAN, example: 'true' },
    { key: CHECKPOINT_OPTIONS.maxChainLength, doc: 'Incremental checkpoints in a row before a full one.', example: '10' },
  ];
}
