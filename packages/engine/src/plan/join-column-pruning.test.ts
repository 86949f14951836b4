import { describe, expect, it } from 'vitest';
import { compileJob } from '../index';
import type { JoinConfig } from './logical-plan';

const DDL = `
CREATE TABLE a (id BIGINT, name STRING, note STRING, lo INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE b (aid BIGINT, v INT, blob STRING, extra STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '1');`;

function joinsOf(sql: string): JoinConfig[] {
  return compileJob(DDL + sql).plan.vertices.flatMap((v) => v.operators).filter((op) => op.kind === 'join').map((op) => op.config as JoinConfig);
}

describe('join input pruning', () => {
  it('keeps in join state only the columns the join and its consumer read', () => {
    const joins = joinsOf(`
CREATE TABLE s (name STRING, v INT) WITH ('connector' = 'blackhole');
INSERT INTO s SELECT a.name, b.v FROM a JOIN b ON a.id = b.aid AND b.v > a.lo;`);
    expect(joins[0].fields.map((f) => f.name)).toEqual(['id', 'name', 'lo', 'aid', 'v']);
    expect([joins[0].leftKeys, joins[0].rightKeys, joins[0].leftWidth]).toEqual([[0], [0], 3]);
  });

  it('prunes an upstream join through the join consuming it', () => {
    const joins = joinsOf(`
CREATE TABLE c (bid BIGINT, w INT, junk STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE s (name STRING, w INT) WITH ('connector' = 'blackhole');
INSERT INTO s SELECT a.name, c.w FROM a JOIN b ON a.id = b.aid JOIN c ON c.bid = b.aid;`);
    expect(joins.map((j) => j.fields.map((f) => f.name))).toEqual([['id', 'name', 'aid'], ['name', 'aid', 'bid', 'w']]);
  });

  it('leaves a join whose every column is read as it is', () => {
    const joins = joinsOf(`
CREATE TABLE s (id BIGINT, name STRING, note STRING, lo INT, aid BIGINT, v INT, blob STRING, extra STRING) WITH ('connector' = 'blackhole');
INSERT INTO s SELECT * FROM a JOIN b ON a.id = b.aid;`);
    expect(joins[0].fields).toHaveLength(8);
  });
});
