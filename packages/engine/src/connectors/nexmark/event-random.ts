/**
 * Deterministic random numbers for the Nexmark generator, re-seeded for every event.
 *
 * Flink's generator draws from one unseeded SplittableRandom, so its output is not reproducible.
 * We instead derive the stream from (seed, eventId): any event can be generated on its own, so a
 * source may skip events or fields a query never reads and still produce identical values for
 * the ones it does. All math is 32-bit (Math.imul); no BigInt on the hot path.
 */

/** 2^32 / golden ratio: the Weyl increment of splitmix32. */
const GOLDEN_GAMMA = 0x9e3779b9 | 0;
const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;
const INV_TWO_POW_53 = 1 / 9007199254740992;

/** murmur3's 32-bit finalizer: a bijective avalanche mix. */
export function fmix32(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** splitmix32 stream whose start is a hash of (seed, eventId). */
export class EventRandom {
  private state = 0;
  private readonly seedKey: number;

  constructor(seed: number) {
    const low = seed >>> 0;
    const high = Math.floor(seed / TWO_POW_32) | 0;
    this.seedKey = fmix32(fmix32(low ^ 0x5bd1e995) + Math.imul(high, GOLDEN_GAMMA));
  }

  /** Positions the stream at the first draw of event `eventId` (a non-negative safe integer). */
  reset(eventId: number): void {
    const low = eventId >>> 0;
    const high = (eventId / TWO_POW_32) | 0;
    this.state = fmix32((fmix32(low ^ this.seedKey) + Math.imul(high, GOLDEN_GAMMA)) | 0);
  }

  /** Uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const s = (this.state + GOLDEN_GAMMA) | 0;
    this.state = s;
    return fmix32(s) >>> 0;
  }

  /** Uniform signed 32-bit integer, like Java's nextInt(). */
  nextInt32(): number {
    return this.nextUint32() | 0;
  }

  /** Uniform integer in [0, bound) for 0 < bound <= 2^31 (multiply-shift; bias below 2^-32·bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextUint32() * bound * INV_TWO_POW_32);
  }

  /** Uniform double in [0, 1) with 32 random bits (enough for prices and rounding to integers). */
  nextDouble(): number {
    return this.nextUint32() * INV_TWO_POW_32;
  }

  /** Nexmark's LongGenerator.nextLong: nextInt below 2^31 − 1, else a 53-bit draw scaled to bound. */
  nextLong(bound: number): number {
    if (bound < 2147483647) return this.nextInt(bound);
    const wide = (this.nextUint32() >>> 11) * TWO_POW_32 + this.nextUint32();
    return Math.floor(wide * INV_TWO_POW_53 * bound);
  }
}
