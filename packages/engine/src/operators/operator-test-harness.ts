import type { PhysicalOperator } from '../plan/physical-plan';
import type { LogicalNode } from '../plan/logical-plan';
import type { OperatorContext, OperatorMetrics, Output, StreamOperator } from '../runtime/operator';
import { ROW_KIND_SHORT, type Row, type RowBatch, type RowKinds } from '../runtime/row';
import { MemoryStateBackend } from '../runtime/state-backend';
import { OPERATOR_FACTORIES, type SourceKind } from './operator-registry';
import { builtinConnectors } from '../connectors/connector-registry';

/**
 * Drives one operator in a test: push rows (with kinds) and watermarks, then `take()` what it
 * emitted since the last call, as `+I[...]`-style strings and `WM(n)` for forwarded watermarks.
 */
export class OperatorHarness {
  readonly metrics: OperatorMetrics = { recordsIn: 0, recordsOut: 0 };
  readonly state = new MemoryStateBackend();
  private readonly operator: StreamOperator;
  private emitted: string[] = [];
  nowMs = 0;

  constructor(node: Pick<LogicalNode, 'kind' | 'config'>, config: Record<string, string> = {}) {
    const output: Output = {
      emit: (batch: RowBatch, kinds?: RowKinds) => batch.forEach((row, i) => this.emitted.push(`${ROW_KIND_SHORT[kinds ? kinds[i] : 0]}[${row.map(String).join(', ')}]`)),
      emitWatermark: (watermark) => this.emitted.push(`WM(${watermark})`),
    };
    const context: OperatorContext = {
      subtaskIndex: 0, parallelism: 1, state: this.state, connectors: builtinConnectors(), stdout: process.stdout, stderr: process.stderr,
      config, now: () => this.nowMs, uid: 'op-test', delivery: null,
    };
    const physical = { id: '1', kind: node.kind, name: node.kind, config: node.config } as PhysicalOperator;
    this.operator = OPERATOR_FACTORIES[node.kind as Exclude<LogicalNode['kind'], SourceKind>](physical, context, output, this.metrics);
  }

  push(rows: Row[], kinds?: RowKinds): this {
    this.operator.processBatch(rows, kinds);
    return this;
  }

  /** Pushes rows into input `input` of a two-input operator (1: a join's right side). */
  pushInput(input: number, rows: Row[], kinds?: RowKinds): this {
    if (input === 0) this.operator.processBatch(rows, kinds);
    else this.operator.processInput?.(input, rows, kinds);
    return this;
  }

  watermark(watermarkMs: number): this {
    if (this.operator.processWatermark) this.operator.processWatermark(watermarkMs);
    else this.emitted.push(`WM(${watermarkMs})`);
    return this;
  }

  processingTime(nowMs: number): this {
    this.nowMs = nowMs;
    this.operator.onProcessingTime?.(nowMs);
    return this;
  }

  finish(): this {
    this.operator.finish();
    return this;
  }

  /** What the operator emitted since the previous call. */
  take(): string[] {
    const out = this.emitted;
    this.emitted = [];
    return out;
  }
}
