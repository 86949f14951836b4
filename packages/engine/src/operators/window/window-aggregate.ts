import type { WindowAggregateConfig, WindowSpec } from '../../plan/logical-plan';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { INSERT, type Row, type RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { StateValue } from '../../runtime/state-value';
import { TimerHeap } from '../../runtime/timer-heap';
import { compileAggsHandler, type Accumulator, type AggsHandler } from '../aggregate/aggs-handler';
import { assignWindows } from './window-assigner';
import { SessionWindows } from './session-windows';

/** One key's accumulator in one window, with the key's column values for the output row. */
export interface WindowEntry {
  keyRow: Row;
  acc: Accumulator;
}

/**
 * Window aggregation (plan kind `window_aggregate`) for window TVFs, legacy group windows and
 * GROUP BYs of an upstream window's columns (`attached`: each row keeps the window it carries).
 * Tumbling, hopping and cumulating windows keep state per window end and key; a timer per window
 * end fires it once the watermark (or, for processing time, the clock) reaches end - 1, emitting
 * [keys, aggregates, window_start, window_end, window_time] and dropping the window's state. Rows
 * whose every window already fired are late: dropped and counted in `lateRecordsDropped`.
 */
export class WindowAggregate implements StreamOperator {
  private readonly handler: AggsHandler;
  private readonly keyOf: KeySelector;
  private readonly spec: Exclude<WindowSpec, { kind: 'session' }> | undefined;
  private readonly windows: Map<StateKey, Map<StateKey, WindowEntry>>;
  private readonly timers: TimerHeap;
  private readonly sessions: SessionWindows | undefined;
  private readonly eventTime: boolean;
  /** The latest watermark (event time) or processing time the windows fired for. */
  private readonly currentTime: StateValue<number>;
  private readonly out = new ChangelogCollector(false);
  /** Scratch space for the windows of one row (start, end pairs). */
  private readonly assigned: number[] = [];

  constructor(
    private readonly config: WindowAggregateConfig,
    private readonly context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    this.handler = compileAggsHandler(config.aggs, false);
    this.keyOf = compileKeySelector(config.keys);
    this.eventTime = config.timeAttribute === 'rowtime';
    const state = context.state;
    const timerState = state.namespace<number[]>(`window_aggregate:${operatorId}:timers`);
    this.timers = new TimerHeap(timerState);
    this.windows = state.namespace(`window_aggregate:${operatorId}:windows`);
    this.currentTime = new StateValue(state, `window_aggregate:${operatorId}:time`, Number.NEGATIVE_INFINITY);
    this.metrics.lateRecordsDropped ??= 0;
    if (config.window.kind === 'session') {
      this.sessions = new SessionWindows(config.window.gapMs, this.handler, state.namespace(`window_aggregate:${operatorId}:sessions`), state.namespace(`window_aggregate:${operatorId}:session_timers`), this.timers);
    } else {
      this.spec = config.window;
    }
  }

  processBatch(batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const timeIndex = this.config.timeIndex;
    const now = this.eventTime ? 0 : this.context.now();
    const currentTime = this.currentTime.get();
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const ts = this.eventTime ? (row[timeIndex] as number | null) : now;
      // Flink drops rows without a time attribute value from event-time windows.
      if (ts === null) continue;
      const accepted = this.sessions ? this.sessions.add(this.keyOf(row), this.keyRow(row), row, ts, currentTime) : this.addSliced(row, ts, currentTime);
      if (!accepted) (this.metrics.lateRecordsDropped as number)++;
    }
  }

  private addSliced(row: Row, ts: number, currentTime: number): boolean {
    let accepted = false;
    const key = this.keyOf(row);
    const assigned = this.assigned;
    const attached = this.config.attached;
    let count = 1;
    if (attached) {
      assigned[0] = row[attached.startIndex] as number;
      assigned[1] = row[attached.endIndex] as number;
    } else {
      count = assignWindows(this.spec as Exclude<WindowSpec, { kind: 'session' }>, ts, assigned);
    }
    for (let w = 0; w < count; w++) {
      const end = assigned[2 * w + 1];
      if (end - 1 <= currentTime) continue;
      accepted = true;
      let window = this.windows.get(end);
      if (!window) {
        window = new Map();
        this.windows.set(end, window);
        this.timers.push(end - 1);
      }
      let entry = window.get(key);
      if (!entry) {
        entry = { keyRow: this.keyRow(row), acc: this.handler.create() };
        window.set(key, entry);
      }
      this.handler.accumulate(entry.acc, row);
    }
    return accepted;
  }

  private keyRow(row: Row): Row {
    const keys = this.config.keys;
    const values: Row = new Array(keys.length);
    for (let k = 0; k < keys.length; k++) values[k] = row[keys[k]];
    return values;
  }

  processWatermark(watermarkMs: number): void {
    if (this.eventTime) this.advance(watermarkMs);
    this.output.emitWatermark(watermarkMs);
  }

  onProcessingTime(nowMs: number): void {
    if (!this.eventTime) this.advance(nowMs);
  }

  finish(): void {
    this.flush();
  }

  /** Fires every window whose last millisecond is at or before `time`, in order of end. */
  private advance(time: number): void {
    this.currentTime.set(time);
    while (this.timers.size > 0 && this.timers.peek() <= time) {
      const timer = this.timers.pop();
      if (this.sessions) this.sessions.fire(timer, (entry, start, end) => this.emit(entry, start, end));
      else this.fireSliced(timer + 1);
    }
    this.flush();
  }

  private fireSliced(end: number): void {
    const window = this.windows.get(end);
    if (!window) return;
    this.windows.delete(end);
    const spec = this.spec as Exclude<WindowSpec, { kind: 'session' }>;
    const start = spec.kind === 'cumulate' ? end - 1 - ((end - 1 - spec.offsetMs) % spec.maxSizeMs + spec.maxSizeMs) % spec.maxSizeMs : end - spec.sizeMs;
    for (const entry of window.values()) this.emit(entry, start, end);
  }

  private emit(entry: WindowEntry, start: number, end: number): void {
    const keyCount = this.config.keys.length;
    const row: Row = new Array(keyCount + this.config.aggs.length + 3);
    for (let k = 0; k < keyCount; k++) row[k] = entry.keyRow[k];
    this.handler.values(entry.acc, row, keyCount);
    const base = keyCount + this.config.aggs.length;
    row[base] = start;
    row[base + 1] = end;
    row[base + 2] = end - 1;
    this.out.push(row, INSERT);
  }

  private flush(): void {
    this.out.flush(this.output, this.metrics);
  }
}

export const createWindowAggregate: OperatorFactory = (operator, context, output, metrics) => new WindowAggregate(operator.config as WindowAggregateConfig, context, output, metrics, operator.id);
