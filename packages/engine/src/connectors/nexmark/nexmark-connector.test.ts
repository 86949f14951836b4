import { describe, expect, it } from 'vitest';
import { compileJob, startJob, validateSql } from '../../index';
import { builtinConnectors } from '../connector-registry';
import type { SinkWriter } from '../connector';
import { eventRow } from './event-row';
import { EVENT_BID, NexmarkGenerator } from './nexmark-generator';
import { parseNexmarkOptions } from './nexmark-options';
import { splitConfig } from './nexmark-split';

const ROWS = `event_type INT,
  person ROW<id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR, \`dateTime\` TIMESTAMP(3), extra VARCHAR>,
  auction ROW<id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT, \`dateTime\` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR>,
  bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, \`dateTime\` TIMESTAMP(3), extra VARCHAR>`;

function source(options: string, columns = ROWS): string {
  return `CREATE TABLE datagen (${columns},
  \`dateTime\` AS CASE WHEN event_type = 0 THEN person.\`dateTime\` WHEN event_type = 1 THEN auction.\`dateTime\` ELSE bid.\`dateTime\` END,
  WATERMARK FOR \`dateTime\` AS \`dateTime\` - INTERVAL '4' SECOND
) WITH ('connector' = 'nexmark', 'first-event.rate' = '10000000'${options});\n`;
}

/** Runs `sql` with a `collect` sink connector and returns the rows it received. */
async function collect(sql: string, parallelism = 1): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  const writer: SinkWriter = { write: (batch) => void rows.push(...batch), finish: () => undefined };
  const connectors = builtinConnectors().register({ name: 'collect', requiredOptions: [], optionalOptions: [], createSink: () => writer });
  const job = compileJob(sql, { connectors, set: { 'parallelism.default': String(parallelism) } });
  await startJob(job, { connectors }).done;
  return rows;
}

function generatorRows(options: Record<string, string>, numSplits = 1): unknown[][] {
  const config = parseNexmarkOptions(options);
  const rows: unknown[][] = [];
  for (const split of splitConfig(config, numSplits)) {
    const gen = new NexmarkGenerator(config, split);
    while (gen.hasNext()) rows.push(eventRow(gen, gen.next()));
  }
  return rows;
}

const sortRows = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe('nexmark connector', () => {
  it('reports invalid options at the option', () => {
    const [diagnostic] = validateSql(`${source(", 'events.num' = 'many'")}CREATE TABLE o (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO o SELECT event_type FROM datagen;`);
    expect(diagnostic).toMatchObject({ code: 'OPTION_INVALID', line: 7 });
    expect(diagnostic.message).toMatch(/'events\.num'/);
    const [unknown] = validateSql(`${source(", 'events.nun' = '5'")}CREATE TABLE o (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO o SELECT event_type FROM datagen;`);
    expect(unknown).toMatchObject({ code: 'OPTION_UNSUPPORTED' });
    expect(unknown.message).toMatch(/'events\.nun'.*did you mean 'events\.num'/);
  });

  it('checks the columns against Nexmark\'s DDL', () => {
    const wrongBid = ROWS.replace('price BIGINT', 'price INT');
    const [diagnostic] = validateSql(`${source(", 'events.num' = '10'", wrongBid)}CREATE TABLE o (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO o SELECT event_type FROM datagen;`);
    expect(diagnostic.message).toMatch(/field 'bid\.price' must be BIGINT, not INT/);
    const [missing] = validateSql(`CREATE TABLE datagen (event_type INT, bid ROW<auction BIGINT>) WITH ('connector' = 'nexmark');\nCREATE TABLE o (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO o SELECT event_type FROM datagen;`);
    expect(missing.message).toMatch(/must be event_type, person, auction, bid/);
  });

  it('produces through SQL exactly the generator\'s rows, bounded by events.num', async () => {
    const sql = `${source(", 'events.num' = '3000'")}CREATE TABLE o (${ROWS}) WITH ('connector' = 'collect');\nINSERT INTO o SELECT event_type, person, auction, bid FROM datagen;`;
    const rows = await collect(sql);
    expect(rows).toHaveLength(3000);
    expect(rows).toEqual(generatorRows({ 'events.num': '3000', 'first-event.rate': '10000000' }));
  });

  it('splits over source subtasks like the generator', async () => {
    const sql = `${source(", 'events.num' = '2001'")}CREATE TABLE o (${ROWS}) WITH ('connector' = 'collect');\nINSERT INTO o SELECT event_type, person, auction, bid FROM datagen;`;
    const rows = await collect(sql, 3);
    expect(sortRows(rows)).toEqual(sortRows(generatorRows({ 'events.num': '2001', 'first-event.rate': '10000000' }, 3)));
  });

  it('takes the event_type filter and leaves unread extra fields ungenerated, other fields unchanged', async () => {
    const sql = `${source(", 'events.num' = '5000'")}CREATE TABLE o (a BIGINT, p BIGINT, u VARCHAR) WITH ('connector' = 'collect');\nINSERT INTO o SELECT bid.auction, bid.price, bid.url FROM datagen WHERE event_type = 2;`;
    const job = compileJob(sql, { connectors: builtinConnectors().register({ name: 'collect', requiredOptions: [], optionalOptions: [], createSink: () => ({ write: () => undefined, finish: () => undefined }) }) });
    const source0 = job.plan.vertices[0].operators[0].config as { filters?: unknown[]; nestedFields?: Record<string, number[]> };
    expect(source0.filters).toHaveLength(1);
    expect(source0.nestedFields?.['3']).toEqual([0, 2, 4, 5]);
    const rows = await collect(sql);
    const bids = generatorRows({ 'events.num': '5000', 'first-event.rate': '10000000' }).filter((r) => r[0] === EVENT_BID).map((r) => r[3] as unknown[]);
    expect(rows).toEqual(bids.map((b) => [b[0], b[2], b[4]]));
  });
});
