import { describe, expect, it } from 'vitest';
import { compileJob } from '../index';
import type { JoinConfig } from './logical-plan';

describe('join filter push-down', () => {
  it('turns the WHERE equalities of a comma join into join keys and the rest into its condition', () => {
    const job = compileJob(`
CREATE TABLE a (id BIGINT, lo INT, hi INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE b (aid BIGINT, v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');
CREATE TABLE s (id BIGINT, v INT) WITH ('connector' = 'blackhole');
INSERT INTO s SELECT a.id, b.v FROM a, b WHERE a.id = b.aid AND b.v BETWEEN a.lo AND a.hi;`);
    const join = job.plan.vertices.flatMap((v) => v.operators).find((op) => op.kind === 'join')?.config as JoinConfig;
    expect([join.leftKeys, join.rightKeys]).toEqual([[0], [0]]);
    expect(join.condition?.kind).toBe('call');
    expect(job.plan.edges.filter((e) => e.partitioning === 'hash').map((e) => [e.keys, e.targetInput])).toEqual([[[0], 0], [[0], 1]]);
  });
});
