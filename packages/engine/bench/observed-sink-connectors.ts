import { builtinConnectors, type ConnectorRegistry } from '../src/connectors/connector-registry';
import type { SinkWriter } from '../src/connectors/connector';
import { ROW_KIND_SHORT, type RowBatch, type RowKinds } from '../src/runtime/row';
import type { TimedDigest } from './timed-digest';
import { UpsertMaterializer } from './upsert-materializer';

/** Shows every batch a sink receives, with its row kinds, to a timed digest (through upsert keys, if any), then writes it. */
class ObservingSinkWriter implements SinkWriter {
  private readonly upsert: UpsertMaterializer | null;

  constructor(
    private readonly observer: TimedDigest,
    upsertKeys: number[] | undefined,
    private readonly writer: SinkWriter,
  ) {
    this.upsert = upsertKeys ? new UpsertMaterializer(upsertKeys, observer.target) : null;
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    const shortKinds = kinds ? kinds.map((kind) => ROW_KIND_SHORT[kind]) : null;
    if (this.upsert) this.observer.emitBatchThrough(this.upsert, rows, shortKinds);
    else this.observer.emitBatch(rows, shortKinds);
    this.writer.write(rows, kinds);
  }

  finish(): void {
    this.writer.finish();
  }

  pending(): Promise<void> | null {
    return this.writer.pending?.() ?? null;
  }
}

/**
 * The built-in connectors with every sink (blackhole, or q10's filesystem) showing its rows to
 * `observer` before writing them as usual: the bench digests a query's output without changing
 * its text. An upsert stream (the planner gives the sink upsert keys) is materialized by key, as
 * the table it stands for.
 */
export function observedSinkConnectors(observer: TimedDigest): ConnectorRegistry {
  const registry = builtinConnectors();
  for (const name of registry.names()) {
    const connector = registry.require(name);
    const createSink = connector.createSink;
    if (!createSink) continue;
    registry.register({ ...connector, createSink: (table, context) => new ObservingSinkWriter(observer, table.upsertKeys, createSink(table, context)) });
  }
  return registry;
}
