export { EventRandom } from './event-random';
export { eventRow } from './event-row';
export type { NexmarkAuction, NexmarkBid, NexmarkPerson } from './nexmark-events';
export { EVENT_AUCTION, EVENT_BID, EVENT_PERSON, NexmarkGenerator, type NexmarkGeneratorOptions } from './nexmark-generator';
export { DEFAULT_BASE_TIME_MS, NEXMARK_OPTION_KEYS, NexmarkOptionError, parseNexmarkOptions, type NexmarkConfig } from './nexmark-options';
export { splitConfig, type NexmarkSplit } from './nexmark-split';
