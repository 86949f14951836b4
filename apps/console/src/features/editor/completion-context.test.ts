import { describe, expect, it } from 'vitest';
import { completionContext, enclosingCall } from './completion-context';

describe('completionContext', () => {
  it('finds an option key inside WITH, knowing the connector named before it', () => {
    expect(completionContext("CREATE TABLE t (a INT) WITH ('connector' = 'kafka', 'sca")).toEqual({ kind: 'with-key', connector: 'kafka', typed: 'sca' });
    expect(completionContext("CREATE TABLE t (a INT) WITH (\n  ")).toEqual({ kind: 'with-key', connector: undefined, typed: '' });
  });

  it("finds an option's value inside WITH", () => {
    expect(completionContext("CREATE TABLE t (a INT) WITH ('connector' = 'kafka', 'scan.startup.mode' = 'ear")).toEqual({ kind: 'with-value', connector: 'kafka', key: 'scan.startup.mode', typed: 'ear' });
    expect(completionContext("CREATE TABLE t (a INT) WITH ('connector' = '")).toEqual({ kind: 'with-value', connector: undefined, key: 'connector', typed: '' });
  });

  it('is not inside WITH once its block is closed, even with parentheses in values', () => {
    expect(completionContext("CREATE TABLE t (a INT) WITH ('path' = '/x(1)');\nSELECT ")).toEqual({ kind: 'other' });
  });

  it('finds SET keys and values', () => {
    expect(completionContext("SET 'table.exec")).toEqual({ kind: 'set-key', typed: 'table.exec' });
    expect(completionContext("SET 'execution.checkpointing.mode' = 'AT")).toEqual({ kind: 'set-value', key: 'execution.checkpointing.mode', typed: 'AT' });
  });
});

describe('enclosingCall', () => {
  it('names the function and the argument the caret is in, skipping nested calls and strings', () => {
    expect(enclosingCall('SELECT SUBSTRING(name, ')).toEqual({ name: 'SUBSTRING', argument: 1 });
    expect(enclosingCall("SELECT date_format(TO_TIMESTAMP(s, 'yyyy,MM'), ")).toEqual({ name: 'DATE_FORMAT', argument: 1 });
    expect(enclosingCall('SELECT a FROM t')).toBeUndefined();
  });
});
