import { EventRandom } from './event-random';
import type { NexmarkAuction, NexmarkBid, NexmarkPerson } from './nexmark-events';
import type { NexmarkConfig } from './nexmark-options';
import type { NexmarkSplit } from './nexmark-split';
import { BASE_STRING_SIZE, CHANNELS_NUMBER, nexmarkTables, type NexmarkTables } from './nexmark-tables';

/**
 * Event types, the value of the `event_type` column. Declared in this module on purpose: read
 * through an import inside peekType they made the skip loop four times slower under V8 (ESM).
 */
export const EVENT_PERSON = 0;
export const EVENT_AUCTION = 1;
export const EVENT_BID = 2;

const FIRST_PERSON_ID = 1000;
const FIRST_AUCTION_ID = 1000;
const FIRST_CATEGORY_ID = 10;
const NUM_CATEGORIES = 5;
const PERSON_ID_LEAD = 10;
const AUCTION_ID_LEAD = 10;
const HOT_SELLER_RATIO = 100;
const HOT_AUCTION_RATIO = 100;
const HOT_BIDDER_RATIO = 100;
const HOT_CHANNELS_RATIO = 2;
const NUM_ACTIVE_PEOPLE = 1000;
const NUM_IN_FLIGHT_AUCTIONS = 100;
const MIN_STRING_LENGTH = 3;
const SPACE = 32;
/**
 * nextPrice = round(10^(6x) × 100) for a uniform x, computed as e^(6·ln10·x) from a 4096-entry
 * table on the top 12 bits of x and a cubic for the low 20 (relative error < 1e-11): about 4×
 * cheaper than Math.pow + Math.round, and plain IEEE arithmetic, so identical on every engine.
 */
const PRICE_EXPONENT = 6 * Math.LN10;
const PRICE_TABLE_BITS = 12;
const PRICE_LOW_BITS = 32 - PRICE_TABLE_BITS;
const PRICE_LOW_MASK = (1 << PRICE_LOW_BITS) - 1;
const PRICE_LOW_SCALE = PRICE_EXPONENT / 4294967296;
const PRICE_TABLE = new Float64Array(1 << PRICE_TABLE_BITS);
for (let i = 0; i < PRICE_TABLE.length; i++) PRICE_TABLE[i] = Math.exp((PRICE_EXPONENT * i) / PRICE_TABLE.length) * 100;

/** Projection push-down: fields a query never reads can be left unmaterialized. */
export interface NexmarkGeneratorOptions {
  /**
   * False leaves every `extra` empty. It is each event's last draw, so all other fields stay
   * identical; saves the padding substring (the only allocation of a bid).
   */
  extra?: boolean;
}

/**
 * Nexmark event generator for one split (GENERATOR.md §2–§7). Event k of the split has
 * eventNumber 1 + k and the global id firstEventId + eventNumber; its type and timestamp follow
 * from those numbers alone and its random fields from (seed, eventId), so skipping is free.
 * `next()` fills the reusable person/auction/bid object of the event's type (no allocation
 * besides the strings).
 */
export class NexmarkGenerator {
  readonly person: NexmarkPerson = { id: 0, name: '', emailAddress: '', creditCard: '', city: '', state: '', dateTime: 0, extra: '' };
  readonly auction: NexmarkAuction = {
    id: 0, itemName: '', description: '', initialBid: 0, reserve: 0, dateTime: 0, expires: 0, seller: 0, category: 0, extra: '',
  };
  readonly bid: NexmarkBid = { auction: 0, bidder: 0, price: 0, channel: '', url: '', dateTime: 0, extra: '' };

