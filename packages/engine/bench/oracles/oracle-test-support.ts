import { EVENT_AUCTION, EVENT_BID, EVENT_PERSON, parseNexmarkOptions, type NexmarkAuction, type NexmarkBid, type NexmarkConfig, type NexmarkPerson } from '../../src/connectors/nexmark';
import { ChangelogDigest } from '../changelog-digest';
import type { ChangelogSink, RowKind } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** A small run: 20,000 events, default proportions, plus any option overrides. */
export function smallConfig(overrides: Record<string, string> = {}): NexmarkConfig {
  return parseNexmarkOptions({ 'events.num': '20000', ...overrides });
}

/** Every bid of the run, copied, for brute-force checks. */
export function allBids(config: NexmarkConfig): NexmarkBid[] {
  const gen = singleSplitGenerator(config);
  const bids: NexmarkBid[] = [];
  while (gen.hasNext()) if (gen.next() === EVENT_BID) bids.push({ ...gen.bid });
  return bids;
}

/** Records every change in order. */
export class RecordingSink implements ChangelogSink {
  readonly changes: { kind: RowKind; row: unknown[] }[] = [];

  emit(kind: RowKind, row: unknown[]): void {
    this.changes.push({ kind, row });
  }

  /** Rows of one kind. */
  rows(kind: RowKind = '+I'): unknown[][] {
    return this.changes.filter((c) => c.kind === kind).map((c) => c.row);
  }
}

/** Runs an oracle into a materializing digest. */
export function digestOf(run: (config: NexmarkConfig, sink: ChangelogSink) => void, columns: readonly string[], config: NexmarkConfig): ChangelogDigest {
  const digest = new ChangelogDigest(columns);
  run(config, digest);
  return digest;
}

/** The final rows of a changelog (inserts and after-images minus removals), as arrays. */
export function finalRows(run: (config: NexmarkConfig, sink: ChangelogSink) => void, config: NexmarkConfig): unknown[][] {
  const rows = new Map<string, unknown[]>();
  const counts = new Map<string, number>();
  run(config, {
    emit(kind, row) {
      const key = JSON.stringify(row);
      const count = (counts.get(key) ?? 0) + (kind === '+I' || kind === '+U' ? 1 : -1);
      if (count < 0) throw new Error(`removal of a missing row ${key}`);
      counts.set(key, count);
      rows.set(key, row);
    },
  });
  const out: unknown[][] = [];
  for (const [key, count] of counts) for (let i = 0; i < count; i++) out.push(rows.get(key) as unknown[]);
  return out;
}

/** Every event of the run, copied, split by type. */
export function allEvents(config: NexmarkConfig): { persons: NexmarkPerson[]; auctions: NexmarkAuction[]; bids: NexmarkBid[] } {
  const gen = singleSplitGenerator(config);
  const out = { persons: [] as NexmarkPerson[], auctions: [] as NexmarkAuction[], bids: [] as NexmarkBid[] };
  while (gen.hasNext()) {
    const type = gen.next();
    if (type === EVENT_PERSON) out.persons.push({ ...gen.person });
    else if (type === EVENT_AUCTION) out.auctions.push({ ...gen.auction });
    else out.bids.push({ ...gen.bid });
  }
  return out;
}

/** Sorts rows by their JSON text, to compare multisets. */
export function sorted(rows: unknown[][]): unknown[][] {
  return rows.map((row) => [JSON.stringify(row), row] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, row]) => row);
}
