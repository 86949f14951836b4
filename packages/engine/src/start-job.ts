import { performance } from 'node:perf_hooks';
import { builtinConnectors, type ConnectorRegistry } from './connectors/connector-registry';
import type { CompiledJob } from './compile';
import { EngineError } from './errors';
import { JobRunner, type ProcessingClock, type StopOptions } from './runtime/job-runner';
import type { StartOffset } from './connectors/connector';
import { resolveCheckpointConfig } from './checkpoint/checkpoint-config';
import type { CheckpointResult, RestoredFrom } from './checkpoint/checkpoint-result';
import type { CheckpointingOptions } from './checkpoint/checkpointing-options';
import { loadSnapshot } from './checkpoint/restore-snapshot';
import { operatorUids } from './plan/operator-uid';

export type { ProcessingClock, StopOptions } from './runtime/job-runner';

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
  /** Sources: records skipped as unreadable (`scan.parse-error.policy` = 'skip'). */
  recordsSkipped?: number;
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
  /** The snapshot the run restored before it started, or null; rejects (as `done` does) when the restore was refused. */
  readonly restored: Promise<RestoredFrom | null>;
  /** Cumulative counters per operator of each vertex (sources: recordsIn 0), cheap enough to call every second. */
  metrics(): VertexMetricsSnapshot[];
  /**
   * Ends the run at the next batch boundary. With `savepoint` it first takes a savepoint (returned);
   * with `drain` the sources end first, so every window fires (Flink's `stop --drain`).
   */
  stop(options?: StopOptions): Promise<CheckpointResult | undefined>;
  /** Takes a savepoint while the run goes on. */
  triggerSavepoint(): Promise<CheckpointResult>;
  /** Takes a checkpoint now, whatever the interval (hosts and tests; the interval triggers them otherwise). */
  triggerCheckpoint(): Promise<CheckpointResult>;
}

export interface StartJobOptions {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  connectors?: ConnectorRegistry;
  /** Processing time read by PROCTIME() and processing-time windows (default: the wall clock, `Date.now()`). */
  clock?: ProcessingClock;
  /** Checkpoint the run (and restore it first when `checkpointing.restore` is set); without it the job keeps no snapshots. */
  checkpointing?: CheckpointingOptions;
  /** Where sources start when nothing is restored; each source's default otherwise. */
  startOffset?: StartOffset;
  /** State entries serialized per runner turn while a snapshot is written (smaller: shorter pauses). */
  snapshotStepEntries?: number;
}

/** Starts running a compiled job in this process; it yields to the event loop every few milliseconds. */
export function startJob(job: CompiledJob, options: StartJobOptions = {}): JobHandle {
  const checkpointing = options.checkpointing;
  const config = checkpointing ? resolveCheckpointConfig(job.plan.config, checkpointing.config) : undefined;
  let runner: JobRunner | undefined;
  let stopAsked: StopOptions | undefined;
  const created = (async () => {
    // Started on the next turn so the caller can attach handlers to `done` first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const restored = checkpointing?.restore ? await loadSnapshot(checkpointing.restore, job.plan, operatorUids(job.plan)) : undefined;
    runner = new JobRunner(job.plan, {
      connectors: options.connectors ?? builtinConnectors(),
      stdout: options.stdout ?? process.stdout,
      stderr: options.stderr ?? process.stderr,
      clock: options.clock,
      ...(checkpointing && config ? { checkpointing: { config, options: checkpointing, ...(options.snapshotStepEntries ? { stepEntries: options.snapshotStepEntries } : {}) } } : {}),
      ...(restored ? { restored } : {}),
      ...(options.startOffset && !restored ? { startOffset: options.startOffset } : {}),
    });
    if (stopAsked) runner.stop(stopAsked);
    return { runner, restored: restored ? restored.from : null };
  })();
  const done = created
    .then(({ runner: r }) => r.run())
    .then((outcome) => ({ outcome }))
    .catch((error: unknown) => {
      if (error instanceof EngineError) throw error;
      throw new EngineError(`job failed: ${error instanceof Error ? error.message : String(error)}`, { code: 'RUNTIME_FAILURE', domain: 'internal', cause: error });
    });
  const restoredFrom = created.then((c) => c.restored);
  restoredFrom.catch(() => undefined);
  return {
    done,
    restored: restoredFrom,
    triggerSavepoint: async () => (await created).runner.triggerSavepoint(),
    triggerCheckpoint: async () => (await created).runner.triggerCheckpoint(),
    metrics: () => {
      if (!runner) return [];
      const current = runner;
      const elapsedMs = current.startedAtMs === undefined ? 0 : performance.now() - current.startedAtMs;
      return current.metrics.map((m) => {
        const account = current.vertexAccounts.get(m.vertexId);
        return {
          vertexId: m.vertexId, name: m.name, recordsIn: m.recordsIn, recordsOut: m.recordsOut, operatorId: m.operatorId,
          ...(m.watermarkMs === undefined ? {} : { watermarkMs: m.watermarkMs }),
          ...(m.lateRecordsDropped === undefined ? {} : { lateRecordsDropped: m.lateRecordsDropped }),
          ...(m.recordsSkipped === undefined ? {} : { recordsSkipped: m.recordsSkipped }),
          busyTimeMs: Math.round(account?.busyTimeMs ?? 0),
          ...(account ? {
            bytesIn: account.bytesIn, bytesOut: account.bytesOut, backPressuredTimeMs: Math.round(account.backPressuredTimeMs),
            backpressureRatio: elapsedMs > 0 ? Math.min(1, account.backPressuredTimeMs / elapsedMs) : 0,
          } : {}),
        };
      });
    },
    async stop(stopOptions: StopOptions = {}) {
      stopAsked ??= stopOptions;
      runner?.stop(stopOptions);
      // A plain stop ends the run however it was doing; a savepoint that could not be taken is the caller's error.
      await done.catch((error: unknown) => {
        if (stopOptions.savepoint || stopOptions.drain) throw error;
      });
      return runner?.stopSavepoint;
    },
  };
}
