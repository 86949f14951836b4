import { EngineError } from '../../errors';

/** Parsed options of the `nexmark` connector (names and defaults as Flink's NexmarkSourceOptions). */
export interface NexmarkConfig {
  /** Event-time rate over all splits, events/s: drives timestamps only, never real speed. */
  firstEventRate: number;
  /** Parsed for compatibility; Flink's generator never reads it. */
  nextEventRate: number;
  /** Total events over all splits; `events.num` = 0 becomes Flink's "effectively unbounded" cap. */
  maxEvents: number;
  /** True when `events.num` was 0 (the connector then never ends on its own). */
  unbounded: boolean;
  personProportion: number;
  auctionProportion: number;
  bidProportion: number;
  /** Sum of the three proportions: the length of one id epoch. */
  totalProportion: number;
  hotAuctionRatio: number;
  hotBiddersRatio: number;
  hotSellersRatio: number;
  avgPersonByteSize: number;
  avgAuctionByteSize: number;
  avgBidByteSize: number;
  /** When false the source should hold each event until wallclockBase + (timestamp − baseTimeMs). */
  maxEmitSpeed: boolean;
  /** When exhausted: idle forever instead of ending the input. */
  keepAlive: boolean;
  /** Events after which the whole source stops (split evenly); −1 = never. */
  stopAt: number;
  /** Weir only: the seed of every random draw. */
  seed: number;
  /** Weir only: event time of event number 0, epoch ms. Flink uses now() at planning time. */
  baseTimeMs: number;
}

/**
 * Default event-time origin, 2024-01-01T00:00:00Z. Flink takes the wall clock when the job is
 * planned; a constant keeps our outputs (and the oracle digests) reproducible.
 */
export const DEFAULT_BASE_TIME_MS = Date.UTC(2024, 0, 1);

/** An option of the `nexmark` connector has a value it cannot use. */
export class NexmarkOptionError extends EngineError {
  readonly option: string;
  readonly value: string;

  constructor(option: string, value: string, expected: string) {
    super(`invalid value '${value}' for option '${option}' of connector 'nexmark': expected ${expected}`, {
      code: 'CONNECTOR_OPTION_INVALID',
      domain: 'user',
      details: { option, value },
    });
    this.name = 'NexmarkOptionError';
    this.option = option;
    this.value = value;
  }
}

/** Options that are accepted but change nothing, as in Flink (the rate is always constant). */
const IGNORED_OPTIONS = ['rate.shape', 'rate.period', 'rate.limited'] as const;

/** Every option key the connector accepts besides `connector` itself. */
export const NEXMARK_OPTION_KEYS: readonly string[] = [
  'first-event.rate', 'next-event.rate', 'events.num',
  'person.proportion', 'auction.proportion', 'bid.proportion',
  'bid.hot-ratio.auctions', 'bid.hot-ratio.bidders', 'auction.hot-ratio.sellers',
  'person.avg-size', 'auction.avg-size', 'bid.avg-size',
  'max-emit-speed', 'keep-alive', 'stop-at', 'seed', 'base-time',
  ...IGNORED_OPTIONS,
];

const INT32_MAX = 2147483647;
const LONG_MAX = 9223372036854775807n;
const INTEGER = /^\s*[+-]?\d+\s*$/;

function integerOption(options: Record<string, string>, key: string, fallback: number, min: number, max: number): number {
  const text = options[key];
  if (text === undefined) return fallback;
  const value = INTEGER.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
    throw new NexmarkOptionError(key, text, range);
  }
  return value;
}

function booleanOption(options: Record<string, string>, key: string, fallback: boolean): boolean {
  const text = options[key];
  if (text === undefined) return fallback;
  const lower = text.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw new NexmarkOptionError(key, text, "'true' or 'false'");
  return lower === 'true';
}

/**
 * Flink's GeneratorConfig turns events.num = 0 into Long.MAX_VALUE / (total proportion × largest
 * average size); capped to a safe integer so ids stay exact in doubles.
 */
function unboundedEventCount(totalProportion: number, maxAvgSize: number): number {
  const cap = LONG_MAX / BigInt(totalProportion * Math.max(maxAvgSize, 1));
  return Number(cap > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : cap);
}

/** Validates the WITH options of a `nexmark` table; throws NexmarkOptionError naming the bad option. */
export function parseNexmarkOptions(options: Record<string, string>): NexmarkConfig {
  for (const key of Object.keys(options)) {
    if (key !== 'connector' && !NEXMARK_OPTION_KEYS.includes(key)) {
      throw new NexmarkOptionError(key, options[key], `one of the supported options (${NEXMARK_OPTION_KEYS.join(', ')})`);
    }
  }
  if (options['rate.limited'] !== undefined) booleanOption(options, 'rate.limited', false);
  const safe = Number.MAX_SAFE_INTEGER;
  const personProportion = integerOption(options, 'person.proportion', 1, 0, INT32_MAX);
  const auctionProportion = integerOption(options, 'auction.proportion', 3, 0, INT32_MAX);
  const bidProportion = integerOption(options, 'bid.proportion', 46, 0, INT32_MAX);
  const totalProportion = personProportion + auctionProportion + bidProportion;
  if (totalProportion === 0 || totalProportion > INT32_MAX) {
    throw new NexmarkOptionError('bid.proportion', options['bid.proportion'] ?? '46', 'proportions whose sum is in [1, 2147483647]');
  }
  const avgPersonByteSize = integerOption(options, 'person.avg-size', 200, 0, INT32_MAX);
  const avgAuctionByteSize = integerOption(options, 'auction.avg-size', 500, 0, INT32_MAX);
  const avgBidByteSize = integerOption(options, 'bid.avg-size', 100, 0, INT32_MAX);
  const eventsNum = integerOption(options, 'events.num', 0, 0, safe);
  const maxAvgSize = Math.max(avgPersonByteSize, avgAuctionByteSize, avgBidByteSize);
  return {
    firstEventRate: integerOption(options, 'first-event.rate', 10000, 1, INT32_MAX),
    nextEventRate: integerOption(options, 'next-event.rate', 10000, 1, INT32_MAX),
    maxEvents: eventsNum === 0 ? unboundedEventCount(totalProportion, maxAvgSize) : eventsNum,
    unbounded: eventsNum === 0,
    personProportion,
    auctionProportion,
    bidProportion,
    totalProportion,
    hotAuctionRatio: integerOption(options, 'bid.hot-ratio.auctions', 2, 1, INT32_MAX),
    hotBiddersRatio: integerOption(options, 'bid.hot-ratio.bidders', 4, 1, INT32_MAX),
    hotSellersRatio: integerOption(options, 'auction.hot-ratio.sellers', 4, 1, INT32_MAX),
    avgPersonByteSize,
    avgAuctionByteSize,
    avgBidByteSize,
    maxEmitSpeed: booleanOption(options, 'max-emit-speed', true),
    keepAlive: booleanOption(options, 'keep-alive', false),
    stopAt: integerOption(options, 'stop-at', -1, -1, safe),
    seed: integerOption(options, 'seed', 0, -safe, safe),
    baseTimeMs: integerOption(options, 'base-time', DEFAULT_BASE_TIME_MS, 0, 8.64e15),
  };
}
