import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EngineError } from '../../errors';
import { parseModuleIdentifier } from './module-identifier';
import { normalizeUserFunction, type UserFunction } from './user-function';

/**
 * Imports the functions a mapping names (`com.github.nexmark.flink.udf.CountChar` →
 * `./udf/count-char.ts#countChar`, relative to `baseDir`), keyed by the identifier CREATE FUNCTION
 * uses, so a Flink job naming a Java class runs unchanged. Throws UDF_LOAD_FAILED naming the entry.
 */
export async function loadFunctionMapping(mapping: Record<string, string>, baseDir: string): Promise<Record<string, UserFunction>> {
  const functions: Record<string, UserFunction> = {};
  for (const [identifier, target] of Object.entries(mapping)) {
    const module = parseModuleIdentifier(target, baseDir);
    const fail = (reason: string): never => {
      throw new EngineError(`cannot load function '${identifier}' from '${target}': ${reason}`, { code: 'UDF_LOAD_FAILED', domain: 'user', details: { identifier, target } });
    };
    if (!existsSync(module.path)) fail(`module file ${module.path} does not exist`);
    let exports: Record<string, unknown> = {};
    try {
      exports = (await import(pathToFileURL(module.path).href)) as Record<string, unknown>;
    } catch (error) {
      fail(`importing it failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const value = exports[module.exportName];
    if (value === undefined) fail(`the module has no export '${module.exportName}'`);
    const normalized = normalizeUserFunction(value);
    if (typeof normalized === 'string') fail(normalized);
    functions[identifier] = value as UserFunction;
  }
  return functions;
}
