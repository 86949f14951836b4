import type { Row } from '../../runtime/row';
import type { SourcePoll, SourceReader } from '../connector';
import { EVENT_AUCTION, EVENT_BID, EVENT_PERSON, NexmarkGenerator } from './nexmark-generator';
import type { NexmarkConfig } from './nexmark-options';
import type { NexmarkSplit } from './nexmark-split';

/** What a query needs from the source, from projection and filter push-down. */
export interface NexmarkReadSpec {
  /** Only events of this type are produced (a pushed-down `event_type = n`); null: all. */
  eventType: number | null;
  /** Columns emitted (indexes into event_type, person, auction, bid); null: all four. */
  projection: number[] | null;
  /** False when no query reads an `extra` field: it stays '' (nested projection push-down). */
  extra: boolean;
}

/** Every event, every column, every field: what a source gets without push-down. */
export const FULL_READ: NexmarkReadSpec = { eventType: null, projection: null, extra: true };

/**
 * One nexmark source subtask: rows `[event_type, person, auction, bid]`, only the ROW of the
 * event's type non-null. Events of a type a pushed-down filter rejects are skipped without
 * drawing their fields (generation is per event id, so the other events stay identical).
 */
export class NexmarkSourceReader implements SourceReader {
  private readonly generator: NexmarkGenerator;
  private wallclockBaseMs: number | undefined;
  private rebase = false;

  constructor(
    private readonly config: NexmarkConfig,
    split: NexmarkSplit,
    private readonly spec: NexmarkReadSpec = FULL_READ,
  ) {
    this.generator = new NexmarkGenerator(config, split, { extra: spec.extra });
  }

  poll(maxRows: number, nowMs: number): SourcePoll {
    const gen = this.generator;
    const rows: Row[] = [];
    // Without max-emit-speed each event waits for its wall-clock due time, as Flink's reader sleeps.
    if (this.rebase && gen.hasNext()) {
      this.rebase = false;
      this.wallclockBaseMs = nowMs - (gen.peekTimestamp() - this.config.baseTimeMs);
    }
    const dueLimit = this.config.maxEmitSpeed ? Number.POSITIVE_INFINITY : nowMs - (this.wallclockBaseMs ??= nowMs) + this.config.baseTimeMs;
    const only = this.spec.eventType;
    while (rows.length < maxRows && gen.hasNext()) {
      if (dueLimit !== Number.POSITIVE_INFINITY && gen.peekTimestamp() > dueLimit) {
        return { rows, finished: false, nextPollAtMs: (this.wallclockBaseMs as number) + gen.peekTimestamp() - this.config.baseTimeMs };
      }
      if (only !== null && gen.peekType() !== only) {
        gen.skip();
        continue;
      }
      const type = gen.next();
      rows.push(this.spec.projection === null ? this.row(type) : this.projectedRow(type, this.spec.projection));
    }
    return { rows, finished: !gen.hasNext() && !this.config.keepAlive };
  }

  /** Events generated so far in the split: generation is a function of the event number, so this is the whole position. */
  snapshotPosition(): number {
    return this.generator.position();
  }

  restorePosition(position: unknown): void {
    this.generator.setPosition(position as number);
    // Pacing restarts from here: the next event is due now, the later ones at their usual spacing.
    this.rebase = true;
  }

  private row(type: number): Row {
    const gen = this.generator;
    if (type === EVENT_BID) {
      const b = gen.bid;
      return [EVENT_BID, null, null, [b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra]];
    }
    if (type === EVENT_AUCTION) {
      const a = gen.auction;
      return [EVENT_AUCTION, null, [a.id, a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra], null];
    }
    return [type, this.personRow(), null, null];
  }

  private personRow(): Row {
    const p = this.generator.person;
    return [p.id, p.name, p.emailAddress, p.creditCard, p.city, p.state, p.dateTime, p.extra];
  }

  /** A row of the pushed-down columns only; nested rows of other event types stay null. */
  private projectedRow(type: number, projection: number[]): Row {
    const gen = this.generator;
    const row: Row = new Array(projection.length);
    for (let i = 0; i < projection.length; i++) {
      const column = projection[i];
      if (column === 0) row[i] = type;
      else if (column === 1) row[i] = type === EVENT_PERSON ? this.personRow() : null;
      else if (column === 2) {
        const a = gen.auction;
        row[i] = type === EVENT_AUCTION ? [a.id, a.itemName, a.description, a.initialBid, a.reserve, a.dateTime, a.expires, a.seller, a.category, a.extra] : null;
      } else {
        const b = gen.bid;
        row[i] = type === EVENT_BID ? [b.auction, b.bidder, b.price, b.channel, b.url, b.dateTime, b.extra] : null;
      }
    }
    return row;
  }
}
