import { UnrecoverableError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { SecretKeyring } from '@weir/contracts/secret-box';
import { DEBUG_KEY_TTL_SECONDS, debugRedisKeys, DebugRunPayload, type DebugEvent } from '@weir/contracts';
import type { DebugResult } from '@weir/engine';
import { DebugThread } from '../runtime/debug-host';
import type { ThreadDebugInput } from '../runtime/debug-thread-protocol';
import { redactError, resolveRunSecrets } from '../runtime/run-secrets';
import type { UdfLimits } from '../runtime/udf-sandbox';

/** Dependencies of the `debug.run` handler. */
export interface DebugRunDeps {
  redis: Redis;
  prefix: string;
  keyring: SecretKeyring;
  udfLimits: UdfLimits;
  unresponsiveMs: number;
  log: Logger;
  /** How often the run reports progress (and looks for a stop request). */
  progressMs?: number;
}

/**
 * Handles a `debug.run` queue job: reads the inputs the API left in Redis, runs the job in a thread
 * of its own with every sink captured, streams progress as events, and leaves the result and what
 * the sources read in Redis for the API.
 */
export function debugRunHandler(deps: DebugRunDeps) {
  return async (job: Job): Promise<string> => {
    const parsed = DebugRunPayload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`malformed debug.run payload: ${parsed.error.message}`);
    const keys = debugRedisKeys(deps.prefix, parsed.data.debugRunId);
    const event = async (body: DebugEvent) => {
      await deps.redis.xadd(keys.events, 'MAXLEN', '~', 20_000, '*', 'data', JSON.stringify(body));
    };
    const finish = async (result: DebugResult, read?: Uint8Array) => {
      const multi = deps.redis.multi().set(keys.result, JSON.stringify(result), 'EX', DEBUG_KEY_TTL_SECONDS);
      if (read) multi.set(keys.read, Buffer.from(read), 'EX', DEBUG_KEY_TTL_SECONDS);
      await multi.exec();
      await event({ type: 'done', status: result.outcome === 'finished' ? 'FINISHED' : result.outcome === 'stopped' ? 'STOPPED' : 'FAILED' });
      await deps.redis.expire(keys.events, DEBUG_KEY_TTL_SECONDS);
      return result.outcome;
    };
    let secretValues: string[] = [];
    try {
      const resolved = resolveRunSecrets(parsed.data, deps.keyring);
      secretValues = resolved.values;
      const payload = resolved.payload;
      const inputs: Record<string, ThreadDebugInput> = {};
      for (const [table, input] of Object.entries(payload.inputs)) {
        if (input.kind === 'capture') {
          inputs[table] = input;
          continue;
        }
        const gz = await deps.redis.getBuffer(input.key);
        if (!gz) throw Object.assign(new Error(`the inputs of table '${table}' are gone from Redis (they are kept ${DEBUG_KEY_TTL_SECONDS / 3600} h)`), { code: 'DEBUG_INPUT_MISSING' });
        inputs[table] = { kind: 'rows', gz };
      }
      await event({ type: 'status', status: 'RUNNING' });
      const progressMs = deps.progressMs ?? 500;
      let stopped = false;
      const thread = new DebugThread({ type: 'start', payload, inputs, udfLimits: deps.udfLimits, progressMs }, payload.memoryLimitMb, deps.unresponsiveMs, (progress) => {
        void event({ type: 'progress', ...progress }).catch((err: unknown) => deps.log.warn({ err }, 'debug progress could not be reported'));
        if (stopped) return;
        void deps.redis.exists(keys.stop).then((asked) => {
          if (asked && !stopped) {
            stopped = true;
            thread.stop();
          }
        });
      });
      const end = await thread.done;
      return await finish(redactResult(end.result, secretValues), end.read);
    } catch (error) {
      const failure = redactError(error, secretValues) as Error & { code?: string; details?: unknown };
      // A SqlError carries where the SQL is wrong; the console marks it in the editor.
      const diagnostics = (failure.details as { diagnostics?: DebugFailure['diagnostics'] } | undefined)?.diagnostics;
      deps.log.info({ debugRunId: parsed.data.debugRunId, code: failure.code }, 'debug run failed');
      const result: DebugResult & { error: DebugFailure } = {
        outcome: 'failed',
        sinks: [],
        vertices: [],
        inputs: [],
        error: { message: failure.message, code: failure.code ?? 'RUNTIME_ERROR', ...(diagnostics ? { diagnostics } : {}) },
        durationMs: 0,
      };
      return finish(result);
    }
  };
}

type DebugFailure = NonNullable<DebugResult['error']> & { diagnostics?: { line: number; column: number; message: string }[] };

/** A result with every secret value in its error replaced by `***`. */
function redactResult(result: DebugResult, values: string[]): DebugResult {
  if (!result.error || values.length === 0) return result;
  const redacted = redactError(Object.assign(new Error(result.error.message), { code: result.error.code }), values) as Error;
  return { ...result, error: { ...result.error, message: redacted.message } };
}
