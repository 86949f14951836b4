import { builtinConnectors, type ConnectorRegistry } from '../connectors/connector-registry';
import { EngineError } from '../errors';

/** The package whose connectors the CLI adds when it is installed beside the engine (the monorepo). */
const DEFAULT_PLUGIN = '@weir/connectors';

/**
 * The CLI's connectors: the built-ins plus each plugin module in `WEIR_CONNECTOR_PLUGINS`
 * (comma-separated; `@weir/connectors` by default), which must export
 * `registerConnectors(registry)`. The engine depends on no plugin: a missing default is skipped,
 * a missing plugin that was named is an error.
 */
export async function loadConnectorPlugins(env: NodeJS.ProcessEnv = process.env): Promise<ConnectorRegistry> {
  const registry = builtinConnectors();
  const named = env.WEIR_CONNECTOR_PLUGINS;
  const modules = (named ?? DEFAULT_PLUGIN).split(',').map((m) => m.trim()).filter(Boolean);
  for (const specifier of modules) {
    let plugin: { registerConnectors?: unknown };
    try {
      plugin = (await import(specifier)) as { registerConnectors?: unknown };
    } catch (error) {
      if (named === undefined && (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(specifier)) continue;
      throw new EngineError(`cannot load connector plugin '${specifier}' (WEIR_CONNECTOR_PLUGINS): ${(error as Error).message}`, { code: 'CLI_USAGE', domain: 'user', cause: error });
    }
    if (typeof plugin.registerConnectors !== 'function') {
      throw new EngineError(`connector plugin '${specifier}' exports no registerConnectors(registry) function`, { code: 'CLI_USAGE', domain: 'user' });
    }
    (plugin.registerConnectors as (r: ConnectorRegistry) => void)(registry);
  }
  return registry;
}
