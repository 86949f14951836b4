import type { PlanExpr } from '../plan/plan-expr';
import { ExpressionCompiler } from './expression-compiler';
import { expressionHelpers } from './expression-helpers';
import type { RowBatch } from './row';

/** Largest watermark expression value over a batch (-Infinity when every row gave NULL). */
export type WatermarkFunction = (batch: RowBatch) => number;

/** Long.MAX_VALUE's role: the watermark a bounded source sends when it ends, firing every window. */
export const MAX_WATERMARK = Number.MAX_SAFE_INTEGER;

/**
 * Compiles a table's `WATERMARK FOR col AS expr` over the source's columns. Like Flink's
 * generated watermark generators, the watermark is the maximum of the expression seen so far; the
 * runner emits it after every source batch (a batch-speed stand-in for the 200 ms interval).
 */
export function compileWatermark(expr: PlanExpr): WatermarkFunction {
  const compiler = new ExpressionCompiler();
  const body: string[] = [];
  const value = compiler.emit(expr, body);
  const source = `return function watermark(batch) {\n  let max = -Infinity;\n  for (let i = 0; i < batch.length; i++) {\n    const row = batch[i];\n    ${body.join('\n    ')}\n    if (${value} !== null && ${value} > max) max = ${value};\n  }\n  return max;\n};`;
  const factory = new Function('h', 'c', source) as (h: typeof expressionHelpers, c: unknown[]) => WatermarkFunction;
  return factory(expressionHelpers, compiler.constants);
}

/** Parses Flink durations such as '5 s', '500 ms', '1 min', '2h' or a bare number of milliseconds. */
export function parseDurationMs(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|milli|millis|millisecond|milliseconds|s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hour|hours|d|day|days)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? 'ms').toLowerCase();
  const scale = unit.startsWith('ms') || unit.startsWith('milli') ? 1 : unit.startsWith('s') ? 1000 : unit === 'm' || unit.startsWith('min') ? 60_000 : unit.startsWith('h') ? 3_600_000 : 86_400_000;
  return Number(m[1]) * scale;
}
