import type { Row } from '../../runtime/row';
import type { StateKey } from '../../runtime/state-backend';

/** One version of a keyed row: from `time` on the key holds `row`, or nothing when `row` is null (deleted). */
export interface Version {
  time: number;
  row: Row | null;
}

/**
 * The versions of a versioned table by primary key, oldest first (Flink's TemporalRowTimeJoinOperator
 * right state). A version arriving at a time already held replaces it, as a later change at the
 * same instant does.
 */
export class VersionedRows {
  constructor(private readonly byKey: Map<StateKey, Version[]>) {}

  /** Records a version; true when the key had none at that time yet (the caller then schedules its pruning). */
  put(key: StateKey, time: number, row: Row | null): boolean {
    let versions = this.byKey.get(key);
    if (!versions) {
      versions = [];
      this.byKey.set(key, versions);
    }
    const at = upperBound(versions, time);
    if (at > 0 && versions[at - 1].time === time) {
      versions[at - 1].row = row;
      return false;
    }
    versions.splice(at, 0, { time, row });
    return true;
  }

  /** The row valid at `time`: the latest version at or before it; null when there is none or it is a deletion. */
  asOf(key: StateKey, time: number): Row | null {
    const versions = this.byKey.get(key);
    if (!versions) return null;
    const at = upperBound(versions, time);
    return at === 0 ? null : versions[at - 1].row;
  }

  /**
   * Drops what no row at or above the watermark can see: every version older than the newest one
   * at or below it, and that one as well when it is a deletion (no version means no match too).
   */
  prune(key: StateKey, watermark: number): void {
    const versions = this.byKey.get(key);
    if (!versions) return;
    let keep = upperBound(versions, watermark) - 1;
    if (keep >= 0 && versions[keep].row === null) keep++;
    if (keep > 0) versions.splice(0, keep);
    if (versions.length === 0) this.byKey.delete(key);
  }
}

// The index of the first version later than `time`.
function upperBound(versions: Version[], time: number): number {
  let low = 0;
  let high = versions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (versions[mid].time <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}
