import type { WindowJoinConfig } from '../../plan/window-plan';
import { ChangelogCollector } from '../../runtime/changelog-collector';
import { compileKeySelector, type KeySelector } from '../../runtime/key-selector';
import type { OperatorContext, OperatorFactory, OperatorMetrics, Output, StreamOperator } from '../../runtime/operator';
import { INSERT, type Row, type RowBatch } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { FiredWindows } from '../window/fired-windows';
import { compileCondition, type Condition } from './join';

/** The rows of one join key in one window: left rows, then right rows. */
type JoinBucket = [Row[], Row[]];

/** One window's rows by join key; rows with a NULL key can never match, so they wait apart. */
interface WindowRows {
  byKey: Map<StateKey, JoinBucket>;
  unmatched: JoinBucket;
}

/**
 * A window join (plan kind `window_join`), Flink's WindowJoinOperator: rows of both insert-only
 * inputs are kept per window end and join key until the watermark passes the window's end, then
 * joined once and the window's state dropped. INNER emits the matching pairs; outer sides also
 * emit their unmatched rows padded with NULLs; SEMI emits left rows with a match, ANTI those
 * without. Rows of a window that already fired are late: dropped and counted.
 */
export class WindowJoin implements StreamOperator {
  private readonly windows: FiredWindows<WindowRows>;
  private readonly keyOf: [KeySelector, KeySelector];
  private readonly keys: [number[], number[]];
  private readonly windowEnd: [number, number];
  /** Per side, whether its unmatched rows are emitted (outer sides, the left side of ANTI). */
  private readonly keepUnmatched: [boolean, boolean];
  private readonly condition: Condition | undefined;
  private readonly out = new ChangelogCollector(false);
  /** Per side, the NULLs its unmatched rows are padded with (the other side's width). */
  private readonly padding: [Row, Row];
  /** Per right row of the bucket being joined, whether a left row matched it (reused across buckets). */
  private readonly matched: boolean[] = [];
  private readonly fire = (_end: number, rows: WindowRows): void => this.joinWindow(rows);

  constructor(
    private readonly config: WindowJoinConfig,
    context: OperatorContext,
    private readonly output: Output,
    private readonly metrics: OperatorMetrics,
    operatorId: string,
  ) {
    const type = config.joinType;
    this.windows = new FiredWindows(context.state, `window_join:${operatorId}`, () => ({ byKey: new Map(), unmatched: [[], []] }));
    this.keyOf = [compileKeySelector(config.leftKeys), compileKeySelector(config.rightKeys)];
    this.keys = [config.leftKeys, config.rightKeys];
    this.windowEnd = [config.leftWindowEnd, config.rightWindowEnd];
    this.keepUnmatched = [type === 'LEFT' || type === 'FULL' || type === 'ANTI', type === 'RIGHT' || type === 'FULL'];
    this.condition = config.condition ? compileCondition(config.condition) : undefined;
    this.padding = [new Array(config.fields.length - config.leftWidth).fill(null), new Array(config.leftWidth).fill(null)];
    this.metrics.lateRecordsDropped ??= 0;
  }

  processBatch(batch: RowBatch): void {
    this.process(0, batch);
  }

  processInput(input: number, batch: RowBatch): void {
    this.process(input, batch);
  }

  processWatermark(watermarkMs: number): void {
    this.windows.advance(watermarkMs, this.fire);
    this.out.flush(this.output, this.metrics);
    this.output.emitWatermark(watermarkMs);
  }

  finish(): void {}

  private process(side: number, batch: RowBatch): void {
    this.metrics.recordsIn += batch.length;
    const keys = this.keys[side];
    const endIndex = this.windowEnd[side];
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i];
      const end = row[endIndex] as number;
      const rows = this.windows.stateOf(end);
      if (rows === undefined) {
        (this.metrics.lateRecordsDropped as number)++;
        continue;
      }
      if (hasNullKey(row, keys)) {
        if (this.keepUnmatched[side]) rows.unmatched[side].push(row);
        continue;
      }
      const key = this.keyOf[side](row);
      let bucket = rows.byKey.get(key);
      if (bucket === undefined) {
        bucket = [[], []];
        rows.byKey.set(key, bucket);
      }
      bucket[side].push(row);
    }
  }

  private joinWindow(rows: WindowRows): void {
    const semiAnti = this.config.joinType === 'SEMI' || this.config.joinType === 'ANTI';
    for (const bucket of rows.byKey.values()) {
      if (semiAnti) this.semiAntiJoin(bucket[0], bucket[1]);
      else this.join(bucket[0], bucket[1]);
    }
    this.emitUnmatched(rows.unmatched[0], 0);
    this.emitUnmatched(rows.unmatched[1], 1);
  }

  private join(lefts: Row[], rights: Row[]): void {
    const matched = this.matched;
    const outerRight = this.keepUnmatched[1];
    if (outerRight) {
      matched.length = rights.length;
      matched.fill(false);
    }
    for (let l = 0; l < lefts.length; l++) {
      const left = lefts[l];
      let any = false;
      for (let r = 0; r < rights.length; r++) {
        const joined = left.concat(rights[r]);
        if (this.condition !== undefined && !this.condition(joined)) continue;
        this.out.push(joined, INSERT);
        any = true;
        if (outerRight) matched[r] = true;
      }
      if (!any && this.keepUnmatched[0]) this.out.push(this.padded(0, left), INSERT);
    }
    if (outerRight) for (let r = 0; r < rights.length; r++) if (!matched[r]) this.out.push(this.padded(1, rights[r]), INSERT);
  }

  private semiAntiJoin(lefts: Row[], rights: Row[]): void {
    const semi = this.config.joinType === 'SEMI';
    for (let l = 0; l < lefts.length; l++) {
      const left = lefts[l];
      let found = false;
      if (this.condition === undefined) found = rights.length > 0;
      else for (let r = 0; r < rights.length && !found; r++) found = this.condition(left.concat(rights[r]));
      if (found === semi) this.out.push(left, INSERT);
    }
  }

  private emitUnmatched(rows: Row[], side: number): void {
    for (let i = 0; i < rows.length; i++) this.out.push(this.padded(side, rows[i]), INSERT);
  }

  // ANTI emits the left row as it is; outer joins pad the missing side with NULLs.
  private padded(side: number, row: Row): Row {
    if (this.config.joinType === 'ANTI') return row;
    return side === 0 ? row.concat(this.padding[0]) : this.padding[1].concat(row);
  }
}

function hasNullKey(row: Row, keys: number[]): boolean {
  for (let k = 0; k < keys.length; k++) if (row[keys[k]] === null) return true;
  return false;
}

export const createWindowJoin: OperatorFactory = (operator, context, output, metrics) => new WindowJoin(operator.config as WindowJoinConfig, context, output, metrics, operator.id);
