import type { PlanExpr } from '../../plan/plan-expr';
import { ExpressionCompiler } from '../../runtime/expression-compiler';
import { expressionHelpers } from '../../runtime/expression-helpers';
import type { Expr } from '../../sql/ast';
import { formatType, type DataType } from '../../sql/data-type';
import { DiagnosticSink } from '../../sql/diagnostic';
import { BindAbort, ExpressionBinder } from '../../sql/expression-binder';
import { parseScript } from '../../sql/parse';
import { Scope } from '../../sql/scope';
import { UserFunctionCatalog } from '../udf/user-function-catalog';

/** Columns every test expression can read: typed NULLs and a few values. */
const COLUMNS: { name: string; type: DataType; value: unknown }[] = [
  { name: 's', type: { kind: 'VARCHAR', length: 2147483647, nullable: true }, value: 'Hello World' },
  { name: 'ns', type: { kind: 'VARCHAR', length: 2147483647, nullable: true }, value: null },
  { name: 'i', type: { kind: 'INT', nullable: true }, value: 42 },
  { name: 'ni', type: { kind: 'INT', nullable: true }, value: null },
  { name: 'd', type: { kind: 'DECIMAL', precision: 10, scale: 2, nullable: true }, value: 12345 },
  { name: 'ts', type: { kind: 'TIMESTAMP', precision: 3, nullable: true }, value: Date.UTC(2024, 0, 15, 10, 30, 45, 123) },
  { name: 'r', type: { kind: 'ROW', fields: [{ name: 'f', type: { kind: 'INT', nullable: true } }], nullable: true }, value: [7] },
  { name: 'nts', type: { kind: 'TIMESTAMP', precision: 3, nullable: true }, value: null },
];

/** The outcome of evaluating one SQL expression: its value and type, or the binder's error message. */
export interface Evaluation {
  value?: unknown;
  type?: string;
  error?: string;
  /** The message of an error the generated code threw at run time (the expression bound fine). */
  thrown?: string;
}

/** Binds a SQL expression with the real parser and binder, generates its code and runs it on one row. */
export function evaluate(sql: string, userFunctions = new UserFunctionCatalog()): Evaluation {
  const sink = new DiagnosticSink();
  const script = parseScript(`SELECT ${sql} FROM t`, sink);
  const statement = script.statements[0];
  if (sink.hasErrors() || statement?.kind !== 'query' || statement.query.kind !== 'select' || statement.query.items[0].kind !== 'expr') return { error: sink.items[0]?.message ?? 'not an expression' };
  const expr: Expr = statement.query.items[0].expr;
  const scope = new Scope(COLUMNS.map((c) => ({ qualifier: 't', name: c.name, type: c.type })));
  let bound: PlanExpr;
  try {
    bound = new ExpressionBinder(scope, sink, userFunctions).bind(expr);
  } catch (error) {
    if (error instanceof BindAbort) return { error: sink.items[0].message };
    throw error;
  }
  const compiler = new ExpressionCompiler();
  const body: string[] = [];
  const result = compiler.emit(bound, body);
  const fn = new Function('h', 'c', 'row', `${body.join('\n')}\nreturn ${result};`) as (h: unknown, c: unknown[], row: unknown[]) => unknown;
  try {
    return { value: fn(expressionHelpers, compiler.constants, COLUMNS.map((c) => c.value)), type: formatType(bound.type) };
  } catch (error) {
    return { type: formatType(bound.type), thrown: error instanceof Error ? error.message : String(error) };
  }
}
