import { performance } from 'node:perf_hooks';
import { builtinConnectors, type ConnectorRegistry } from './connectors/connector-registry';
import type { CompiledJob } from './compile';
import { EngineError } from './errors';
import { JobRunner, type ProcessingClock } from './runtime/job-runner';

export type { ProcessingClock } from './runtime/job-runner';

export interface VertexMetricsSnapshot {
  /** The physical vertex holding the operator (`plan.vertices[].id`). */
  vertexId: string;
  /** The operator's name as Flink shows it: 'Source: t', 'Calc', 'Sink: t'. */
  name: string;
  recordsIn: number;
  recordsOut: number;
  /** The operator's id in the plan (`plan.vertices[].operators[].id`). */
  operatorId: string;
  /** Event-time operators: the last watermark the operator received (epoch ms). */
  watermarkMs?: number;
  /** Window operators: rows dropped because their window had already fired. */
  lateRecordsDropped?: number;
  /** Time the operator's vertex (all its subtasks, every operator chained in it) spent working, ms. */
  busyTimeMs: number;
  /** Estimated bytes the vertex received over its incoming edges (sampled rows: numbers 8 bytes, strings their length). */
  bytesIn?: number;
  /** Estimated bytes the vertex sent over its outgoing edges, estimated as `bytesIn`. */
  bytesOut?: number;
  /** Time the vertex was held back by a waiting sink (pending()) chained in it or downstream of it, ms. */
  backPressuredTimeMs?: number;
  /** backPressuredTimeMs over the time the job has run, 0 to 1. */
  backpressureRatio?: number;
}

export interface JobHandle {
  /** Resolves when every source drained ('finished') or after stop() ('stopped'); rejects on a runtime failure. */
  readonly done: Promise<{ outcome: 'finished' | 'stopped' }>;
  /** Cumulative counters per operator of each vertex (sources: recordsIn 0), cheap enough to call every second. */
  metrics(): VertexMetricsSnapshot[];
  stop(): Promise<void>;
}

export interface StartJobOptions {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  connectors?: ConnectorRegistry;
  /** Processing time read by PROCTIME() and processing-time windows (default: the wall clock, `Date.now()`). */
  clock?: ProcessingClock;
}

/** Starts running a compiled job in this process; it yields to the event loop every few milliseconds. */
export function startJob(job: CompiledJob, options: StartJobOptions = {}): JobHandle {
  const runner = new JobRunner(job.plan, {
    connectors: options.connectors ?? builtinConnectors(),
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    clock: options.clock,
  });
  // Started on the next turn so the caller can attach handlers to `done` first.
  const done = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() => runner.run())
    .then((outcome) => ({ outcome }))
    .catch((error: unknown) => {
      if (error instanceof EngineError) throw error;
      throw new EngineError(`job failed: ${error instanceof Error ? error.message : String(error)}`, { code: 'RUNTIME_FAILURE', domain: 'internal', cause: error });
    });
  return {
    done,
    metrics: () => {
      const elapsedMs = runner.startedAtMs === undefined ? 0 : performance.now() - runner.startedAtMs;
      return runner.metrics.map((m) => {
        const account = runner.vertexAccounts.get(m.vertexId);
        return {
          vertexId: m.vertexId, name: m.name, recordsIn: m.recordsIn, recordsOut: m.recordsOut, operatorId: m.operatorId,
          ...(m.watermarkMs === undefined ? {} : { watermarkMs: m.watermarkMs }),
          ...(m.lateRecordsDropped === undefined ? {} : { lateRecordsDropped: m.lateRecordsDropped }),
          busyTimeMs: Math.round(account?.busyTimeMs ?? 0),
          ...(account ? {
            bytesIn: account.bytesIn, bytesOut: account.bytesOut, backPressuredTimeMs: Math.round(account.backPressuredTimeMs),
            backpressureRatio: elapsedMs > 0 ? Math.min(1, account.backPressuredTimeMs / elapsedMs) : 0,
          } : {}),
        };
      });
    },
    async stop() {
      runner.stop();
      await done.then(() => undefined, () => undefined);
    },
  };
}
