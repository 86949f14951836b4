import type { CalcConfig } from '../plan/logical-plan';
import { ExpressionCompiler } from './expression-compiler';
import { expressionHelpers } from './expression-helpers';
import type { RowBatch } from './row';

/** A compiled projection + filter: maps an input batch to an output batch. */
export type CalcFunction = (batch: RowBatch) => RowBatch;

/** Generates one JavaScript loop for a calc: filter first (kept only when TRUE), then the projection. */
export function compileCalc(config: CalcConfig): CalcFunction {
  const compiler = new ExpressionCompiler();
  const body: string[] = [];
  if (config.filter) {
    const keep = compiler.emit(config.filter, body);
    body.push(`if (${keep} !== true) continue;`);
  }
  const outputs = config.projection.map((expr) => compiler.emit(expr, body));
  body.push(`out.push([${outputs.join(', ')}]);`);
  const source = `return function calc(batch) {\n  const out = [];\n  for (let i = 0; i < batch.length; i++) {\n    const row = batch[i];\n    ${body.join('\n    ')}\n  }\n  return out;\n};`;
  const factory = new Function('h', 'c', source) as (h: typeof expressionHelpers, c: unknown[]) => CalcFunction;
  return factory(expressionHelpers, compiler.constants);
}
