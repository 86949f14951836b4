import { performance } from 'node:perf_hooks';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import type { SourceReader } from '../connectors/connector';
import { EngineError } from '../errors';
import { OPERATOR_FACTORIES } from '../operators/operator-registry';
import type { TableSourceConfig } from '../plan/logical-plan';
import type { PhysicalEdge, PhysicalPlanJson, PhysicalVertex } from '../plan/physical-plan';
import type { OperatorMetrics, Output, StreamOperator } from './operator';
import type { RowBatch } from './row';
import { MemoryStateBackend } from './state-backend';

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

/** One parallel instance of a vertex: its chained operators and how many inputs are still open. */
interface Subtask {
  vertex: PhysicalVertex;
  index: number;
  reader?: SourceReader;
  head?: StreamOperator;
  operators: StreamOperator[];
  openInputs: number;
  finished: boolean;
  nextPollAtMs: number;
}

export interface RunOptions {
  connectors: ConnectorRegistry;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Executes a physical plan in this thread. Sources are polled round-robin; each batch is pushed
 * synchronously through its chain and across edges to downstream subtasks. Every SLICE_MS the
 * runner yields with setImmediate so the host process stays responsive.
 */
export class JobRunner {
  readonly metrics: OperatorMetricsEntry[] = [];
  private readonly subtasks = new Map<string, Subtask[]>();
  private stopRequested = false;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly plan: PhysicalPlanJson,
    private readonly options: RunOptions,
  ) {
    for (const vertex of plan.vertices) for (const op of vertex.operators) this.metrics.push({ vertexId: vertex.id, operatorId: op.id, name: op.name, recordsIn: 0, recordsOut: 0 });
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
    const sources = [...this.subtasks.values()].flat().filter((s) => s.reader);
    let sliceStart = performance.now();
    while (!this.stopRequested) {
      const active = sources.filter((s) => !s.finished);
      if (active.length === 0) return 'finished';
      let earliestWake = Number.POSITIVE_INFINITY;
      let progressed = false;
      for (const subtask of active) {
        const now = Date.now();
        if (subtask.nextPollAtMs > now) {
          earliestWake = Math.min(earliestWake, subtask.nextPollAtMs);
          continue;
        }
        const poll = (subtask.reader as SourceReader).poll(SOURCE_BATCH_ROWS, now);
        subtask.nextPollAtMs = poll.nextPollAtMs ?? 0;
        if (poll.rows.length > 0) {
          progressed = true;
          this.metricsOf(subtask.vertex.operators[0].id).recordsOut += poll.rows.length;
          this.pushIntoChain(subtask, poll.rows);
        }
        if (poll.finished) this.finishSubtask(subtask);
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

  private createSubtasks(vertex: PhysicalVertex): Subtask[] {
    const result: Subtask[] = [];
    const outgoing = this.plan.edges.filter((e) => e.source === vertex.id);
    const incoming = this.plan.edges.filter((e) => e.target === vertex.id);
    for (let index = 0; index < vertex.parallelism; index++) {
      const subtask: Subtask = { vertex, index, operators: [], openInputs: 0, finished: false, nextPollAtMs: 0 };
      subtask.openInputs = incoming.reduce((sum, edge) => sum + this.upstreamCount(edge), 0);
      const context = { subtaskIndex: index, parallelism: vertex.parallelism, state: new MemoryStateBackend(), connectors: this.options.connectors, stdout: this.options.stdout, stderr: this.options.stderr };
      let output: Output = this.edgeOutput(outgoing, index);
      for (const op of [...vertex.operators].reverse()) {
        if (op.kind === 'table_source') {
          const config = op.config as TableSourceConfig;
          const connector = this.options.connectors.require(config.connector);
          if (!connector.createSource) throw new EngineError(`connector '${config.connector}' cannot be a source`, { code: 'CONNECTOR_ROLE', domain: 'user' });
          subtask.reader = connector.createSource({ table: config.table, options: config.options, fields: config.fields }, context);
          continue;
        }
        const operator = OPERATOR_FACTORIES[op.kind](op, context, output, this.metricsOf(op.id));
        subtask.operators.unshift(operator);
        output = { emit: (batch) => operator.processBatch(batch) };
      }
      subtask.head = subtask.reader ? undefined : subtask.operators[0];
      result.push(subtask);
    }
    return result;
  }

  private upstreamCount(edge: PhysicalEdge): number {
    const source = this.plan.vertices.find((v) => v.id === edge.source) as PhysicalVertex;
    return edge.partitioning === 'forward' ? 1 : source.parallelism;
  }

  /** Routes a subtask's output over its vertex's outgoing edges. */
  private edgeOutput(edges: PhysicalEdge[], index: number): Output {
    if (edges.length === 0) return { emit: () => undefined };
    const routes = edges.map((edge) => {
      const targets = this.subtasks.get(edge.target) as Subtask[];
      let next = index;
      switch (edge.partitioning) {
        case 'forward':
          return (batch: RowBatch) => this.deliver(targets[index], batch);
        case 'broadcast':
          return (batch: RowBatch) => targets.forEach((t) => this.deliver(t, batch));
        case 'rebalance':
          // Record by record round-robin, as Flink's RebalancePartitioner, starting after this subtask.
          return (batch: RowBatch) => {
            const parts: RowBatch[] = targets.map(() => []);
            for (const row of batch) {
              next = (next + 1) % targets.length;
              parts[next].push(row);
            }
            parts.forEach((part, i) => part.length > 0 && this.deliver(targets[i], part));
          };
        case 'hash':
          throw new EngineError('hash partitioning needs keyed operators, which are not supported yet', { code: 'PLAN_UNSUPPORTED', domain: 'internal' });
      }
    });
    return { emit: (batch) => routes.forEach((route) => route(batch)) };
  }

  private deliver(target: Subtask, batch: RowBatch): void {
    target.head?.processBatch(batch);
  }

  private pushIntoChain(subtask: Subtask, batch: RowBatch): void {
    const first = subtask.operators[0];
    if (first) first.processBatch(batch);
    else this.edgeOutput(this.plan.edges.filter((e) => e.source === subtask.vertex.id), subtask.index).emit(batch);
  }

  /** Flushes a subtask's operators and tells downstream subtasks one of their inputs ended. */
  private finishSubtask(subtask: Subtask): void {
    subtask.finished = true;
    for (const operator of subtask.operators) operator.finish();
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
          if (pending) await pending;
        }
      }
    }
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
