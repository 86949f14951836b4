import { compileJob, validateSql, SqlError, type CompiledJob, type ExternalCatalog } from '@weir/engine';
import { WeirError, type PinnedFunctions, type SqlDiagnostic, type UserFunctionSource } from '@weir/contracts';
import { allConnectors } from '@weir/connectors';
import { typeStubs } from './job-functions';

/** Every connector a worker runs, so validation knows their options as a run does. */
const connectors = allConnectors();

/** What a script is checked against beyond its own text: the workspace's tables and functions. */
export interface SqlEnvironment {
  catalog?: ExternalCatalog;
  functions?: PinnedFunctions;
}

/** A job version's functions with the workspace's: the version's own win where both have an identifier. */
export function mergeFunctions(own: UserFunctionSource[], workspace: PinnedFunctions | undefined): UserFunctionSource[] {
  const mine = new Set(own.map((fn) => fn.identifier));
  return [...own, ...(workspace?.sources ?? []).filter((fn) => !mine.has(fn.identifier))];
}

/**
 * The workspace functions a script may call: those it names (by SQL name, or by class name in a
 * CREATE FUNCTION). A deployment pins only these, so a job that calls none needs no sandbox.
 */
export function functionsUsedBy(sql: string, workspace: PinnedFunctions): PinnedFunctions {
  const words = new Set((sql.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).map((w) => w.toLowerCase()));
  const names = Object.fromEntries(Object.entries(workspace.names).filter(([name, identifier]) => words.has(name.toLowerCase()) || sql.includes(`'${identifier}'`)));
  const identifiers = new Set(Object.values(names));
  return { names, sources: workspace.sources.filter((fn) => identifiers.has(fn.identifier)) };
}

function compileOptions(functions: UserFunctionSource[], env: SqlEnvironment) {
  return { connectors, functions: typeStubs(mergeFunctions(functions, env.functions)), catalog: env.catalog, catalogFunctions: env.functions?.names };
}

/** Diagnostics of a script and its user functions from the engine's own validator (the same one a run uses). */
export function diagnose(sql: string, functions: UserFunctionSource[] = [], env: SqlEnvironment = {}): SqlDiagnostic[] {
  return validateSql(sql, compileOptions(functions, env)).map((d) => ({ ...d }));
}

/** Compiles a script for deployment; invalid SQL becomes SQL_INVALID with its diagnostics. */
export function compileForDeploy(sql: string, functions: UserFunctionSource[] = [], env: SqlEnvironment = {}): CompiledJob {
  try {
    return compileJob(sql, compileOptions(functions, env));
  } catch (error) {
    if (error instanceof SqlError) {
      const first = error.diagnostics[0];
      const where = first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : '';
      throw new WeirError('SQL_INVALID', `the job's SQL is invalid${where}`, {
        details: { diagnostics: error.diagnostics },
        cause: error,
      });
    }
    throw error;
  }
}
