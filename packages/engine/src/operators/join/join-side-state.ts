import type { Row } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';
import type { StateTtl } from '../../runtime/state-ttl';

/**
 * One row of a join side, how many times it is currently present and, on the outer side of an
 * outer join, how many rows of the other side it joins with (Flink's numOfAssociations).
 */
export interface JoinRecord {
  row: Row;
  count: number;
  associations: number;
}

/**
 * The rows of one join input by join key (Flink's JoinRecordStateView without unique key). A side
 * that can retract identifies rows by their values, so a retraction removes one occurrence of an
 * equal row; an insert-only side just appends, which saves building an identity per row.
 */
export class JoinSideState {
  /** Processing time of the batch being handled, stamped on written keys when a TTL is set. */
  private now = 0;

  /**
   * With `ttl` (`table.exec.state.ttl`), a join key whose rows were not written for the TTL loses
   * them all (Flink expires each row; the key is the unit here) and nothing is emitted for them.
   */
  constructor(
    private readonly byKey: Map<StateKey, Map<string, JoinRecord> | JoinRecord[]>,
    private readonly retractable: boolean,
    private readonly ttl?: StateTtl,
  ) {}

  /** Starts a batch handled at processing time `nowMs`: keys idle for the TTL are dropped first. */
  expireIdle(nowMs: number): void {
    if (!this.ttl) return;
    this.now = nowMs;
    this.ttl.expire(nowMs);
  }

  /** Adds one occurrence; returns the record, whose `associations` the caller sets for a new row. */
  add(key: StateKey, row: Row): JoinRecord {
    this.ttl?.touch(key, this.now);
    if (!this.retractable) {
      let list = this.byKey.get(key) as JoinRecord[] | undefined;
      if (!list) {
        list = [];
        this.byKey.set(key, list);
      }
      const appended = { row, count: 1, associations: 0 };
      list.push(appended);
      return appended;
    }
    let rows = this.byKey.get(key) as Map<string, JoinRecord> | undefined;
    if (!rows) {
      rows = new Map();
      this.byKey.set(key, rows);
    }
    const id = JSON.stringify(row);
    let record = rows.get(id);
    if (record) record.count++;
    else {
      record = { row, count: 1, associations: 0 };
      rows.set(id, record);
    }
    return record;
  }

  /** Removes one occurrence; the record it was (undefined when the row was not there). */
  remove(key: StateKey, row: Row): JoinRecord | undefined {
    const rows = this.byKey.get(key) as Map<string, JoinRecord> | undefined;
    const id = JSON.stringify(row);
    const record = rows?.get(id);
    if (!rows || !record) return undefined;
    if (--record.count === 0) rows.delete(id);
    if (rows.size === 0) {
      this.byKey.delete(key);
      this.ttl?.forget(key);
    } else {
      this.ttl?.touch(key, this.now);
    }
    return record;
  }

  /** The rows present under a key. */
  records(key: StateKey): Iterable<JoinRecord> {
    const rows = this.byKey.get(key);
    if (!rows) return [];
    return Array.isArray(rows) ? rows : rows.values();
  }
}
