import { builtinConnectors, type ConnectorRegistry } from '../src/connectors/connector-registry';
import type { SinkWriter } from '../src/connectors/connector';
import { ROW_KIND_SHORT, type RowBatch, type RowKinds } from '../src/runtime/row';
import type { TimedDigest } from './timed-digest';

/** Passes every batch a sink receives, with its row kinds, to a timed digest. */
class ObservingSinkWriter implements SinkWriter {
  constructor(private readonly observer: TimedDigest) {}

  write(rows: RowBatch, kinds?: RowKinds): void {
    this.observer.emitBatch(rows, kinds ? kinds.map((kind) => ROW_KIND_SHORT[kind]) : null);
  }

  finish(): void {}
}

/**
 * The built-in connectors with `blackhole` still discarding rows but showing them to `observer`
 * first: the bench digests a query's output without changing its text. Everything else about
 * the connector (options, changelog mode) stays the built-in one's.
 */
export function observedBlackholeConnectors(observer: TimedDigest): ConnectorRegistry {
  const registry = builtinConnectors();
  const blackhole = registry.require('blackhole');
  return registry.register({ ...blackhole, createSink: () => new ObservingSinkWriter(observer) });
}
