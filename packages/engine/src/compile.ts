import { builtinConnectors, type ConnectorRegistry } from './connectors/connector-registry';
import { EngineError, SqlError } from './errors';
import { buildPhysicalPlan, explainPlan, type PhysicalPlanJson } from './plan/physical-plan';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from './sql/diagnostic';
import { parseScript } from './sql/parse';
import { ScriptBinder, type BoundScript } from './sql/script-binder';

export interface CompileOptions {
  /** Session configuration applied before the script, as SET statements would. */
  set?: Record<string, string>;
  /** Connectors available to the script; the built-ins by default. */
  connectors?: ConnectorRegistry;
}

/** A job ready to run: its serializable physical plan. */
export interface CompiledJob {
  readonly plan: PhysicalPlanJson;
  explain(): string;
}

function analyze(sql: string, options: CompileOptions): { diagnostics: Diagnostic[]; bound: BoundScript } {
  const sink = new DiagnosticSink();
  const script = parseScript(sql, sink);
  const bound = new ScriptBinder(sink, options.connectors ?? builtinConnectors(), { ...options.set }).bind(script);
  return { diagnostics: sortDiagnostics(sink.items), bound };
}

/** Validates a SQL script without running it. Never throws for bad SQL: returns diagnostics. */
export function validateSql(sql: string, options: CompileOptions = {}): Diagnostic[] {
  return analyze(sql, options).diagnostics;
}

/** Wraps a stored physical plan (e.g. loaded by a worker) as a runnable job. */
export function jobFromPlan(plan: PhysicalPlanJson): CompiledJob {
  return { plan, explain: () => explainPlan(plan) };
}

/** Compiles a script to a runnable job; throws SqlError (which has .diagnostics) when invalid. */
export function compileJob(sql: string, options: CompileOptions = {}): CompiledJob {
  const { diagnostics, bound } = analyze(sql, options);
  if (diagnostics.some((d) => d.severity === 'error')) throw new SqlError(diagnostics);
  if (bound.sinkCount === 0) {
    throw new EngineError('the script has no INSERT INTO statement, so there is nothing to run', { code: 'NO_SINK', domain: 'user' });
  }
  return jobFromPlan(buildPhysicalPlan(bound.plan));
}
