import { performance } from 'node:perf_hooks';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import type { SourcePoll, SourceReader } from '../connectors/connector';
import { EngineError } from '../errors';
import { OPERATOR_FACTORIES } from '../operators/operator-registry';
import type { TableSourceConfig, ValuesConfig } from '../plan/logical-plan';
import { ValuesSource } from '../operators/source/values-source';
import type { PhysicalEdge, PhysicalOperator, PhysicalPlanJson, PhysicalVertex } from '../plan/physical-plan';
import { BusyTimer, type BusyAccount } from './busy-timer';
import type { OperatorMetrics, Output } from './operator';
import type { RowBatch, RowKinds } from './row';
import { MemoryStateBackend } from './state-backend';
import { compileWatermark, MAX_WATERMARK, parseDurationMs } from './watermark-generator';
import { WatermarkValve } from './watermark-valve';
import { createEdgeRoute } from './edge-route';
import type { EdgeOutput, Subtask, VertexAccount } from './subtask';
import type { StartOffset } from '../connectors/connector';
import { operatorUids } from '../plan/operator-uid';
import { CheckpointCoordinator, type CutMode, type JobCut, type OperatorCut, type SnapshotParticipant } from '../checkpoint/checkpoint-coordinator';
import type { CheckpointConfig } from '../checkpoint/checkpoint-config';
import type { CheckpointResult } from '../checkpoint/checkpoint-result';
import type { CheckpointingOptions } from '../checkpoint/checkpointing-options';
import { subtaskKey, type RestoredJobState } from '../checkpoint/restore-snapshot';
import type { CommittableSnapshot, SubtaskRuntime } from '../checkpoint/snapshot-format';
import type { StreamOperator } from './operator';

/** Rows asked from a source per poll. */
const SOURCE_BATCH_ROWS = 1024;
/** Longest stretch of work before giving the event loop a turn (BullMQ lock renewal, HTTP). */
const SLICE_MS = 5;
/** Longest sleep while every source waits on its rate limit, so stop() is seen promptly. */
const MAX_IDLE_SLEEP_MS = 50;

export interface OperatorMetricsEntry extends OperatorMetrics {
  vertexId: string;
  operatorId: string;
  name: string;
}

/** Processing time as PROCTIME() and processing-time timers read it (epoch ms). */
export interface ProcessingClock {
  now(): number;
}

/** The default processing-time clock: the wall clock. */
export const WALL_CLOCK: ProcessingClock = { now: () => Date.now() };

export interface RunOptions {
  connectors: ConnectorRegistry;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Processing time for PROCTIME() and processing-time timers; source pacing and idleness stay on the wall clock. */
  clock?: ProcessingClock;
  /** Checkpoint the run: the resolved configuration and the host's storage and callbacks. */
  checkpointing?: { config: CheckpointConfig; options: CheckpointingOptions; stepEntries?: number };
  /** State to start from, read by `loadSnapshot`. */
  restored?: RestoredJobState;
  /** Where sources start when nothing is restored. */
  startOffset?: StartOffset;
}

/** How a run is asked to end: at once, or after a savepoint, optionally draining the sources first (Flink's `stop --drain`). */
export interface StopOptions {
  savepoint?: boolean;
  drain?: boolean;
}

/** State entries serialized per runner turn while a checkpoint is written. */
const SNAPSHOT_STEP_ENTRIES = 20_000;

/** An operator subtask with keyed state, known to checkpoints by its uid. */
interface StatefulOperator extends Omit<OperatorCut, 'writers'> {
  backend: MemoryStateBackend;
}

/** A sink subtask that stages output on checkpoints. */
interface CommittingOperator {
  uid: string;
  subtask: number;
  operator: StreamOperator;
}

/**
 * Executes a physical plan in this thread. Sources are polled round-robin; each batch is pushed
 * synchronously through its chain and across edges to downstream subtasks, followed by the source's
 * watermark. A subtask's watermark is the minimum over its non-idle input channels. Every SLICE_MS
 * the runner yields with setImmediate so the host process stays responsive.
 */
