import type { SourceReader } from '../connectors/connector';
import type { PhysicalVertex } from '../plan/physical-plan';
import type { BusyAccount } from './busy-timer';
import type { Output, StreamOperator } from './operator';
import type { WatermarkFunction } from './watermark-generator';
import type { WatermarkValve } from './watermark-valve';

/** Cumulative counters of one vertex, over all its subtasks. */
export interface VertexAccount extends BusyAccount {
  /** Estimated bytes received over incoming edges and sent over outgoing ones (`estimateBatchBytes`). */
  bytesIn: number;
  bytesOut: number;
  /** Time the runner waited on a pending() operator in this vertex or downstream of it, ms. */
  backPressuredTimeMs: number;
}

/** What an edge delivers to a downstream subtask: batches, watermarks and idleness per input channel. */
export interface EdgeOutput extends Output {
  setIdle(idle: boolean): void;
}

/** One parallel instance of a vertex: its chained operators, input channels and source state. */
export interface Subtask {
  vertex: PhysicalVertex;
  index: number;
  reader?: SourceReader;
  watermarkOf?: WatermarkFunction;
  /** Highest watermark the source's rows gave, and the highest one sent downstream (and when). */
  pendingWatermark: number;
  sourceWatermark: number;
  watermarkSentAtMs: number;
  lastActiveMs: number;
  idle: boolean;
  /** Entry of the chain: the first operator, or the outgoing edges when the vertex is only a source. */
  input: Output;
  /** The second input of a two-input head operator (a join's right side). */
  input2?: Output;
  tail: EdgeOutput;
  operators: StreamOperator[];
  timed: StreamOperator[];
  /** Combines the watermarks of the input channels (one per upstream subtask and edge). */
  valve: WatermarkValve;
  busy: VertexAccount;
  openInputs: number;
  finished: boolean;
  nextPollAtMs: number;
}
