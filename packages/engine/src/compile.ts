import { builtinConnectors, type ConnectorRegistry } from './connectors/connector-registry';
import { EngineError, SqlError } from './errors';
import { buildPhysicalPlan, explainPlan, type PhysicalPlanJson } from './plan/physical-plan';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from './sql/diagnostic';
import { parseScript } from './sql/parse';
import { ScriptBinder, type BoundScript } from './sql/script-binder';
import { loadUserFunctions } from './functions/udf/load-user-functions';
import { UserFunctionCatalog, type UserFunctionOptions } from './functions/udf/user-function-catalog';
import type { UserFunction } from './functions/udf/user-function';
import type { ExternalCatalog } from './sql/external-catalog';

export interface CompileOptions {
  /** Session configuration applied before the script, as SET statements would. */
  set?: Record<string, string>;
  /** Connectors available to the script; the built-ins by default. */
  connectors?: ConnectorRegistry;
  /**
   * User-defined scalar functions by CREATE FUNCTION identifier (e.g. a Java class name such as
   * 'com.github.nexmark.flink.udf.CountChar') or by function name.
   */
  functions?: Record<string, UserFunction>;
  /** Directory that relative module identifiers of CREATE FUNCTION resolve against (the SQL file's). */
  baseDir?: string;
  /** Tables the script may use by name without declaring them (the workspace catalog, JDBC catalogs). */
  catalog?: ExternalCatalog;
  /**
   * Functions callable by name without CREATE FUNCTION (a workspace's registered functions): SQL
   * name → the identifier their implementation has in `functions`. A script's CREATE FUNCTION of
   * the same name replaces one.
   */
  catalogFunctions?: Record<string, string>;
}

/** A job ready to run: its serializable physical plan. */
export interface CompiledJob {
  readonly plan: PhysicalPlanJson;
  explain(): string;
}

function analyze(sql: string, options: CompileOptions & UserFunctionOptions, requireLoaded: boolean): { diagnostics: Diagnostic[]; bound: BoundScript } {
  const sink = new DiagnosticSink();
  const script = parseScript(sql, sink);
  const userFunctions = new UserFunctionCatalog({ functions: options.functions, baseDir: options.baseDir, loadErrors: options.loadErrors, requireLoaded });
  userFunctions.declareCatalogFunctions(options.catalogFunctions ?? {}, sink);
  const bound = new ScriptBinder(sink, options.connectors ?? builtinConnectors(), { ...options.set }, userFunctions, options.catalog).bind(script);
  return { diagnostics: sortDiagnostics(sink.items), bound };
}

/** Validates a SQL script without running it. Never throws for bad SQL: returns diagnostics. */
export function validateSql(sql: string, options: CompileOptions = {}): Diagnostic[] {
  return analyze(sql, options, false).diagnostics;
}

/** Wraps a stored physical plan (e.g. loaded by a worker) as a runnable job. */
export function jobFromPlan(plan: PhysicalPlanJson): CompiledJob {
  return { plan, explain: () => explainPlan(plan) };
}

/** Compiles a script to a runnable job; throws SqlError (which has .diagnostics) when invalid. */
export function compileJob(sql: string, options: CompileOptions = {}): CompiledJob {
  return compileAnalyzed(sql, options);
}

/**
 * Like compileJob, after importing the JavaScript/TypeScript modules that CREATE FUNCTION
 * statements name (`'./udf/count-char.ts#countChar'`, relative to `baseDir`).
 */
export async function compileJobAsync(sql: string, options: CompileOptions = {}): Promise<CompiledJob> {
  return compileAnalyzed(sql, { ...options, ...(await loadUserFunctions(sql, options)) });
}

function compileAnalyzed(sql: string, options: CompileOptions & UserFunctionOptions): CompiledJob {
  const { diagnostics, bound } = analyze(sql, options, true);
  if (diagnostics.some((d) => d.severity === 'error')) throw new SqlError(diagnostics);
  if (bound.sinkCount === 0) {
    throw new EngineError('the script has no INSERT INTO statement, so there is nothing to run', { code: 'NO_SINK', domain: 'user' });
  }
  return jobFromPlan(buildPhysicalPlan(bound.plan));
}
