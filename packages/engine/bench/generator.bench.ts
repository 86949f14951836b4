/**
 * Generator throughput: 10 M events with every field generated, then with only bids
 * materialized (persons and auctions skipped by peekType). Run:
 *   npx tsx packages/engine/bench/generator.bench.ts
 */
import { EVENT_BID, NexmarkGenerator, parseNexmarkOptions, splitConfig } from '../src/connectors/nexmark';

const EVENTS = 10_000_000;
const config = parseNexmarkOptions({ 'events.num': String(EVENTS), 'first-event.rate': '10000000' });
const split = splitConfig(config, 1)[0];

function fullGeneration(): number {
  const gen = new NexmarkGenerator(config, split);
  let check = 0;
  while (gen.hasNext()) {
    const type = gen.next();
    if (type === EVENT_BID) check += gen.bid.extra.length + gen.bid.price;
    else check += type;
  }
  return check;
}

function bidsOnly(): number {
  const gen = new NexmarkGenerator(config, split);
  let check = 0;
  while (gen.hasNext()) {
    if (gen.peekType() !== EVENT_BID) {
      gen.skip();
      continue;
    }
    gen.next();
    check += gen.bid.extra.length + gen.bid.price;
  }
  return check;
}

function measure(name: string, run: () => number): void {
  run();
  const start = process.hrtime.bigint();
  const check = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = (EVENTS / seconds / 1e6).toFixed(2);
  console.log(`${name.padEnd(28)} ${rate} M events/s  (${seconds.toFixed(2)} s for ${EVENTS / 1e6} M, check ${check})`);
}

measure('full generation', fullGeneration);
measure('bids only (peekType skip)', bidsOnly);