  private count = 0;
  /**
   * Next event id split as epoch × totalProportion + rem, advanced by counting: a modulo by a
   * variable is an integer division (~10 ns), and a bid would otherwise need several.
   */
  private rem = 0;
  private epoch = 0;
  private readonly withExtra: boolean;
  private readonly random: EventRandom;
  private readonly tables: NexmarkTables;
  private readonly firstEventId: number;
  private readonly maxEvents: number;
  private readonly stopAt: number;
  private readonly interEventDelayUs: number;
  private readonly baseTimeMs: number;
  private readonly totalProportion: number;
  private readonly personProportion: number;
  private readonly auctionProportion: number;
  private readonly hotAuctionRatio: number;
  private readonly hotBiddersRatio: number;
  private readonly hotSellersRatio: number;
  private readonly avgPersonByteSize: number;
  private readonly avgAuctionByteSize: number;
  private readonly avgBidByteSize: number;
  /** Events until numInFlightAuctions more auctions exist: 100 × 50 / 3 = 1666 by default. */
  private readonly auctionHorizonEvents: number;

  constructor(config: NexmarkConfig, split: NexmarkSplit, options: NexmarkGeneratorOptions = {}) {
    this.withExtra = options.extra ?? true;
    this.random = new EventRandom(config.seed);
    this.tables = nexmarkTables();
    this.firstEventId = split.firstEventId;
    this.maxEvents = split.maxEvents;
    this.stopAt = split.stopAt;
    this.interEventDelayUs = split.interEventDelayUs;
    this.baseTimeMs = config.baseTimeMs;
    this.totalProportion = config.totalProportion;
    this.personProportion = config.personProportion;
    this.auctionProportion = config.auctionProportion;
    this.hotAuctionRatio = config.hotAuctionRatio;
    this.hotBiddersRatio = config.hotBiddersRatio;
    this.hotSellersRatio = config.hotSellersRatio;
    this.avgPersonByteSize = config.avgPersonByteSize;
    this.avgAuctionByteSize = config.avgAuctionByteSize;
    this.avgBidByteSize = config.avgBidByteSize;
    this.auctionHorizonEvents = config.auctionProportion === 0
      ? 0
      : Math.floor((NUM_IN_FLIGHT_AUCTIONS * config.totalProportion) / config.auctionProportion);
    this.seek(0);
  }

  /** Events emitted (or skipped) so far in this split; checkpoint this. */
  position(): number {
    return this.count;
  }

