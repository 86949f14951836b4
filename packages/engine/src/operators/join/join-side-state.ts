import type { Row } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';

/** One row of a join side with how many times it is currently present. */
export interface JoinRecord {
  row: Row;
  count: number;
}

/**
 * The rows of one join input by join key (Flink's JoinRecordStateView without unique key): a row
 * is identified by its values, so a retraction removes one occurrence of an equal row.
 */
export class JoinSideState {
  constructor(private readonly byKey: Map<StateKey, Map<string, JoinRecord>>) {}

  add(key: StateKey, row: Row): void {
    let rows = this.byKey.get(key);
    if (!rows) {
      rows = new Map();
      this.byKey.set(key, rows);
    }
    const id = JSON.stringify(row);
    const record = rows.get(id);
    if (record) record.count++;
    else rows.set(id, { row, count: 1 });
  }

  /** Removes one occurrence; false when the row was not there. */
  remove(key: StateKey, row: Row): boolean {
    const rows = this.byKey.get(key);
    const id = JSON.stringify(row);
    const record = rows?.get(id);
    if (!rows || !record) return false;
    if (--record.count === 0) rows.delete(id);
    if (rows.size === 0) this.byKey.delete(key);
    return true;
  }

  /** The rows present under a key. */
  records(key: StateKey): Iterable<JoinRecord> {
    return this.byKey.get(key)?.values() ?? [];
  }
}
