import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseScript } from '../../sql/parse';
import type { UserFunctionOptions } from './user-function-catalog';
import { isModuleIdentifier, parseModuleIdentifier } from './module-identifier';
import type { UserFunction } from './user-function';

/**
 * Imports the modules named by CREATE FUNCTION statements of a script (the asynchronous pre-pass
 * of compileJobAsync). Returns options whose `functions` hold the loaded exports by identifier and
 * whose `loadErrors` say why a module could not be used; the binder reports those at the identifier.
 */
export async function loadUserFunctions(sql: string, options: UserFunctionOptions): Promise<UserFunctionOptions> {
  const functions: Record<string, UserFunction> = { ...options.functions };
  const loadErrors: Record<string, string> = { ...options.loadErrors };
  for (const statement of parseScript(sql).statements) {
    if (statement.kind !== 'createFunction' || !isModuleIdentifier(statement.className) || statement.className in functions) continue;
    const module = parseModuleIdentifier(statement.className, options.baseDir ?? process.cwd());
    if (!existsSync(module.path)) continue;
    try {
      const exports = (await import(pathToFileURL(module.path).href)) as Record<string, unknown>;
      const value = exports[module.exportName];
      if (value === undefined) loadErrors[statement.className] = `module ${module.path} has no export '${module.exportName}'`;
      else functions[statement.className] = value as UserFunction;
    } catch (error) {
      loadErrors[statement.className] = `importing ${module.path} failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { ...options, functions, loadErrors };
}
