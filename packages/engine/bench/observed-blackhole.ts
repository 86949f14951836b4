import { builtinConnectors, type ConnectorRegistry } from '../src/connectors/connector-registry';
import type { SinkWriter } from '../src/connectors/connector';
import { ROW_KIND_SHORT, type RowBatch, type RowKinds } from '../src/runtime/row';
import type { ChangelogSink } from './oracles/changelog-sink';

/** Passes every row a sink receives, with its kind, to a changelog sink (a digest). */
class ObservingSinkWriter implements SinkWriter {
  constructor(private readonly observer: ChangelogSink) {}

  write(rows: RowBatch, kinds?: RowKinds): void {
    for (let i = 0; i < rows.length; i++) this.observer.emit(kinds ? ROW_KIND_SHORT[kinds[i]] : '+I', rows[i]);
  }

  finish(): void {}
}

/**
 * The built-in connectors with `blackhole` still discarding rows but showing them to `observer`
 * first: the bench digests a query's output without changing its text. Everything else about
 * the connector (options, changelog mode) stays the built-in one's.
 */
export function observedBlackholeConnectors(observer: ChangelogSink): ConnectorRegistry {
  const registry = builtinConnectors();
  const blackhole = registry.require('blackhole');
  return registry.register({ ...blackhole, createSink: () => new ObservingSinkWriter(observer) });
}
