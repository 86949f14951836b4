// The sorted top rows of one Top-N partition, shared by the `rank` and `window_rank` operators.
import type { RankConfig } from '../../plan/rank-plan';
import type { Row } from '../../runtime/row';
import type { RowComparator } from './sort-comparator';

/** First position whose row sorts strictly after `row`: a new row goes behind its ties. */
export function upperBound(rows: Row[], row: Row, compare: RowComparator): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(rows[mid], row) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The rank `row` gets when inserted at `position` of the sorted `rows` (behind its ties). */
export function rankAt(rankType: RankConfig['rankType'], rows: Row[], position: number, row: Row, compare: RowComparator): number {
  if (rankType === 'ROW_NUMBER') return position + 1;
  let first = position;
  while (first > 0 && compare(rows[first - 1], row) === 0) first--;
  if (rankType === 'RANK') return first + 1;
  if (first === 0) return 1;
  let dense = 1;
  for (let i = 1; i < first; i++) if (compare(rows[i - 1], rows[i]) !== 0) dense++;
  return dense + 1;
}

/** How many leading rows of the sorted `rows` rank within `rankEnd`, writing their ranks into `ranks`. */
export function topSize(rankType: RankConfig['rankType'], rankEnd: number, rows: Row[], compare: RowComparator, ranks: number[]): number {
  let rank = 0;
  let i = 0;
  for (; i < rows.length; i++) {
    const tie = i > 0 && rankType !== 'ROW_NUMBER' && compare(rows[i - 1], rows[i]) === 0;
    if (!tie) rank = rankType === 'DENSE_RANK' ? rank + 1 : i + 1;
    if (rank > rankEnd) break;
    ranks[i] = rank;
  }
  return i;
}
