/** Runtime helpers the generated accumulator code calls as `g.*`. */
export const aggregateHelpers = {
  /** Adds `n` occurrences of a value to a value-count map. */
  countUp(counts: Map<unknown, number>, value: unknown, n = 1): void {
    counts.set(value, (counts.get(value) ?? 0) + n);
  },
  /** Removes one occurrence; true when it was the last one (the value left the multiset). */
  countDown(counts: Map<unknown, number>, value: unknown): boolean {
    const n = counts.get(value);
    if (n === undefined) return false;
    if (n > 1) {
      counts.set(value, n - 1);
      return false;
    }
    counts.delete(value);
    return true;
  },
  minKey(counts: Map<unknown, number>): unknown {
    let best: unknown = null;
    for (const key of counts.keys()) if (best === null || (key as number) < (best as number)) best = key;
    return best;
  },
  maxKey(counts: Map<unknown, number>): unknown {
    let best: unknown = null;
    for (const key of counts.keys()) if (best === null || (key as number) > (best as number)) best = key;
    return best;
  },
  /**
   * Removes the oldest occurrence of a value from a list accumulator, as Flink's
   * First/LastValueWithRetractAggFunction drop the first order recorded for the value.
   */
  removeValue(list: unknown[], value: unknown): void {
    const index = list.indexOf(value);
    if (index >= 0) list.splice(index, 1);
  },
  /** Java's RoundingMode.HALF_UP to an integer. */
  roundHalfUp(x: number): number {
    return x < 0 ? -Math.round(-x) : Math.round(x);
  },
  /** Variance or standard deviation from sum, sum of squares and count, in the argument's arithmetic. */
  variance(sum: number, sumSq: number, count: number, sample: boolean, root: boolean, integer: boolean, scale: number): number | null {
    const divisor = sample ? count - 1 : count;
    if (count === 0 || divisor <= 0) return null;
    if (integer) {
      const variance = Math.trunc((sumSq - Math.trunc((sum * sum) / count)) / divisor);
      return root ? Math.trunc(Math.sqrt(variance)) : variance;
    }
    // DECIMAL values arrive unscaled: compute on the real values, then scale back.
    const s = sum / scale;
    const variance = (sumSq / (scale * scale) - (s * s) / count) / divisor;
    const result = root ? Math.sqrt(variance) : variance;
    return scale === 1 ? result : aggregateHelpers.roundHalfUp(result * scale);
  },
};
