import type { KeySelector } from '../../runtime/key-selector';
import type { OperatorContext } from '../../runtime/operator';
import type { Row, RowBatch, RowKinds } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import { parseDurationMs } from '../../runtime/watermark-generator';

/**
 * The rows of a mini-batch, grouped by key in arrival order of the keys (Flink's MapBundle), flushed
 * when `table.exec.mini-batch.size` rows are buffered, `allow-latency` has passed since the first,
 * a watermark arrives or the input ends.
 */
export class MiniBatchBuffer {
  private bundles = new Map<StateKey, { rows: RowBatch; kinds?: RowKinds }>();
  private count = 0;
  private firstAtMs = 0;

  constructor(
    private readonly maxRows: number,
    private readonly latencyMs: number,
  ) {}

  /** The buffer the job's mini-batch settings ask for; undefined when mini-batch is off. */
  static fromConfig(context: OperatorContext): MiniBatchBuffer | undefined {
    if (context.config['table.exec.mini-batch.enabled'] !== 'true') return undefined;
    const latencyMs = parseDurationMs(context.config['table.exec.mini-batch.allow-latency'] ?? '0') ?? 0;
    const size = Number(context.config['table.exec.mini-batch.size'] ?? '-1');
    return new MiniBatchBuffer(size > 0 ? size : Number.POSITIVE_INFINITY, latencyMs);
  }

  add(batch: RowBatch, kinds: RowKinds | undefined, keyOf: KeySelector): void {
    if (this.count === 0) this.firstAtMs = Date.now();
    for (let i = 0; i < batch.length; i++) {
      const row: Row = batch[i];
      const key = keyOf(row);
      let bundle = this.bundles.get(key);
      if (!bundle) {
        bundle = kinds ? { rows: [], kinds: [] } : { rows: [] };
        this.bundles.set(key, bundle);
      }
      bundle.rows.push(row);
      if (bundle.kinds && kinds) bundle.kinds.push(kinds[i]);
    }
    this.count += batch.length;
  }

  isFull(nowMs: number): boolean {
    return this.count > 0 && (this.count >= this.maxRows || nowMs - this.firstAtMs >= this.latencyMs);
  }

  isEmpty(): boolean {
    return this.count === 0;
  }

  /** Hands out the buffered bundles and starts a new mini-batch. */
  drain(): Map<StateKey, { rows: RowBatch; kinds?: RowKinds }> {
    const bundles = this.bundles;
    this.bundles = new Map();
    this.count = 0;
    return bundles;
  }
}