  /** Restores a checkpointed position. */
  setPosition(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0 || n > this.maxEvents) throw new RangeError(`invalid Nexmark split position ${n}`);
    this.seek(n);
  }

  private seek(n: number): void {
    this.count = n;
    const eventId = this.firstEventId + 1 + n;
    this.rem = eventId % this.totalProportion;
    this.epoch = (eventId - this.rem) / this.totalProportion;
  }

  private advance(): void {
    this.count++;
    if (++this.rem === this.totalProportion) {
      this.rem = 0;
      this.epoch++;
    }
  }

  /** True while the split has events left (and stop-at is not reached). */
  hasNext(): boolean {
    return this.count < this.maxEvents && (this.stopAt < 0 || this.count < this.stopAt);
  }

  /** Global id of the next event. */
  peekEventId(): number {
    return this.firstEventId + 1 + this.count;
  }

  /** Type of the next event without generating it (cheap: from the event id). */
  peekType(): number {
    const rem = this.rem;
    if (rem < this.personProportion) return EVENT_PERSON;
    return rem < this.personProportion + this.auctionProportion ? EVENT_AUCTION : EVENT_BID;
  }

  /** Timestamp (epoch ms) of the next event, which is also its watermark hint (cheap). */
  peekTimestamp(): number {
    return this.timestampOf(1 + this.count);
  }

  /** Moves past the next event without generating it. */
  skip(): void {
    this.advance();
  }

  /** Generates the next event into `person`, `auction` or `bid` and returns its type. */
  next(): number {
    const eventNumber = 1 + this.count;
    const timestamp = this.timestampOf(eventNumber);
    const type = this.peekType();
    const lastPerson = this.lastBase0PersonId();
    const lastAuction = this.lastBase0AuctionId();
    this.random.reset(this.firstEventId + eventNumber);
    this.advance();
    if (type === EVENT_BID) this.nextBid(lastPerson, lastAuction, timestamp);
    else if (type === EVENT_AUCTION) this.nextAuction(lastPerson, lastAuction, eventNumber, timestamp);
    else this.nextPerson(lastPerson, timestamp);
    return type;
  }

  /** baseTime + (long)(eventNumber × delayUs) / 1000, with Java's truncations. */
  private timestampOf(eventNumber: number): number {
    return this.baseTimeMs + Math.floor(Math.floor(eventNumber * this.interEventDelayUs) / 1000);
  }

  /** Base-0 id of the latest person at the next event (GENERATOR.md §3). */
  private lastBase0PersonId(): number {
    const rem = this.rem;
    const offset = rem >= this.personProportion ? this.personProportion - 1 : rem;
    return this.epoch * this.personProportion + offset;
  }

  /** Base-0 id of the latest auction at the next event (GENERATOR.md §3). */
  private lastBase0AuctionId(): number {
    const rem = this.rem;
    let epoch = this.epoch;
    let offset: number;
    if (rem < this.personProportion) {
      // A person slot: the last auction is the final one of the previous epoch.
      epoch--;
      offset = this.auctionProportion - 1;
    } else if (rem >= this.personProportion + this.auctionProportion) {
      offset = this.auctionProportion - 1;
    } else {
      offset = rem - this.personProportion;
    }
    return epoch * this.auctionProportion + offset;
  }

  /** A recently active person, possibly up to PERSON_ID_LEAD ids ahead of the last one. */
  private nextBase0PersonId(lastPerson: number): number {
    const numPeople = lastPerson + 1;
    const activePeople = Math.min(numPeople, NUM_ACTIVE_PEOPLE);
    return numPeople - activePeople + this.random.nextLong(activePeople + PERSON_ID_LEAD);
  }

  /** One of the last NUM_IN_FLIGHT_AUCTIONS auctions, possibly up to AUCTION_ID_LEAD ahead. */
  private nextBase0AuctionId(lastAuction: number): number {
    const maxAuction = lastAuction;
    const minAuction = Math.max(maxAuction - NUM_IN_FLIGHT_AUCTIONS, 0);
    return minAuction + this.random.nextLong(maxAuction - minAuction + 1 + AUCTION_ID_LEAD);
  }

  private nextPrice(): number {
    const bits = this.random.nextUint32();
    const low = (bits & PRICE_LOW_MASK) * PRICE_LOW_SCALE;
    // Java's Math.round for positive values is floor(x + 0.5); Math.round here costs ~20 ns.
    return Math.floor(PRICE_TABLE[bits >>> PRICE_LOW_BITS] * (1 + low * (1 + low * (0.5 + low * (1 / 6)))) + 0.5);
  }

  /**
   * nextString(maxLength, ' '): length 3 + nextInt(maxLength − 3), then trim. The characters are
   * taken as a run of a fixed pool with the same per-char distribution (' ' with p 1/13, else
   * a..z) instead of one draw each: a substring is a cheap slice, which keeps auctions fast.
   */
  private nextString(maxLength: number): string {
    const length = MIN_STRING_LENGTH + this.random.nextInt(maxLength - MIN_STRING_LENGTH);
    const offset = this.random.nextInt(BASE_STRING_SIZE - length);
    const text = this.tables.stringPool.substring(offset, offset + length);
    return text.charCodeAt(0) === SPACE || text.charCodeAt(length - 1) === SPACE ? text.trim() : text;
  }

  /** A string of exactly `length` chars: a slice of the 1 MiB base string when short enough. */
  private nextExactString(length: number): string {
    if (length < BASE_STRING_SIZE / 2) {
      const offset = this.random.nextInt(BASE_STRING_SIZE - length);
      return this.tables.baseString.substring(offset, offset + length);
    }
    const codes: number[] = [];
    for (let i = 0; i < length; i++) codes.push(97 + this.random.nextInt(26));
    let text = '';
    for (let i = 0; i < length; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
    return text;
  }

  /** Padding so the event's size averages `desiredAverageSize` (±20 %). */
  private nextExtra(currentSize: number, desiredAverageSize: number): string {
    if (!this.withExtra || currentSize > desiredAverageSize) return '';
    const remaining = desiredAverageSize - currentSize;
    const delta = Math.floor(remaining * 0.2 + 0.5);
    const size = remaining - delta + (delta === 0 ? 0 : this.random.nextInt(2 * delta));
    return this.nextExactString(size);
  }

  private nextPerson(lastPerson: number, timestamp: number): void {
    const random = this.random;
    const tables = this.tables;
    const p = this.person;
    p.id = lastPerson + FIRST_PERSON_ID;
    const first = random.nextInt(11);
    p.name = tables.personNames[first * tables.lastNameCount + random.nextInt(tables.lastNameCount)];
    const user = this.nextString(7);
    p.emailAddress = `${user}@${this.nextString(5)}.com`;
    const digits = tables.fourDigits;
    const g1 = digits[random.nextInt(10000)];
    const g2 = digits[random.nextInt(10000)];
    const g3 = digits[random.nextInt(10000)];
    p.creditCard = `${g1} ${g2} ${g3} ${digits[random.nextInt(10000)]}`;
    p.city = tables.cities[random.nextInt(tables.cities.length)];
    p.state = tables.states[random.nextInt(tables.states.length)];
    p.dateTime = timestamp;
    const size = 8 + p.name.length + p.emailAddress.length + p.creditCard.length + p.city.length + p.state.length;
    p.extra = this.nextExtra(size, this.avgPersonByteSize);
  }

  private nextAuction(lastPerson: number, lastAuction: number, eventNumber: number, timestamp: number): void {
    const random = this.random;
    const a = this.auction;
    a.id = lastAuction + FIRST_AUCTION_ID;
    const seller = random.nextInt(this.hotSellersRatio) > 0
      ? lastPerson - (lastPerson % HOT_SELLER_RATIO)
      : this.nextBase0PersonId(lastPerson);
    a.seller = seller + FIRST_PERSON_ID;
    a.category = FIRST_CATEGORY_ID + random.nextInt(NUM_CATEGORIES);
    a.initialBid = this.nextPrice();
    // Average lifetime: the event time until numInFlightAuctions more auctions were generated.
    const horizonMs = this.timestampOf(eventNumber + this.auctionHorizonEvents) - timestamp;
    a.expires = timestamp + 1 + random.nextLong(Math.max(horizonMs * 2, 1));
    a.itemName = this.nextString(20);
    a.description = this.nextString(100);
    a.reserve = a.initialBid + this.nextPrice();
    a.dateTime = timestamp;
    a.extra = this.nextExtra(8 + a.itemName.length + a.description.length + 40, this.avgAuctionByteSize);
  }

  private nextBid(lastPerson: number, lastAuction: number, timestamp: number): void {
    const random = this.random;
    const tables = this.tables;
    const b = this.bid;
    // x − x % 100 is Java's (x / 100) * 100 (truncating, also for −1) and compiles to a multiply.
    const auction = random.nextInt(this.hotAuctionRatio) > 0
      ? lastAuction - (lastAuction % HOT_AUCTION_RATIO)
      : this.nextBase0AuctionId(lastAuction);
    b.auction = auction + FIRST_AUCTION_ID;
    const bidder = random.nextInt(this.hotBiddersRatio) > 0
      ? lastPerson - (lastPerson % HOT_BIDDER_RATIO) + 1
      : this.nextBase0PersonId(lastPerson);
    // Flink's BidGenerator adds FIRST_PERSON_ID twice: bidders are offset by 2000.
    b.bidder = bidder + 2 * FIRST_PERSON_ID;
    b.price = this.nextPrice();
    if (random.nextInt(HOT_CHANNELS_RATIO) > 0) {
      const i = random.nextInt(tables.hotChannels.length);
      b.channel = tables.hotChannels[i];
      b.url = tables.hotUrls[i];
    } else {
      const k = random.nextInt(CHANNELS_NUMBER);
      b.channel = tables.channelNames[k];
      b.url = tables.channelUrls[k];
    }
    b.dateTime = timestamp;
    b.extra = this.nextExtra(32, this.avgBidByteSize);
  }
}
