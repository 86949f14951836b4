import { checkpointOptionProblem } from '../checkpoint/checkpoint-config';
import { parseDurationMs } from '../runtime/watermark-generator';

/** Session options whose value is a duration ('5 s', '1 h', '500 ms' or a number of milliseconds). */
const DURATION_OPTIONS = new Set([
  'table.exec.state.ttl',
  'table.exec.source.idle-timeout',
  'table.exec.mini-batch.allow-latency',
  'pipeline.auto-watermark-interval',
]);

/** Why a `SET key = value` cannot be used, or undefined when the engine accepts it (unknown keys are kept as Flink keeps them). */
export function sessionOptionProblem(key: string, value: string): string | undefined {
  if (DURATION_OPTIONS.has(key) && parseDurationMs(value) === undefined) {
    return `'${key}' must be a duration such as '30 min', '5 s' or '500 ms', got '${value}'`;
  }
  return checkpointOptionProblem(key, value);
}
