import type { PhysicalEdge } from '../plan/physical-plan';
import { partitionByHash } from './hash-partitioner';
import type { Output } from './operator';
import type { RowBatch, RowKinds } from './row';
import { estimateBatchBytes } from './row-size';
import type { EdgeOutput, Subtask, VertexAccount } from './subtask';

/**
 * Routes what subtask `index` of an edge's source emits to the edge's target subtasks by the
 * edge's partitioning, counting bytes on both vertices and feeding watermarks and idleness into
 * each target's valve on input `channel`.
 */
export function createEdgeRoute(edge: PhysicalEdge, index: number, targets: Subtask[], channel: number, sender: VertexAccount): EdgeOutput {
  const entryOf = (t: Subtask): Output => (edge.targetInput === 1 ? (t.input2 as Output) : t.input);
  const reached = edge.partitioning === 'forward' ? [targets[index]] : targets;
  const deliver = (target: Subtask, batch: RowBatch, kinds: RowKinds | undefined): void => {
    const bytes = estimateBatchBytes(batch);
    sender.bytesOut += bytes;
    target.busy.bytesIn += bytes;
    entryOf(target).emit(batch, kinds);
  };
  const forward = (target: Subtask, watermark: number | undefined): void => {
    if (watermark !== undefined) target.input.emitWatermark(watermark);
  };
  const emitWatermark = (watermark: number): void => reached.forEach((t) => forward(t, t.valve.receive(channel, watermark)));
  const setIdle = (idle: boolean): void => reached.forEach((t) => forward(t, t.valve.setIdle(channel, idle)));
  let next = index;
  switch (edge.partitioning) {
    case 'forward':
      return { emit: (batch, kinds) => deliver(targets[index], batch, kinds), emitWatermark, setIdle };
    case 'broadcast':
      return { emit: (batch, kinds) => targets.forEach((t) => deliver(t, batch, kinds)), emitWatermark, setIdle };
    case 'rebalance':
      // Record by record round-robin, as Flink's RebalancePartitioner, starting after this subtask.
      return {
        emit: (batch, kinds) => {
          const parts: RowBatch[] = targets.map(() => []);
          const partKinds: RowKinds[] = targets.map(() => []);
          for (let i = 0; i < batch.length; i++) {
            next = (next + 1) % targets.length;
            parts[next].push(batch[i]);
            if (kinds) partKinds[next].push(kinds[i]);
          }
          parts.forEach((part, i) => part.length > 0 && deliver(targets[i], part, kinds ? partKinds[i] : undefined));
        },
        emitWatermark,
        setIdle,
      };
    case 'hash': {
      const keys = edge.keys ?? [];
      if (targets.length === 1) return { emit: (batch, kinds) => deliver(targets[0], batch, kinds), emitWatermark, setIdle };
      return {
        emit: (batch, kinds) => partitionByHash(batch, kinds, keys, targets.length).forEach((part, i) => part.rows.length > 0 && deliver(targets[i], part.rows, part.kinds)),
        emitWatermark,
        setIdle,
      };
    }
  }
}
