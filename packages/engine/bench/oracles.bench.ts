/**
 * Oracle throughput over 10 M events (V1 settings: first-event.rate 10 M, proportions 1/3/46),
 * each into a sink that only counts rows. Run:
 *   npx tsx packages/engine/bench/oracles.bench.ts [q0 q1 …]
 */
import { parseNexmarkOptions } from '../src/connectors/nexmark';
import type { RowKind } from './oracles/changelog-sink';
import { NEXMARK_ORACLES } from './oracles';

const EVENTS = 10_000_000;
const config = parseNexmarkOptions({
  'events.num': String(EVENTS),
  'first-event.rate': '10000000',
  'next-event.rate': '10000000',
  'person.proportion': '1',
  'auction.proportion': '3',
  'bid.proportion': '46',
});

class CountingSink {
  readonly counts: Record<RowKind, number> = { '+I': 0, '-U': 0, '+U': 0, '-D': 0 };

  emit(kind: RowKind): void {
    this.counts[kind]++;
  }
}

const wanted = new Set(process.argv.slice(2));
for (const oracle of NEXMARK_ORACLES) {
  if (wanted.size > 0 && !wanted.has(oracle.query)) continue;
  const sink = new CountingSink();
  const start = process.hrtime.bigint();
  oracle.run(config, sink);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { '+I': inserts, '-U': before, '+U': after, '-D': deletes } = sink.counts;
  const changes = `+I ${inserts}  -U ${before}  +U ${after}  -D ${deletes}`;
  console.log(`${oracle.query.padEnd(4)} ${(EVENTS / seconds / 1e6).toFixed(2).padStart(6)} M events/s  ${seconds.toFixed(2)} s  ${changes}`);
}
