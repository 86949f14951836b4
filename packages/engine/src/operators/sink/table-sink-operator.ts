import { EngineError } from '../../errors';
import type { SinkWriter } from '../../connectors/connector';
import type { TableSinkConfig } from '../../plan/logical-plan';
import type { OperatorFactory, OperatorMetrics, StreamOperator } from '../../runtime/operator';
import type { RowBatch, RowKinds } from '../../runtime/row';

/** Hands rows to a connector's sink writer (plan kind `table_sink`); recordsOut counts rows written. */
export class TableSinkOperator implements StreamOperator {
  constructor(
    private readonly writer: SinkWriter,
    private readonly metrics: OperatorMetrics,
  ) {}

  processBatch(batch: RowBatch, kinds?: RowKinds): void {
    this.metrics.recordsIn += batch.length;
    this.writer.write(batch, kinds);
    this.metrics.recordsOut += batch.length;
  }

  finish(): void {
    this.writer.finish();
  }

  prepareSnapshot(): void {
    this.writer.prepareSnapshot?.();
  }

  pending(): Promise<void> | null {
    return this.writer.pending?.() ?? null;
  }

  preCommit(checkpointId: number): unknown {
    return this.writer.preCommit?.(checkpointId);
  }

  async commit(committables: unknown[]): Promise<void> {
    await this.writer.commit?.(committables);
  }

  async recover(committables: unknown[]): Promise<void> {
    await this.writer.recover?.(committables);
  }

  async close(): Promise<void> {
    await this.writer.close?.();
  }
}

export const createTableSinkOperator: OperatorFactory = (operator, context, _output, metrics) => {
  const config = operator.config as TableSinkConfig;
  const connector = context.connectors.require(config.connector);
  if (!connector.createSink) throw new EngineError(`connector '${config.connector}' cannot be a sink`, { code: 'CONNECTOR_ROLE', domain: 'user' });
  const writer = connector.createSink({ table: config.table, options: config.options, fields: config.fields, partitionKeys: config.partitionKeys, upsertKeys: config.upsertKeys, primaryKey: config.primaryKey }, context);
  return new TableSinkOperator(writer, metrics);
};
