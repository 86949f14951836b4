import type { ConnectorRegistry } from '../src/connectors/connector-registry';
import type { SourceReader } from '../src/connectors/connector';

/** `registry` with every connector's source readers passed through `wrap` as they are created. */
export function wrapSources(registry: ConnectorRegistry, wrap: (reader: SourceReader) => SourceReader): ConnectorRegistry {
  for (const name of registry.names()) {
    const connector = registry.require(name);
    const createSource = connector.createSource;
    if (!createSource) continue;
    registry.register({ ...connector, createSource: (table, context) => wrap(createSource(table, context)) });
  }
  return registry;
}