export class JobRunner {
  readonly metrics: OperatorMetricsEntry[] = [];
  private readonly subtasks = new Map<string, Subtask[]>();
  /** Cumulative busy time, bytes and backpressure per vertex id. */
  readonly vertexAccounts = new Map<string, VertexAccount>();
  /** When run() started (performance.now()), the base of backpressure ratios. */
  startedAtMs: number | undefined;
  private readonly busyTimer = new BusyTimer();
  private readonly idleTimeoutMs: number | undefined;
  private readonly watermarkIntervalMs: number;
  private readonly clock: ProcessingClock;
  private stopRequested = false;
  private stopOptions: StopOptions = {};
  /** The savepoint a stop with savepoint took. */
  stopSavepoint: CheckpointResult | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly uids: Map<string, string>;
  private readonly stateful: StatefulOperator[] = [];
  private readonly committing: CommittingOperator[] = [];
  private readonly sourceReaders: { uid: string; subtask: number; reader: SourceReader }[] = [];
  /** Sink handles staged by cuts and not yet committed, oldest first. */
  private pendingCommits: CommittableSnapshot[] = [];
  /** Source positions of cuts whose checkpoint is not complete yet, for sources that acknowledge. */
  private pendingAcks: { checkpointId: number; reader: SourceReader; position: unknown }[] = [];
  /** Set when checkpointing is on. */
  readonly coordinator: CheckpointCoordinator | undefined;
  private readonly delivery: 'EXACTLY_ONCE' | 'AT_LEAST_ONCE' | null;

  constructor(
    private readonly plan: PhysicalPlanJson,
    private readonly options: RunOptions,
  ) {
    this.clock = options.clock ?? WALL_CLOCK;
    for (const vertex of plan.vertices) for (const op of vertex.operators) this.metrics.push({ vertexId: vertex.id, operatorId: op.id, name: op.name, recordsIn: 0, recordsOut: 0 });
    const idle = plan.config['table.exec.source.idle-timeout'];
    const idleMs = idle === undefined ? undefined : parseDurationMs(idle);
    this.idleTimeoutMs = idleMs && idleMs > 0 ? idleMs : undefined;
    // Flink's default; 0 turns periodic watermarks off (only the end-of-input one remains).
    this.watermarkIntervalMs = parseDurationMs(plan.config['pipeline.auto-watermark-interval'] ?? '200 ms') ?? 200;
    this.uids = operatorUids(plan);
    const checkpointing = options.checkpointing?.config.enabled ? options.checkpointing : undefined;
    this.delivery = checkpointing ? checkpointing.config.mode : null;
    // Build downstream vertices first, so an upstream chain can be wired to its targets.
    for (const vertex of [...plan.vertices].reverse()) this.subtasks.set(vertex.id, this.createSubtasks(vertex));
    if (options.restored) this.restoreRuntime(options.restored);
    if (checkpointing) {
      if (checkpointing.config.incremental) for (const op of this.stateful) op.backend.trackChanges();
      this.coordinator = new CheckpointCoordinator(checkpointing.config, checkpointing.options, this.participant(), checkpointing.stepEntries ?? SNAPSHOT_STEP_ENTRIES, Date.now());
    }
  }

  /** Asks the loop to end after the current batch, after a savepoint when `options.savepoint`. */
  stop(options: StopOptions = {}): void {
    if (!this.stopRequested) this.stopOptions = options;
    this.stopRequested = true;
    this.wakeUp?.();
  }

  /** Runs until every source finished ('finished') or stop() ('stopped'). */
  async run(): Promise<'finished' | 'stopped'> {
    let outcome: 'finished' | 'stopped';
    try {
      outcome = await this.runToEnd();
    } catch (error) {
      // The run's own error is what its owner needs; a failure to close is kept beside it, as Java's suppressed exceptions.
      await this.closeAll().catch((closeError: unknown) => {
        if (error instanceof Error) Object.assign(error, { suppressed: [closeError] });
      });
      throw error;
    }
    await this.closeAll();
    return outcome;
  }

