import type { ChangelogSink, RowKind } from './oracles/changelog-sink';

/**
 * Turns an upsert stream (what Flink's blackhole receives: +I/+U replace the row with the same
 * key, -D deletes it, no -U) into a retracting changelog, so a digest sees each replaced row
 * removed: +U of a known key becomes -U old, +U new.
 */
export class UpsertMaterializer implements ChangelogSink {
  private readonly rows = new Map<string, unknown[]>();

  constructor(
    private readonly keys: readonly number[],
    private readonly target: ChangelogSink,
  ) {}

  emit(kind: RowKind, row: unknown[]): void {
    const key = JSON.stringify(this.keys.map((i) => row[i]));
    const previous = this.rows.get(key);
    if (kind === '+I' || kind === '+U') {
      if (previous) this.target.emit('-U', previous);
      this.rows.set(key, row);
      this.target.emit(previous ? '+U' : '+I', row);
      return;
    }
    if (!previous) throw new Error(`${kind} of key ${key}, which is not in the result`);
    this.rows.delete(key);
    this.target.emit(kind, previous);
  }
}
