import { EngineError } from '../errors';
import { parseDurationMs } from '../runtime/watermark-generator';

/** How a job checkpoints, resolved from defaults, the SQL's SET and the host's overrides. */
export interface CheckpointConfig {
  enabled: boolean;
  intervalMs: number;
  mode: 'EXACTLY_ONCE' | 'AT_LEAST_ONCE';
  /** A checkpoint still writing after this long is aborted and leaves nothing behind. */
  timeoutMs: number;
  /** Least time from the end of one checkpoint to the start of the next. */
  minPauseMs: number;
  incremental: boolean;
  /** Completed checkpoints kept in storage (older ones are deleted once a newer one completes). */
  numRetained: number;
  /** An incremental chain longer than this many checkpoints is cut by a full one. */
  maxChainLength: number;
}

/** Flink's option keys, by SET in the SQL. */
export const CHECKPOINT_OPTIONS = {
  interval: 'execution.checkpointing.interval',
  mode: 'execution.checkpointing.mode',
  timeout: 'execution.checkpointing.timeout',
  minPause: 'execution.checkpointing.min-pause',
  dir: 'execution.checkpointing.dir',
  savepointDir: 'execution.checkpointing.savepoint-dir',
  numRetained: 'state.checkpoints.num-retained',
  incremental: 'execution.checkpointing.incremental',
  maxChainLength: 'execution.checkpointing.incremental.max-chain-length',
} as const;

/** The defaults: on, every 10 s, EXACTLY_ONCE, Flink's 10 min timeout, one retained. */
export const DEFAULT_CHECKPOINT_CONFIG: CheckpointConfig = {
  enabled: true, intervalMs: 10_000, mode: 'EXACTLY_ONCE', timeoutMs: 600_000, minPauseMs: 0, incremental: false, numRetained: 1, maxChainLength: 10,
};

/** Why a checkpointing SET value is unusable, or undefined when it is fine (or not a checkpointing key). */
export function checkpointOptionProblem(key: string, value: string): string | undefined {
  switch (key) {
    case CHECKPOINT_OPTIONS.interval: case CHECKPOINT_OPTIONS.timeout: case CHECKPOINT_OPTIONS.minPause:
      return parseDurationMs(value) === undefined ? `'${key}' must be a duration such as '10 s' or '1 min', got '${value}'` : undefined;
    case CHECKPOINT_OPTIONS.mode:
      return /^(EXACTLY_ONCE|AT_LEAST_ONCE)$/i.test(value.trim()) ? undefined : `'${key}' must be EXACTLY_ONCE or AT_LEAST_ONCE, got '${value}'`;
    case CHECKPOINT_OPTIONS.incremental:
      return /^(true|false)$/i.test(value.trim()) ? undefined : `'${key}' must be true or false, got '${value}'`;
    case CHECKPOINT_OPTIONS.numRetained: case CHECKPOINT_OPTIONS.maxChainLength:
      return /^\s*[1-9]\d*\s*$/.test(value) ? undefined : `'${key}' must be a positive integer, got '${value}'`;
    default:
      return undefined;
  }
}

/**
 * The checkpointing of a job: defaults, then the SQL's SET (`execution.checkpointing.*`), then
 * `overrides` (a deployment's explicit choices). An interval of 0 turns checkpointing off, as in Flink.
 */
export function resolveCheckpointConfig(planConfig: Record<string, string>, overrides: Partial<CheckpointConfig> = {}): CheckpointConfig {
  const fromSet: Partial<CheckpointConfig> = {};
  for (const [key, value] of Object.entries(planConfig)) {
    const problem = checkpointOptionProblem(key, value);
    if (problem) throw new EngineError(problem, { code: 'CONFIG_INVALID', domain: 'user', details: { option: key } });
  }
  const interval = planConfig[CHECKPOINT_OPTIONS.interval];
  if (interval !== undefined) {
    const ms = parseDurationMs(interval) as number;
    if (ms === 0) fromSet.enabled = false;
    else Object.assign(fromSet, { enabled: true, intervalMs: ms });
  }
  const mode = planConfig[CHECKPOINT_OPTIONS.mode];
  if (mode !== undefined) fromSet.mode = mode.trim().toUpperCase() as CheckpointConfig['mode'];
  const timeout = planConfig[CHECKPOINT_OPTIONS.timeout];
  if (timeout !== undefined) fromSet.timeoutMs = parseDurationMs(timeout) as number;
  const minPause = planConfig[CHECKPOINT_OPTIONS.minPause];
  if (minPause !== undefined) fromSet.minPauseMs = parseDurationMs(minPause) as number;
  const incremental = planConfig[CHECKPOINT_OPTIONS.incremental];
  if (incremental !== undefined) fromSet.incremental = incremental.trim().toLowerCase() === 'true';
  const retained = planConfig[CHECKPOINT_OPTIONS.numRetained];
  if (retained !== undefined) fromSet.numRetained = Number(retained);
  const chain = planConfig[CHECKPOINT_OPTIONS.maxChainLength];
  if (chain !== undefined) fromSet.maxChainLength = Number(chain);
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<CheckpointConfig>;
  return { ...DEFAULT_CHECKPOINT_CONFIG, ...fromSet, ...defined };
}
