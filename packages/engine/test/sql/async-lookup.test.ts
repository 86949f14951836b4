import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../src/connectors/connector';
import { builtinConnectors, compileJob, startJob } from '../../src/index';
import { valuesConnector } from './values-connector';

/** A dimension table `k -> 'v' + k` for k < 3 that answers each lookup after a timer, like a remote store. */
const slowDimension: Connector = {
  name: 'slow-dimension',
  requiredOptions: [],
  optionalOptions: ['lookup.async'],
  createLookup: () => ({
    lookup: (key) => new Promise((resolve) => setTimeout(() => resolve((key[0] as number) < 3 ? [[key[0], `v${String(key[0])}`]] : []), 5)),
  }),
};

/** A sink that records its rows and the moment it is finished. */
function recordingSink(events: string[]): Connector {
  return {
    name: 'recording',
    requiredOptions: [],
    optionalOptions: [],
    createSink: () => ({ write: (rows) => rows.forEach((row) => events.push(`${String(row[0])},${String(row[1])}`)), finish: () => events.push('finished') }),
  };
}

describe('asynchronous lookup sources', () => {
  it('keep the order of the input and finish only after the last answer', async () => {
    const sql = `
      CREATE TABLE facts (k BIGINT, p AS PROCTIME()) WITH ('connector' = 'values', 'data' = '2; 0; 7 | 1; 2 | 5; 0');
      CREATE TABLE dim (k BIGINT, v STRING) WITH ('connector' = 'slow-dimension', 'lookup.async' = 'true');
      CREATE TABLE out_rows (k BIGINT, v STRING) WITH ('connector' = 'recording');
      INSERT INTO out_rows SELECT f.k, d.v FROM facts AS f LEFT JOIN dim FOR SYSTEM_TIME AS OF f.p AS d ON f.k = d.k;`;
    const events: string[] = [];
    const connectors = builtinConnectors().register(valuesConnector).register(slowDimension).register(recordingSink(events));
    const { outcome } = await startJob(compileJob(sql, { connectors }), { stdout: new PassThrough(), connectors }).done;
    expect(outcome).toBe('finished');
    expect(events).toEqual(['2,v2', '0,v0', '7,null', '1,v1', '2,v2', '5,null', '0,v0', 'finished']);
  });
});
