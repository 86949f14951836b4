import { EngineError } from '../errors';
import { didYouMean } from '../sql/suggest';
import { blackholeConnector } from './blackhole/blackhole-connector';
import type { Connector, ConnectorProblem, ConnectorTable, TableRole } from './connector';
import { datagenConnector } from './datagen/datagen-connector';
import { filesystemConnector } from './filesystem/filesystem-connector';
import { nexmarkConnector } from './nexmark/nexmark-connector';
import { printConnector } from './print/print-connector';

/** Connectors by name; packages outside the engine register theirs here. */
export class ConnectorRegistry {
  private readonly connectors = new Map<string, Connector>();

  /** Adds or replaces a connector. */
  register(connector: Connector): this {
    this.connectors.set(connector.name, connector);
    return this;
  }

  get(name: string): Connector | undefined {
    return this.connectors.get(name);
  }

  /** The connector or an EngineError (for plans built elsewhere that name a missing connector). */
  require(name: string): Connector {
    const connector = this.connectors.get(name);
    if (!connector) throw new EngineError(`unknown connector '${name}'`, { code: 'CONNECTOR_NOT_FOUND', domain: 'user' });
    return connector;
  }

  names(): string[] {
    return [...this.connectors.keys()];
  }
}

/** A registry holding the built-in connectors: datagen, nexmark, filesystem, print, blackhole. */
export function builtinConnectors(): ConnectorRegistry {
  return new ConnectorRegistry().register(datagenConnector).register(nexmarkConnector).register(filesystemConnector).register(printConnector).register(blackholeConnector);
}

/** Checks a table's options against a connector: required, unknown, then the connector's own rules. */
export function checkConnectorOptions(connector: Connector, table: ConnectorTable, role: TableRole): ConnectorProblem[] {
  const problems: ConnectorProblem[] = [];
  const can = role === 'source' ? connector.createSource : role === 'sink' ? connector.createSink : connector.createLookup;
  if (!can) problems.push({ code: 'CONNECTOR_ROLE', message: `connector '${connector.name}' cannot be used as a ${role === 'lookup' ? 'lookup table' : role}`, option: 'connector' });
  for (const key of connector.requiredOptions) {
    if (!(key in table.options)) problems.push({ code: 'OPTION_MISSING', message: `missing required option '${key}' for connector '${connector.name}'` });
  }
  const known = new Set(['connector', ...connector.requiredOptions, ...connector.optionalOptions]);
  for (const key of Object.keys(table.options)) {
    if (known.has(key) || connector.optionPatterns?.some((pattern) => pattern.test(key))) continue;
    problems.push({ code: 'OPTION_UNSUPPORTED', message: `unsupported option '${key}' for connector '${connector.name}'${didYouMean(key, known)}`, option: key });
  }
  if (problems.length === 0 && connector.validate) problems.push(...connector.validate(table, role));
  return problems;
}
