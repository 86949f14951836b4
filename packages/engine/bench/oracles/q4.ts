import type { NexmarkConfig } from '../../src/connectors/nexmark';
import { joinAuctionsWithBids } from './auction-bid-join';
import type { ChangelogSink, RowKind } from './changelog-sink';
import { emitAggregateChange } from './oracle-support';

/** Sink columns of nexmark_q4 (id receives the category, final the average). */
export const Q4_COLUMNS = ['BIGINT', 'BIGINT'];

interface CategoryAverage {
  sum: number;
  count: number;
  row: unknown[] | null;
}

/**
 * q4, average winning price per category. Inner: MAX(price) per (auction, category) over the
 * time-bounded join, a GroupAggFunction that emits +I, then −U/+U only when the max changes.
 * Outer: AVG(final) per category consumes those changes with retraction (−U subtracts, +U adds,
 * each processed on its own without mini-batch); AVG of BIGINT is BIGINT, sum / count truncated.
 * A category whose count drops to zero would emit −D.
 */
export function runQ4(config: NexmarkConfig, sink: ChangelogSink): void {
  const maxByAuction = new Map<number, unknown[]>();
  const averages = new Map<number, CategoryAverage>();
  const outer: ChangelogSink = {
    emit(kind: RowKind, row: unknown[]) {
      const [final, category] = row as [number, number];
      let state = averages.get(category);
      if (state === undefined) {
        state = { sum: 0, count: 0, row: null };
        averages.set(category, state);
      }
      const sign = kind === '+I' || kind === '+U' ? 1 : -1;
      state.sum += sign * final;
      state.count += sign;
      if (state.count === 0) {
        if (state.row !== null) sink.emit('-D', state.row);
        averages.delete(category);
        return;
      }
      const next = [category, (state.sum - (state.sum % state.count)) / state.count];
      emitAggregateChange(sink, state.row, next);
      state.row = next;
    },
  };
  joinAuctionsWithBids(config, (a, b) => {
    const previous = maxByAuction.get(a.id) ?? null;
    const final = previous === null ? b.price : Math.max(previous[0] as number, b.price);
    const next = [final, a.category];
    emitAggregateChange(outer, previous, next);
    maxByAuction.set(a.id, next);
  });
}
