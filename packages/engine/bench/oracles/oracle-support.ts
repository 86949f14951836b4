import { NexmarkGenerator, splitConfig, type NexmarkConfig, type NexmarkGeneratorOptions } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';

/** The generator the oracles read: parallelism 1, so the one and only split. */
export function singleSplitGenerator(config: NexmarkConfig, options?: NexmarkGeneratorOptions): NexmarkGenerator {
  return new NexmarkGenerator(config, splitConfig(config, 1)[0], options);
}

/** `0.908 * price` is DECIMAL(23, 3); carried as its unscaled integer price × 908 at scale 3. */
export const EURO_RATE_UNSCALED = 908;

export const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * DATE_FORMAT(ts, 'yyyy-MM-dd') and (ts, 'HH:mm') in UTC (session time zone UTC; TIMESTAMP(3)
 * is zone-less), caching the last day and minute since event time moves slowly.
 */
export class UtcDateFormatter {
  private dayIndex = NaN;
  private dayText = '';
  private minuteIndex = NaN;
  private minuteText = '';

  /** 'yyyy-MM-dd' of epoch ms. */
  day(ms: number): string {
    const index = Math.floor(ms / MS_PER_DAY);
    if (index !== this.dayIndex) {
      this.dayIndex = index;
      this.dayText = new Date(index * MS_PER_DAY).toISOString().slice(0, 10);
    }
    return this.dayText;
  }

  /** 'HH:mm' of epoch ms. */
  minute(ms: number): string {
    const index = Math.floor(ms / MS_PER_MINUTE);
    if (index !== this.minuteIndex) {
      this.minuteIndex = index;
      const minuteOfDay = index - Math.floor(index / 1440) * 1440;
      this.minuteText = `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
    }
    return this.minuteText;
  }
}

/** HOUR(ts) in UTC. */
export function hourOfDay(ms: number): number {
  return Math.floor((ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY) / MS_PER_HOUR);
}

/** Start of the epoch-aligned window of `sizeMs` holding `ts` (Flink's getWindowStartWithOffset, offset 0). */
export function windowStart(ts: number, sizeMs: number): number {
  return ts - (((ts % sizeMs) + sizeMs) % sizeMs);
}

/** Flink's rank buckets of q15–q17: 1 below 10,000, 2 below 1,000,000, else 3. */
export function priceRank(price: number): 1 | 2 | 3 {
  return price < 10_000 ? 1 : price < 1_000_000 ? 2 : 3;
}

function rowsEqual(a: unknown[], b: unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * How a non-mini-batch GroupAggFunction reports a new aggregate: +I for a new key; nothing when
 * the result row is unchanged (its equaliser check); else −U old then +U new.
 */
export function emitAggregateChange(sink: ChangelogSink, previous: unknown[] | null, next: unknown[]): void {
  if (previous === null) sink.emit('+I', next);
  else if (!rowsEqual(previous, next)) {
    sink.emit('-U', previous);
    sink.emit('+U', next);
  }
}