  /** Releases what sources, operators and sinks hold outside the engine, once the run ended however. */
  private async closeAll(): Promise<void> {
    const closing: Promise<void>[] = [];
    for (const { reader } of this.sourceReaders) if (reader.close) closing.push(Promise.resolve().then(() => reader.close?.()));
    for (const subtasks of this.subtasks.values()) for (const subtask of subtasks) for (const operator of subtask.operators) if (operator.close) closing.push(Promise.resolve().then(() => operator.close?.()));
    const failed = (await Promise.allSettled(closing)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async runToEnd(): Promise<'finished' | 'stopped'> {
    try {
      await this.recoverSinks();
      await this.coordinator?.init();
      const outcome = await this.loop();
      if (outcome === 'finished') {
        // The last checkpoint of a bounded job commits what its sinks staged at the end of input.
        if (this.coordinator) await this.coordinator.runToCompletion('CHECKPOINT', Date.now());
        return outcome;
      }
      if (this.stopOptions.drain) await this.drainSources();
      if (this.coordinator && (this.stopOptions.savepoint || this.stopOptions.drain)) this.stopSavepoint = await this.coordinator.runToCompletion('SAVEPOINT', Date.now());
      else if (this.stopOptions.savepoint) throw new EngineError('stop with savepoint needs checkpointing: this run has none configured', { code: 'CHECKPOINTING_OFF', domain: 'user' });
      return outcome;
    } catch (error) {
      this.coordinator?.cancel(error);
      throw error;
    }
  }

  /** Requests a savepoint, taken at the next batch boundary; resolves when it is complete. */
  triggerSavepoint(): Promise<CheckpointResult> {
    if (!this.coordinator) return Promise.reject(new EngineError('savepoints need checkpointing: this run has none configured', { code: 'CHECKPOINTING_OFF', domain: 'user' }));
    const result = this.coordinator.triggerSavepoint();
    this.wakeUp?.();
    return result;
  }

  /** Requests a checkpoint now, whatever the interval; resolves when it is complete. */
  triggerCheckpoint(): Promise<CheckpointResult> {
    if (!this.coordinator) return Promise.reject(new EngineError('this run has no checkpointing configured', { code: 'CHECKPOINTING_OFF', domain: 'user' }));
    const result = this.coordinator.triggerCheckpoint();
    this.wakeUp?.();
    return result;
  }

  private async loop(): Promise<'finished' | 'stopped'> {
    const all = [...this.subtasks.values()].flat();
    const sources = all.filter((s) => s.reader);
    const timed = all.filter((s) => s.timed.length > 0);
    this.startedAtMs = performance.now();
    let sliceStart = this.startedAtMs;
    while (!this.stopRequested) {
      const active = sources.filter((s) => !s.finished);
      if (active.length === 0) return 'finished';
      let earliestWake = Number.POSITIVE_INFINITY;
      let progressed = false;
      for (const subtask of active) {
        const now = Date.now();
        if (subtask.nextPollAtMs > now) {
          earliestWake = Math.min(earliestWake, subtask.nextPollAtMs);
          this.checkIdle(subtask, now);
          this.periodicWatermark(subtask, now);
          continue;
        }
        let poll: SourcePoll = { rows: [], finished: false };
        this.busyTimer.time(subtask.busy, () => {
          poll = (subtask.reader as SourceReader).poll(SOURCE_BATCH_ROWS, now);
          if (poll.rows.length > 0) this.sourceBatch(subtask, poll.rows, now, poll.nextPollAtMs !== undefined, poll.kinds);
          if (poll.skipped) {
            const metrics = this.metricsOf(subtask.vertex.operators[0].id);
            metrics.recordsSkipped = (metrics.recordsSkipped ?? 0) + poll.skipped;
          }
        });
        subtask.nextPollAtMs = poll.nextPollAtMs ?? 0;
        if (poll.rows.length > 0) progressed = true;
        else this.checkIdle(subtask, now);
        if (poll.finished) {
          subtask.input.emitWatermark(MAX_WATERMARK);
          // Asynchronous work still under way (lookups) delivers its rows before the inputs end.
          await this.waitForBackpressure();
          this.finishSubtask(subtask);
        }
      }
      if (timed.length > 0) {
        const now = this.clock.now();
        for (const subtask of timed) if (!subtask.finished) for (const operator of subtask.timed) operator.onProcessingTime?.(now);
      }
      await this.waitForBackpressure();
      if (this.coordinator) {
        await this.coordinator.onLoop(Date.now());
        if (this.coordinator.fatal !== undefined) throw this.coordinator.fatal;
        if (this.coordinator.busy) progressed = true;
      }
      if (performance.now() - sliceStart >= SLICE_MS || progressed) {
        if (performance.now() - sliceStart >= SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
        continue;
      }
      if (earliestWake !== Number.POSITIVE_INFINITY) await this.sleep(Math.min(MAX_IDLE_SLEEP_MS, Math.max(1, earliestWake - Date.now())));
      else if (this.coordinator) await this.sleep(MAX_IDLE_SLEEP_MS);
      sliceStart = performance.now();
    }
    return 'stopped';
  }

  private sourceBatch(subtask: Subtask, rows: RowBatch, now: number, rateLimited: boolean, kinds: RowKinds | undefined): void {
    this.metricsOf(subtask.vertex.operators[0].id).recordsOut += rows.length;
    subtask.lastActiveMs = now;
    if (subtask.idle) {
      subtask.idle = false;
      subtask.tail.setIdle(false);
    }
    subtask.input.emit(rows, kinds);
    if (!subtask.watermarkOf) return;
    const watermark = subtask.watermarkOf(rows);
    if (watermark > subtask.pendingWatermark) subtask.pendingWatermark = watermark;
    // At full speed the watermark follows every batch; a rate-limited source emits it periodically.
    if (rateLimited) this.periodicWatermark(subtask, now);
    else if (this.watermarkIntervalMs > 0) this.sendWatermark(subtask, now);
  }

  /** `pipeline.auto-watermark-interval`: at most one watermark per interval from a paced source. */
  private periodicWatermark(subtask: Subtask, now: number): void {
    if (this.watermarkIntervalMs > 0 && now - subtask.watermarkSentAtMs >= this.watermarkIntervalMs) this.sendWatermark(subtask, now);
  }

  private sendWatermark(subtask: Subtask, now: number): void {
    if (subtask.pendingWatermark <= subtask.sourceWatermark) return;
    subtask.sourceWatermark = subtask.pendingWatermark;
    subtask.watermarkSentAtMs = now;
    subtask.input.emitWatermark(subtask.sourceWatermark);
  }

  // A source that produced nothing for `table.exec.source.idle-timeout` stops holding back watermarks downstream.
  private checkIdle(subtask: Subtask, now: number): void {
    if (this.idleTimeoutMs === undefined || subtask.idle || now - subtask.lastActiveMs < this.idleTimeoutMs) return;
    subtask.idle = true;
    subtask.tail.setIdle(true);
  }

  private createSubtasks(vertex: PhysicalVertex): Subtask[] {
    const result: Subtask[] = [];
    const outgoing = this.plan.edges.filter((e) => e.source === vertex.id);
    const incoming = this.plan.edges.filter((e) => e.target === vertex.id);
    const channelCount = incoming.reduce((sum, edge) => sum + this.upstreamCount(edge), 0);
    for (let index = 0; index < vertex.parallelism; index++) {
      const tail = this.edgeOutput(outgoing, vertex, index);
      const subtask: Subtask = {
        vertex, index, operators: [], timed: [], openInputs: channelCount, finished: false, nextPollAtMs: 0, input: tail, tail,
        pendingWatermark: Number.NEGATIVE_INFINITY, sourceWatermark: Number.NEGATIVE_INFINITY, watermarkSentAtMs: 0, lastActiveMs: Date.now(), idle: false,
        valve: new WatermarkValve(channelCount), busy: this.busyAccount(vertex.id),
      };
      const contextOf = (op: PhysicalOperator) => {
        const uid = this.uids.get(op.id) as string;
        const state = new MemoryStateBackend();
        const restored = this.options.restored?.state.get(subtaskKey(uid, index));
        if (restored) for (const [namespace, entries] of restored.frames) state.namespace(renamespace(namespace, restored.planId, op.id)).load(entries);
        this.stateful.push({ uid, planId: op.id, name: op.name, kind: op.kind, parallelism: vertex.parallelism, subtask: index, backend: state });
        return {
          subtaskIndex: index, parallelism: vertex.parallelism, state, connectors: this.options.connectors,
          stdout: this.options.stdout, stderr: this.options.stderr, config: this.plan.config, now: () => this.clock.now(),
          uid, delivery: this.delivery, ...(this.options.startOffset ? { startOffset: this.options.startOffset } : {}),
        };
      };
      let output: Output = tail;
      for (const op of [...vertex.operators].reverse()) {
        if (op.kind === 'values') {
          subtask.reader = new ValuesSource(op.config as ValuesConfig, index);
          this.sourceReaders.push({ uid: this.uids.get(op.id) as string, subtask: index, reader: subtask.reader });
          continue;
        }
        const context = contextOf(op);
        if (op.kind === 'table_source') {
          const config = op.config as TableSourceConfig;
          const connector = this.options.connectors.require(config.connector);
          if (!connector.createSource) throw new EngineError(`connector '${config.connector}' cannot be a source`, { code: 'CONNECTOR_ROLE', domain: 'user' });
          subtask.reader = connector.createSource({ table: config.table, options: config.options, fields: config.tableFields ?? config.fields, projection: config.projection, filters: config.filters, nestedFields: config.nestedFields }, context);
          this.sourceReaders.push({ uid: context.uid, subtask: index, reader: subtask.reader });
          if (config.watermark) subtask.watermarkOf = compileWatermark(config.watermark);
          continue;
        }
        const operator = OPERATOR_FACTORIES[op.kind](op, context, output, this.metricsOf(op.id));
        if (operator.preCommit) this.committing.push({ uid: context.uid, subtask: index, operator });
        subtask.operators.unshift(operator);
        if (operator.onProcessingTime) subtask.timed.push(operator);
        const next = output;
        const metrics = this.metricsOf(op.id);
        output = {
          emit: (batch, kinds) => operator.processBatch(batch, kinds),
          emitWatermark: operator.processWatermark
            ? (watermark) => {
              recordWatermark(metrics, watermark);
              (operator.processWatermark as (w: number) => void)(watermark);
            }
            : (watermark) => {
              recordWatermark(metrics, watermark);
              next.emitWatermark(watermark);
            },
        };
      }
      subtask.input = channelCount === 0 ? output : this.timed(output, subtask.busy);
      const head = subtask.operators[0];
      if (head?.processInput) {
        const entry = subtask.input;
        subtask.input2 = this.timed({ emit: (batch, kinds) => head.processInput?.(1, batch, kinds), emitWatermark: (watermark) => entry.emitWatermark(watermark) }, subtask.busy);
      }
      result.push(subtask);
    }
    return result;
  }

  private busyAccount(vertexId: string): VertexAccount {
    let account = this.vertexAccounts.get(vertexId);
    if (!account) {
      account = { busyTimeMs: 0, bytesIn: 0, bytesOut: 0, backPressuredTimeMs: 0 };
      this.vertexAccounts.set(vertexId, account);
    }
    return account;
  }

  /** The entry of a downstream chain, charging the time spent in it to its vertex. */
  private timed(output: Output, account: BusyAccount): Output {
    return {
      emit: (batch, kinds) => this.busyTimer.time(account, () => output.emit(batch, kinds)),
      emitWatermark: (watermark) => this.busyTimer.time(account, () => output.emitWatermark(watermark)),
    };
  }

  private upstreamCount(edge: PhysicalEdge): number {
    const source = this.plan.vertices.find((v) => v.id === edge.source) as PhysicalVertex;
    return edge.partitioning === 'forward' ? 1 : source.parallelism;
  }

  /** The input channel of `target` that subtask `index` of the edge's source writes to. */
  private channelOf(edge: PhysicalEdge, index: number): number {
    let base = 0;
    for (const other of this.plan.edges) {
      if (other.target !== edge.target) continue;
      if (other === edge) return base + (edge.partitioning === 'forward' ? 0 : index);
      base += this.upstreamCount(other);
    }
    throw new EngineError('edge not found', { code: 'PLAN_INVALID', domain: 'internal' });
  }

  /** Routes a subtask's output over its vertex's outgoing edges. */
  private edgeOutput(edges: PhysicalEdge[], vertex: PhysicalVertex, index: number): EdgeOutput {
    if (edges.length === 0) return { emit: () => undefined, emitWatermark: () => undefined, setIdle: () => undefined };
    const routes = edges.map((edge) => createEdgeRoute(edge, index, this.subtasks.get(edge.target) as Subtask[], this.channelOf(edge, index), this.busyAccount(edge.source)));
    if (routes.length === 1) return routes[0];
    return {
      emit: (batch, kinds) => routes.forEach((route) => route.emit(batch, kinds)),
      emitWatermark: (watermark) => routes.forEach((route) => route.emitWatermark(watermark)),
      setIdle: (idle) => routes.forEach((route) => route.setIdle(idle)),
    };
  }

  /** Flushes a subtask's operators and tells downstream subtasks one of their inputs ended. */
  private finishSubtask(subtask: Subtask): void {
    subtask.finished = true;
    // Timers already due fire, as they would have between batches; later ones are dropped with the
    // open processing-time windows (Flink quiesces its ProcessingTimeService at end of input).
    const now = subtask.timed.length > 0 ? this.clock.now() : 0;
    for (const operator of subtask.operators) {
      operator.onProcessingTime?.(now);
      operator.finish();
    }
    for (const edge of this.plan.edges.filter((e) => e.source === subtask.vertex.id)) {
      const targets = this.subtasks.get(edge.target) as Subtask[];
      const reached = edge.partitioning === 'forward' ? [targets[subtask.index]] : targets;
      for (const target of reached) {
        target.openInputs--;
        if (target.openInputs === 0 && !target.finished) this.finishSubtask(target);
      }
    }
  }

  /** The runner's side of checkpoints: flush, cut, commit. */
  private participant(): SnapshotParticipant {
    return {
      prepareCut: async () => {
        // Flushing a buffer may fill one downstream, and a lookup in flight may answer into one: repeat until quiet.
        for (let round = 0; round < 8; round++) {
          for (const vertex of this.plan.vertices) for (const subtask of this.subtasks.get(vertex.id) as Subtask[]) for (const operator of subtask.operators) operator.prepareSnapshot?.();
          if (!this.anyPending()) return;
          await this.waitForBackpressure();
        }
      },
      cut: (checkpointId, mode) => this.cut(checkpointId, mode),
      commit: (checkpointId) => this.commitUpTo(checkpointId),
      completed: (checkpointId) => this.acknowledgeUpTo(checkpointId),
    };
  }

  private anyPending(): boolean {
    for (const subtasks of this.subtasks.values()) for (const subtask of subtasks) for (const operator of subtask.operators) if (operator.pending?.()) return true;
    return false;
  }

  private cut(checkpointId: number, mode: CutMode): JobCut {
    for (const sink of this.committing) {
      const committable = sink.operator.preCommit?.(checkpointId);
      if (committable !== undefined) this.pendingCommits.push({ uid: sink.uid, subtask: sink.subtask, checkpointId, committable });
    }
    const operators: JobCut['operators'] = [];
    for (const op of this.stateful) {
      const writers: OperatorCut['writers'] = [];
      for (const [namespace, map] of op.backend.namespaces()) {
        writers.push([namespace, mode === 'detached' ? map.beginDetachedSnapshot() : map.beginSnapshot(mode === 'delta')]);
      }
      if (writers.length > 0) operators.push({ uid: op.uid, planId: op.planId, name: op.name, kind: op.kind, parallelism: op.parallelism, subtask: op.subtask, writers });
    }
    for (const { reader } of this.sourceReaders) {
      if (reader.checkpointComplete && reader.snapshotPosition) this.pendingAcks.push({ checkpointId, reader, position: structuredClone(reader.snapshotPosition()) });
    }
    return {
      operators,
      vertices: this.plan.vertices.map((vertex) => ({
        uid: this.uids.get(vertex.operators[0].id) as string, parallelism: vertex.parallelism,
        subtasks: (this.subtasks.get(vertex.id) as Subtask[]).map(subtaskRuntime),
      })),
      sources: this.sourceReaders.filter((s) => s.reader.snapshotPosition).map((s) => ({ uid: s.uid, subtask: s.subtask, position: structuredClone(s.reader.snapshotPosition?.()) })),
      committables: this.pendingCommits.map((c) => ({ ...c, committable: structuredClone(c.committable) })),
    };
  }

  /** Each acknowledging source hears the newest of its positions that a complete checkpoint holds. */
  private async acknowledgeUpTo(checkpointId: number): Promise<void> {
    const due = new Map<SourceReader, unknown>();
    for (const ack of this.pendingAcks) if (ack.checkpointId <= checkpointId) due.set(ack.reader, ack.position);
    this.pendingAcks = this.pendingAcks.filter((a) => a.checkpointId > checkpointId);
    for (const [reader, position] of due) await reader.checkpointComplete?.(position);
  }

  private async commitUpTo(checkpointId: number): Promise<void> {
    const due = this.pendingCommits.filter((c) => c.checkpointId <= checkpointId);
    if (due.length === 0) return;
    this.pendingCommits = this.pendingCommits.filter((c) => c.checkpointId > checkpointId);
    for (const sink of this.committing) {
      const mine = due.filter((c) => c.uid === sink.uid && c.subtask === sink.subtask).map((c) => c.committable);
      if (mine.length > 0) await sink.operator.commit?.(mine);
    }
  }

  /** After a restore: sinks commit what the restored snapshot staged and discard what later attempts left. */
  private async recoverSinks(): Promise<void> {
    const restored = this.options.restored;
    if (!restored) return;
    for (const sink of this.committing) {
      const mine = restored.metadata.committables.filter((c) => c.uid === sink.uid && c.subtask === sink.subtask).map((c) => c.committable);
      await sink.operator.recover?.(mine);
    }
  }

  /** Source positions and the runner's per-subtask bookkeeping from a snapshot. */
  private restoreRuntime(restored: RestoredJobState): void {
    const positions = new Map(restored.metadata.sources.map((s) => [subtaskKey(s.uid, s.subtask), s.position]));
    for (const source of this.sourceReaders) {
      const key = subtaskKey(source.uid, source.subtask);
      if (positions.has(key)) source.reader.restorePosition?.(structuredClone(positions.get(key)));
    }
    for (const vertex of this.plan.vertices) {
      const saved = restored.metadata.vertices.find((v) => v.uid === this.uids.get(vertex.operators[0].id) && v.parallelism === vertex.parallelism);
      if (!saved) continue;
      (this.subtasks.get(vertex.id) as Subtask[]).forEach((subtask, i) => applyRuntime(subtask, saved.subtasks[i]));
    }
  }

  /** Stop with drain: every source ends as if its input were exhausted, so every window fires (watermark MAX). */
  private async drainSources(): Promise<void> {
    for (const subtask of [...this.subtasks.values()].flat()) {
      if (!subtask.reader || subtask.finished) continue;
      subtask.input.emitWatermark(MAX_WATERMARK);
      await this.waitForBackpressure();
      this.finishSubtask(subtask);
    }
    await this.waitForBackpressure();
  }

  private async waitForBackpressure(): Promise<void> {
    for (const subtasks of this.subtasks.values()) {
      for (const subtask of subtasks) {
        for (const operator of subtask.operators) {
          const pending = operator.pending?.();
          if (!pending) continue;
          const start = performance.now();
          await pending;
          const waited = performance.now() - start;
          for (const vertexId of this.upstreamOf(subtask.vertex.id)) this.busyAccount(vertexId).backPressuredTimeMs += waited;
        }
      }
    }
  }

  /** A vertex and every vertex that feeds it, directly or not: those a wait on it holds back. */
  private upstreamOf(vertexId: string): Set<string> {
    const found = new Set([vertexId]);
    for (const id of found) for (const edge of this.plan.edges) if (edge.target === id) found.add(edge.source);
    return found;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private metricsOf(operatorId: string): OperatorMetricsEntry {
    return this.metrics.find((m) => m.operatorId === operatorId) as OperatorMetricsEntry;
  }
}

function subtaskRuntime(subtask: Subtask): SubtaskRuntime {
  return {
    pendingWatermark: subtask.pendingWatermark, sourceWatermark: subtask.sourceWatermark, idle: subtask.idle, finished: subtask.finished,
    openInputs: subtask.openInputs, valve: subtask.valve.snapshot(),
  };
}

function applyRuntime(subtask: Subtask, saved: SubtaskRuntime | undefined): void {
  if (!saved || !subtask.valve.restore(saved.valve)) return;
  subtask.pendingWatermark = saved.pendingWatermark;
  subtask.sourceWatermark = saved.sourceWatermark;
  subtask.idle = saved.idle;
  subtask.finished = saved.finished;
  subtask.openInputs = saved.openInputs;
}

/** A namespace name written by operator `fromId` of an earlier plan, for operator `toId` (names are `kind:<operator id>[:…]`). */
function renamespace(namespace: string, fromId: string, toId: string): string {
  const parts = namespace.split(':');
  if (parts[1] === fromId) parts[1] = toId;
  return parts.join(':');
}

// The end-of-input watermark is not an event time; the metric keeps the last real one.
function recordWatermark(metrics: OperatorMetrics, watermark: number): void {
  if (watermark !== MAX_WATERMARK) metrics.watermarkMs = watermark;
}
