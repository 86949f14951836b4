import { priceRank } from './oracle-support';

/**
 * Distinct counts of one column, overall and per price rank: each value keeps a bitmask of the
 * ranks it was seen with (bit r), so one map answers all four count(distinct …) FILTER columns.
 */
class RankedDistinct {
  readonly counts = [0, 0, 0, 0];
  private readonly seen = new Map<number, number>();

  add(value: number, rank: number): void {
    const mask = this.seen.get(value);
    const bit = 1 << rank;
    if (mask === undefined) {
      this.counts[0]++;
      this.counts[rank]++;
      this.seen.set(value, bit);
    } else if ((mask & bit) === 0) {
      this.counts[rank]++;
      this.seen.set(value, mask | bit);
    }
  }
}

/**
 * The aggregates q15 and q16 share: count(*), count(distinct bidder), count(distinct auction),
 * each overall and FILTERed by the three price ranks.
 */
export class BidStatistics {
  private readonly bids = [0, 0, 0, 0];
  private readonly bidders = new RankedDistinct();
  private readonly auctions = new RankedDistinct();

  /** Accumulates one bid. */
  add(bidder: number, auction: number, price: number): void {
    const rank = priceRank(price);
    this.bids[0]++;
    this.bids[rank]++;
    this.bidders.add(bidder, rank);
    this.auctions.add(auction, rank);
  }

  /** total_bids, rank1..3_bids, total_bidders, rank1..3_bidders, total_auctions, rank1..3_auctions. */
  values(): number[] {
    return [...this.bids, ...this.bidders.counts, ...this.auctions.counts];
  }
}
