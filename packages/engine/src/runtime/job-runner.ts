import { performance } from 'node:perf_hooks';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import type { SourcePoll, SourceReader } from '../connectors/connector';
import { EngineError } from '../errors';
import { OPERATOR_FACTORIES } from '../operators/operator-registry';
import type { TableSourceConfig, ValuesConfig } from '../plan/logical-plan';
import { ValuesSource } from '../operators/source/values-source';
import type { PhysicalEdge, PhysicalPlanJson, PhysicalVertex } from '../plan/physical-plan';
import { BusyTimer, type BusyAccount } from './busy-timer';
import type { OperatorMetrics, Output } from './operator';
import type { RowBatch, RowKinds } from './row';
import { MemoryStateBackend } from './state-backend';
import { compileWatermark, MAX_WATERMARK, parseDurationMs } from './watermark-generator';
import { WatermarkValve } from './watermark-valve';
import { createEdgeRoute } from './edge-route';
import type { EdgeOutput, Subtask, VertexAccount } from './subtask';

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
  private wakeUp: (() => void) | undefined;

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
    // Build downstream vertices first, so an upstream chain can be wired to its targets.
    for (const vertex of [...plan.vertices].reverse()) this.subtasks.set(vertex.id, this.createSubtasks(vertex));
  }

  /** Asks the loop to end after the current batch. */
  stop(): void {
    this.stopRequested = true;
    this.wakeUp?.();
  }

  /** Runs until every source finished ('finished') or stop() ('stopped'). */
  async run(): Promise<'finished' | 'stopped'> {
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
      if (performance.now() - sliceStart >= SLICE_MS || progressed) {
        if (performance.now() - sliceStart >= SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
        continue;
      }
      if (earliestWake !== Number.POSITIVE_INFINITY) await this.sleep(Math.min(MAX_IDLE_SLEEP_MS, Math.max(1, earliestWake - Date.now())));
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
      const context = {
        subtaskIndex: index, parallelism: vertex.parallelism, state: new MemoryStateBackend(), connectors: this.options.connectors,
        stdout: this.options.stdout, stderr: this.options.stderr, config: this.plan.config, now: () => this.clock.now(),
      };
      let output: Output = tail;
      for (const op of [...vertex.operators].reverse()) {
        if (op.kind === 'values') {
          subtask.reader = new ValuesSource(op.config as ValuesConfig, index);
          continue;
        }
        if (op.kind === 'table_source') {
          const config = op.config as TableSourceConfig;
          const connector = this.options.connectors.require(config.connector);
          if (!connector.createSource) throw new EngineError(`connector '${config.connector}' cannot be a source`, { code: 'CONNECTOR_ROLE', domain: 'user' });
          subtask.reader = connector.createSource({ table: config.table, options: config.options, fields: config.tableFields ?? config.fields, projection: config.projection, filters: config.filters, nestedFields: config.nestedFields }, context);
          if (config.watermark) subtask.watermarkOf = compileWatermark(config.watermark);
          continue;
        }
        const operator = OPERATOR_FACTORIES[op.kind](op, context, output, this.metricsOf(op.id));
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

// The end-of-input watermark is not an event time; the metric keeps the last real one.
function recordWatermark(metrics: OperatorMetrics, watermark: number): void {
  if (watermark !== MAX_WATERMARK) metrics.watermarkMs = watermark;
}
