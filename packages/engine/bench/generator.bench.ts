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

/** Wall-clock rate, plus the rate per CPU second, which a busy shared machine distorts less. */
function measure(name: string, run: () => number): void {
  run();
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const check = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = (EVENTS / seconds / 1e6).toFixed(2);
  const cpuRate = (EVENTS / cpuSeconds / 1e6).toFixed(2);
  console.log(`${name.padEnd(28)} ${rate} M events/s  (${cpuRate} M per CPU s; ${seconds.toFixed(2)} s for ${EVENTS / 1e6} M, check ${check})`);
}

measure('full generation', fullGeneration);
measure('bids only (peekType skip)', bidsOnly);
