import { EVENT_BID, type NexmarkConfig } from '../../src/connectors/nexmark';
import type { ChangelogSink } from './changelog-sink';
import { singleSplitGenerator } from './oracle-support';

/** Sink columns of nexmark_q22. */
export const Q22_COLUMNS = ['BIGINT', 'BIGINT', 'BIGINT', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR'];

/**
 * The tokens SPLIT_INDEX indexes: Flink splits on the whole separator keeping every token (empty
 * ones too, like JS split); an empty string has none.
 */
export function splitTokens(text: string, separator: string): string[] {
  return text.length === 0 ? [] : text.split(separator);
}

/** SPLIT_INDEX's result for pre-split tokens: null for an index out of range. */
export function tokenAt(tokens: string[], index: number): string | null {
  return index >= 0 && index < tokens.length ? tokens[index] : null;
}

/** q22, URL directories: +I (auction, bidder, price, channel, SPLIT_INDEX(url, '/', 3..5)) per bid. */
export function runQ22(config: NexmarkConfig, sink: ChangelogSink): void {
  const gen = singleSplitGenerator(config, { extra: false });
  const bid = gen.bid;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    const tokens = splitTokens(bid.url, '/');
    sink.emit('+I', [bid.auction, bid.bidder, bid.price, bid.channel, tokenAt(tokens, 3), tokenAt(tokens, 4), tokenAt(tokens, 5)]);
  }
}
