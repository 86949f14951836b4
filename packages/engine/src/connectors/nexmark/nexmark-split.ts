import type { NexmarkConfig } from './nexmark-options';

/** One source split: a disjoint block of event ids with its own timeline at rate / numSplits. */
export interface NexmarkSplit {
  index: number;
  numSplits: number;
  /** Event ids of this split are firstEventId + 1, firstEventId + 2, … (Flink's eventNumber starts at 1). */
  firstEventId: number;
  maxEvents: number;
  /** Events after which this split stops (stop-at / numSplits); −1 = never. */
  stopAt: number;
  /** Event-time gap between consecutive events of this split, µs (a double, as in Flink). */
  interEventDelayUs: number;
}

/** Integer share of `total` for split `index`: total / n each, the last split takes the remainder. */
function share(total: number, numSplits: number, index: number): number {
  const each = Math.floor(total / numSplits);
  return index === numSplits - 1 ? total - each * (numSplits - 1) : each;
}

/** Splits the generator as Flink's GeneratorConfig.split(P) does: one split per source subtask. */
export function splitConfig(config: NexmarkConfig, numSplits: number): NexmarkSplit[] {
  if (!Number.isInteger(numSplits) || numSplits < 1) throw new RangeError(`numSplits must be a positive integer, got ${numSplits}`);
  const interEventDelayUs = (1_000_000 / config.firstEventRate) * numSplits;
  const each = Math.floor(config.maxEvents / numSplits);
  const splits: NexmarkSplit[] = [];
  for (let i = 0; i < numSplits; i++) {
    splits.push({
      index: i,
      numSplits,
      firstEventId: 1 + i * each,
      maxEvents: share(config.maxEvents, numSplits, i),
      // Java's -1 / P would be 0; Flink's reader maps a negative stop-at back to -1.
      stopAt: config.stopAt < 0 ? -1 : share(config.stopAt, numSplits, i),
      interEventDelayUs,
    });
  }
  return splits;
}
