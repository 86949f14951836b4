import type { Connector, TableRole } from '../../connectors/connector';
import type { ConnectorRegistry } from '../../connectors/connector-registry';

/** One option a connector accepts inside WITH. */
export interface ConnectorOptionReference {
  key: string;
  required: boolean;
  values?: string[];
}

/** A connector as the editor offers it: its roles, options and the values of those with a fixed set. */
export interface ConnectorReference {
  name: string;
  roles: TableRole[];
  options: ConnectorOptionReference[];
  optionPatterns: string[];
}

// Flink's lookup options, shared by every connector with dimension tables.
const LOOKUP_VALUES: Readonly<Record<string, readonly string[]>> = {
  'lookup.cache': ['NONE', 'PARTIAL', 'FULL'],
  'lookup.full-cache.reload-strategy': ['PERIODIC', 'TIMED'],
  'lookup.partial-cache.cache-missing-key': ['true', 'false'],
  'lookup.async': ['true', 'false'],
};

/** Every connector of `registry`, sorted by name. */
export function connectorReference(registry: ConnectorRegistry): ConnectorReference[] {
  return registry.names().sort().map((name) => describeConnector(registry.require(name)));
}

function describeConnector(connector: Connector): ConnectorReference {
  const roles: TableRole[] = [];
  if (connector.createSource) roles.push('source');
  if (connector.createSink) roles.push('sink');
  if (connector.createLookup) roles.push('lookup');
  const values = { ...LOOKUP_VALUES, ...connector.optionValues };
  const option = (key: string, required: boolean): ConnectorOptionReference => (values[key] ? { key, required, values: [...values[key]] } : { key, required });
  const optional = connector.optionalOptions.filter((key) => !connector.requiredOptions.includes(key));
  return {
    name: connector.name,
    roles,
    options: [...connector.requiredOptions.map((key) => option(key, true)), ...[...new Set(optional)].map((key) => option(key, false))],
    optionPatterns: (connector.optionPatterns ?? []).flatMap(patternTexts),
  };
}

// `^fields\.(.+)\.(kind|min)$` reads as `fields.#.kind` and `fields.#.min`: a part the user names
// becomes '#', a group of literal alternatives one text each.
function patternTexts(pattern: RegExp): string[] {
  const source = pattern.source.replace(/^\^|\$$/g, '');
  const choice = /\(((?:[\w-]+\|)+[\w-]+)\)/.exec(source);
  if (choice) {
    return choice[1].split('|').flatMap((word) => patternTexts(new RegExp(source.slice(0, choice.index) + word + source.slice(choice.index + choice[0].length))));
  }
  return [source.replace(/\((?:\?:)?[^)]*\)[+*]?|\[[^\]]*\][+*]?|\.[+*]/g, '#').replace(/\\\./g, '.')];
}
