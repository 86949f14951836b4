import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSql, type ConnectorTable, type PlanField } from '@weir/engine';
import { allConnectors } from '../index';
import { runSql } from '../testing/run-sql';
import { decodeRecord, encodeRecord } from './kafka-codec';
import { parseSpecificOffsets, readKafkaSpec } from './kafka-options';

/*
 * No Kafka broker runs on this machine: these tests cover what does not need one (options,
 * Nexmark's Kafka DDL, records' keys and values, a clear failure when no broker answers). Reading,
 * producing and transactions against a broker are not exercised here.
 */

const QUERIES = new URL('../../../../../shared/nexmark/queries/', import.meta.url);
const nexmark = (name: string) => readFileSync(new URL(name, QUERIES), 'utf8');

const fields: PlanField[] = [
  { name: 'id', type: { kind: 'BIGINT', nullable: false } },
  { name: 'name', type: { kind: 'VARCHAR', length: 2147483647, nullable: true } },
  { name: 'price', type: { kind: 'DECIMAL', precision: 10, scale: 2, nullable: true } },
];
const table = (options: Record<string, string>, extra: Partial<ConnectorTable> = {}): ConnectorTable => ({
  table: 't', options: { connector: 'kafka', 'properties.bootstrap.servers': '127.0.0.1:9092', topic: 'orders', ...options }, fields, ...extra,
});

describe('kafka connector without a broker', () => {
  it("validates Nexmark's Kafka DDL and its insert unchanged, as a source and as a sink", () => {
    const ddl = nexmark('ddl_kafka.sql').replace('${BOOTSTRAP_SERVERS}', '127.0.0.1:9092');
    const gen = nexmark('ddl_gen.sql').replaceAll('${TPS}', '1000').replaceAll('${EVENTS_NUM}', '1000').replaceAll('${PERSON_PROPORTION}', '1').replaceAll('${AUCTION_PROPORTION}', '3').replaceAll('${BID_PROPORTION}', '46');
    const views = nexmark('ddl_views.sql').replaceAll('${NEXMARK_TABLE}', 'kafka');
    const connectors = allConnectors();
    expect(validateSql(`${gen}\n${ddl}\n${nexmark('insert_kafka.sql')}`, { connectors }).filter((d) => d.severity === 'error')).toEqual([]);
    expect(validateSql(`${ddl}\n${views}\n${nexmark('q0.sql')}`, { connectors }).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports bad options at the option', () => {
    const problems = (options: Record<string, string>, extra?: Partial<ConnectorTable>, upsert = false, role: 'source' | 'sink' = 'source') => readKafkaSpec(table(options, extra), role, upsert).problems;
    expect(problems({ 'scan.startup.mode': 'specific-offsets', 'scan.startup.specific-offsets': 'partition:0;offset:1' })[0]).toMatchObject({ option: 'scan.startup.specific-offsets' });
    expect(problems({ 'topic-pattern': 'orders-.*' })[0]).toMatchObject({ option: 'topic-pattern', message: "set 'topic' or 'topic-pattern', not both" });
    expect(problems({ 'key.fields': 'id' })[0]).toMatchObject({ code: 'OPTION_MISSING', option: 'key.format' });
    expect(problems({ 'key.format': 'json' }, {}, true, 'sink')[0]).toMatchObject({ message: 'upsert-kafka needs a PRIMARY KEY (…) NOT ENFORCED: the key of each message' });
    expect(problems({ 'value.format': 'debezium-json' }, {}, false, 'sink')[0]).toMatchObject({ option: 'value.format' });
    expect(parseSpecificOffsets('partition:0,offset:42;partition:1,offset:300')).toEqual(new Map([[0, '42'], [1, '300']]));
  });

  it("writes the key from key.fields and the value without it (EXCEPT_KEY), and reads both back into the row", () => {
    const { spec } = readKafkaSpec(table({ 'key.format': 'json', 'key.fields': 'id', 'value.format': 'json', 'value.fields-include': 'EXCEPT_KEY' }), 'sink', false);
    const { key, value } = encodeRecord(spec, [7, 'tea', 350]);
    expect(key?.toString()).toBe('{"id":7}');
    expect(value?.toString()).toBe('{"name":"tea","price":3.5}');
    expect(decodeRecord(spec, 3, key, value)).toEqual([{ kind: 0, row: [7, 'tea', 350] }]);
    const upsert = readKafkaSpec(table({ 'key.format': 'json' }, { primaryKey: ['id'] }), 'sink', true).spec;
    expect(encodeRecord(upsert, [7, 'tea', 350], true)).toEqual({ key: Buffer.from('{"id":7}'), value: null });
  });

  it('fails a job whose brokers do not answer, naming them', async () => {
    const { job } = runSql(`CREATE TABLE k (id BIGINT) WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = '127.0.0.1:1',
        'properties.retries' = '0', 'properties.request.timeout.ms' = '500', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json');
      CREATE TABLE out (id BIGINT) WITH ('connector' = 'print'); INSERT INTO out SELECT * FROM k;`);
    await expect(job.done).rejects.toThrow("cannot reach the brokers for table 'k' (Kafka at 127.0.0.1:1): Connection error: connect ECONNREFUSED 127.0.0.1:1");
  });
});
