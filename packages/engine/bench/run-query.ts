/**
 * One query of the bench in its own process, so its peak RSS and JIT state are its own:
 *   tsx bench/run-query.ts q1 10000000 [--no-verify] [TPS]
 * Prints the result as one JSON line.
 */
import { benchQuery } from './query-bench';

const [query, events, flag, tps] = process.argv.slice(2);
const result = await benchQuery(query, Number(events), flag !== '--no-verify', tps ? Number(tps) : undefined);
process.stdout.write(`${JSON.stringify(result)}\n`);
