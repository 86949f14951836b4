import { EVENT_AUCTION, EVENT_PERSON, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q3. */
export const Q3_COLUMNS = ['VARCHAR', 'VARCHAR', 'VARCHAR', 'BIGINT'];

const STATES = new Set(['OR', 'ID', 'CA']);

/**
 * q3, local item suggestion: regular inner join of category-10 auctions with OR/ID/CA persons on
 * seller = id (filters pushed below the join). Both inputs are append-only, so each match is one
 * +I (name, city, state, auction id) when its second side arrives.
 */
export function runQ3(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const persons = new Map<number, [string, string, string]>();
  const auctionsBySeller = new Map<number, number[]>();
  while (gen.hasNext()) {
    const type = gen.peekType();
    if (type !== EVENT_AUCTION && type !== EVENT_PERSON) {
      gen.skip();
      continue;
    }
    gen.next();
    if (type === EVENT_PERSON) {
      const p = gen.person;
      if (!STATES.has(p.state)) continue;
      persons.set(p.id, [p.name, p.city, p.state]);
      for (const auctionId of auctionsBySeller.get(p.id) ?? []) sink.emit('+I', [p.name, p.city, p.state, auctionId]);
      continue;
    }
    const a = gen.auction;
    if (a.category !== 10) continue;
    const sellers = auctionsBySeller.get(a.seller);
    if (sellers) sellers.push(a.id);
    else auctionsBySeller.set(a.seller, [a.id]);
    const person = persons.get(a.seller);
    if (person) sink.emit('+I', [...person, a.id]);
  }
}
