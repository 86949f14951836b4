import { describe, expect, it } from 'vitest';
import { compileJob, validateSql } from '../index';
import type { GroupAggregateConfig, TableSinkConfig } from './logical-plan';

const SOURCE = "CREATE TABLE bid (auction BIGINT, price BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');\n";

function operatorConfig<T>(sql: string, kind: string): T {
  const operator = compileJob(sql).plan.vertices.flatMap((v) => v.operators).find((op) => op.kind === kind);
  return operator?.config as T;
}

describe('changelog modes', () => {
  it('omits UPDATE_BEFORE for an upsert sink and tells it the upsert key', () => {
    const sql = `${SOURCE}CREATE TABLE s (price BIGINT, auction BIGINT, c BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO s SELECT MAX(price), auction, COUNT(*) FROM bid GROUP BY auction;`;
    expect(operatorConfig<GroupAggregateConfig>(sql, 'group_aggregate').generateUpdateBefore).toBe(false);
    expect(operatorConfig<TableSinkConfig>(sql, 'table_sink').upsertKeys).toEqual([1]);
  });

  it('produces UPDATE_BEFORE for print and for an aggregate consuming updates', () => {
    const sql = `${SOURCE}CREATE TABLE s (c BIGINT, n BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO s SELECT c, COUNT(*) FROM (SELECT auction, COUNT(*) AS c FROM bid GROUP BY auction) GROUP BY c;`;
    const aggs = compileJob(sql).plan.vertices.flatMap((v) => v.operators).filter((op) => op.kind === 'group_aggregate').map((op) => op.config as GroupAggregateConfig);
    expect(aggs.map((a) => [a.inputHasUpdates, a.generateUpdateBefore])).toEqual([[false, true], [true, false]]);
  });

  it('rejects updates into an append-only sink at the INSERT', () => {
    const sql = `${SOURCE}CREATE TABLE f (auction BIGINT, c BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv');
INSERT INTO f SELECT auction, COUNT(*) AS c FROM bid GROUP BY auction;`;
    expect(validateSql(sql)).toMatchObject([{
      code: 'UPDATES_NOT_SUPPORTED', line: 3, column: 1,
      message: "Table sink 'f' doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[auction], select=[auction, COUNT(*) AS c])",
    }]);
  });

  it('keeps a temporal join insert-only over an updating versioned side, which then needs no UPDATE_BEFORE', () => {
    const sql = `CREATE TABLE orders (id INT, cur STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
CREATE TABLE history (cur STRING, rate INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
CREATE VIEW rates AS SELECT cur, rate, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY cur ORDER BY ts DESC) AS rn FROM history) WHERE rn = 1;
CREATE TABLE f (id INT, rate INT) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv');
INSERT INTO f SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur;`;
    const operators = compileJob(sql).plan.vertices.flatMap((v) => v.operators);
    expect(operators.filter((op) => op.kind === 'deduplicate' || op.kind === 'temporal_join').map((op) => [op.kind, op.changelogMode])).toEqual([['deduplicate', 'I,UA'], ['temporal_join', 'I']]);
  });
});
