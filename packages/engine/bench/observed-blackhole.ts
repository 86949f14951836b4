import { builtinConnectors, type ConnectorRegistry } from '../src/connectors/connector-registry';
import type { SinkWriter } from '../src/connectors/connector';
import { ROW_KIND_SHORT, type RowBatch, type RowKinds } from '../src/runtime/row';
import type { TimedDigest } from './timed-digest';
import { UpsertMaterializer } from './upsert-materializer';

/** Passes every batch a sink receives, with its row kinds, to a timed digest (through upsert keys, if any). */
class ObservingSinkWriter implements SinkWriter {
  private readonly upsert: UpsertMaterializer | null;

  constructor(
    private readonly observer: TimedDigest,
    upsertKeys: number[] | undefined,
  ) {
    this.upsert = upsertKeys ? new UpsertMaterializer(upsertKeys, observer.target) : null;
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    const shortKinds = kinds ? kinds.map((kind) => ROW_KIND_SHORT[kind]) : null;
    if (this.upsert) this.observer.emitBatchThrough(this.upsert, rows, shortKinds);
    else this.observer.emitBatch(rows, shortKinds);
  }

  finish(): void {}
}

/**
 * The built-in connectors with `blackhole` still discarding rows but showing them to `observer`
 * first: the bench digests a query's output without changing its text. An upsert stream (the
 * planner gives the sink upsert keys) is materialized by key, as the table it stands for. Everything else about
 * the connector (options, changelog mode) stays the built-in one's.
 */
export function observedBlackholeConnectors(observer: TimedDigest): ConnectorRegistry {
  const registry = builtinConnectors();
  const blackhole = registry.require('blackhole');
  return registry.register({ ...blackhole, createSink: (table) => new ObservingSinkWriter(observer, table.upsertKeys) });
}
