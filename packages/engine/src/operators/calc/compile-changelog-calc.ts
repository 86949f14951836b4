import type { CalcConfig } from '../../plan/logical-plan';
import { ExpressionCompiler } from '../../runtime/expression-compiler';
import { expressionHelpers } from '../../runtime/expression-helpers';
import type { RowBatch, RowKinds } from '../../runtime/row';

/** A filtering calc over a changelog: keeps each surviving row's kind beside it. */
export type ChangelogCalcFunction = (batch: RowBatch, kinds: RowKinds, outKinds: RowKinds) => RowBatch;

/**
 * The calc loop for streams with updates: the same generated filter and projection as the
 * insert-only fast path, plus the row kind carried along. Only used when the calc filters, since
 * a pure projection maps rows one to one and can reuse the input kinds as they are.
 */
export function compileChangelogCalc(config: CalcConfig): ChangelogCalcFunction {
  const compiler = new ExpressionCompiler();
  const body: string[] = [];
  if (config.filter) {
    const keep = compiler.emit(config.filter, body);
    body.push(`if (${keep} !== true) continue;`);
  }
  const outputs = config.projection.map((expr) => compiler.emit(expr, body));
  body.push(`out.push([${outputs.join(', ')}]);`, 'outKinds.push(kinds[i]);');
  const source = `return function changelogCalc(batch, kinds, outKinds) {\n  const out = [];\n  for (let i = 0; i < batch.length; i++) {\n    const row = batch[i];\n    ${body.join('\n    ')}\n  }\n  return out;\n};`;
  const factory = new Function('h', 'c', source) as (h: typeof expressionHelpers, c: unknown[]) => ChangelogCalcFunction;
  return factory(expressionHelpers, compiler.constants);
}
