import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { compileJob, startJob, validateSql } from '../../index';
import type { PlanField } from '../../plan/plan-expr';
import type { DataType } from '../../sql/data-type';
import { checkConnectorOptions } from '../connector-registry';
import type { ConnectorTable, SinkContext } from '../connector';
import { mapLegacyOptions } from '../legacy-options';
import { filesystemConnector } from './filesystem-connector';

const t = {
  bool: { kind: 'BOOLEAN', nullable: true },
  int: { kind: 'INT', nullable: true },
  bigint: { kind: 'BIGINT', nullable: true },
  double: { kind: 'DOUBLE', nullable: true },
  decimal: { kind: 'DECIMAL', precision: 10, scale: 2, nullable: true },
  string: { kind: 'VARCHAR', length: 2147483647, nullable: true },
  date: { kind: 'DATE', nullable: true },
  time: { kind: 'TIME', precision: 0, nullable: true },
  ts: { kind: 'TIMESTAMP', precision: 3, nullable: true },
  row: { kind: 'ROW', fields: [{ name: 'a', type: { kind: 'INT', nullable: true } }], nullable: true },
} satisfies Record<string, DataType>;

const ALL_TYPES: PlanField[] = Object.entries(t).map(([name, type]) => ({ name, type }));
const ROW = [true, 7, 2 ** 40, 1.5, 12345, 'a,"b"', 19723, 3_723_000, Date.UTC(2024, 0, 2, 3, 4, 5, 60), [9]];
const context: SinkContext = { subtaskIndex: 0, parallelism: 1, stdout: process.stdout, stderr: process.stderr, uid: 'sink-test', delivery: null };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'weir-fs-test-'));
}

function table(options: Record<string, string>, fields = ALL_TYPES, partitionKeys?: string[]): ConnectorTable {
  return { table: 't', options: { connector: 'filesystem', ...options }, fields, partitionKeys };
}

function readAll(tbl: ConnectorTable): unknown[][] {
  const reader = filesystemConnector.createSource?.(tbl, { subtaskIndex: 0, parallelism: 1 });
  const rows: unknown[][] = [];
  for (;;) {
    const poll = reader?.poll(2, 0);
    if (!poll) throw new Error('no reader');
    rows.push(...poll.rows);
    if (poll.finished) return rows;
  }
}

function writeAll(tbl: ConnectorTable, rows: unknown[][]): void {
  const writer = filesystemConnector.createSink?.(tbl, context);
  writer?.write(rows);
  writer?.finish();
}

describe('filesystem options', () => {
  it('names the option in each problem', () => {
    const problems = checkConnectorOptions(filesystemConnector, table({ path: '/tmp/x', format: 'avro', 'csv.field-delimiter': ';;', 'sink.rolling-policy.file-size': 'big' }), 'sink');
    expect(problems.map((p) => p.option).sort()).toEqual(['csv.field-delimiter', 'format', 'sink.rolling-policy.file-size']);
    expect(problems.find((p) => p.option === 'format')?.message).toMatch(/'format' must be 'csv' or 'json', got 'avro'/);
    const missing = checkConnectorOptions(filesystemConnector, table({ format: 'csv' }), 'source');
    expect(missing.map((p) => p.message)).toEqual(["missing required option 'path' for connector 'filesystem'"]);
    const unknown = checkConnectorOptions(filesystemConnector, table({ path: '/p', format: 'csv', 'csv.field-delimeter': ';' }), 'source');
    expect(unknown[0]).toMatchObject({ code: 'OPTION_UNSUPPORTED', option: 'csv.field-delimeter' });
    const partition = checkConnectorOptions(filesystemConnector, table({ path: '/p', format: 'csv' }, ALL_TYPES, ['nope']), 'sink');
    expect(partition[0].message).toMatch(/partition column 'nope'/);
  });

  it('maps the legacy connector.type options to today\'s', () => {
    const legacy = mapLegacyOptions({ 'connector.type': 'filesystem', 'connector.path': 'file:///d/side_input.txt', 'format.type': 'csv', 'format.field-delimiter': ';', 'connector.property-version': '1' });
    expect(legacy?.options).toEqual({ connector: 'filesystem', path: 'file:///d/side_input.txt', format: 'csv', 'csv.field-delimiter': ';' });
    expect(legacy?.origin.path).toBe('connector.path');
    expect(mapLegacyOptions({ connector: 'filesystem', path: '/p' })).toBeUndefined();
  });
});

describe('filesystem csv and json', () => {
  it.each(['csv', 'json'])('writes and reads back every supported type as %s', (format) => {
    const dir = tempDir();
    const tbl = table({ path: `file://${dir}`, format });
    const nulls = ALL_TYPES.map(() => null);
    writeAll(tbl, [ROW, nulls]);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^part-[0-9a-f-]{36}-0-0\\.${format}$`));
    const back = readAll(tbl);
    const expectedNulls = format === 'csv' ? nulls.map((v, i) => (ALL_TYPES[i].type.kind === 'VARCHAR' ? '' : v)) : nulls;
    expect(back).toEqual([ROW, expectedNulls]);
  });

  it('writes Flink\'s text: quoted fields, SQL timestamps, scaled decimals', () => {
    const dir = tempDir();
    writeAll(table({ path: dir, format: 'csv' }), [ROW]);
    const text = readFileSync(join(dir, readdirSync(dir)[0]), 'utf8');
    expect(text).toBe('true,7,1099511627776,1.5,123.45,"a,""b""",2024-01-01,01:02:03,2024-01-02 03:04:05.06,"{""a"":9}"\n');
  });

  it('parses csv with a delimiter, skips or reports bad rows', () => {
    const dir = tempDir();
    const fields: PlanField[] = [{ name: 'k', type: t.bigint }, { name: 'v', type: t.string }];
    writeFileSync(join(dir, 'in.csv'), '1;one\nx;two\n3;three;extra\n4;"f;our"\n');
    expect(readAll(table({ path: dir, format: 'csv', 'csv.field-delimiter': ';', 'csv.ignore-parse-errors': 'true' }, fields))).toEqual([[1, 'one'], [null, 'two'], [4, 'f;our']]);
    expect(() => readAll(table({ path: dir, format: 'csv', 'csv.field-delimiter': ';' }, fields))).toThrow(/in\.csv:2: column 'k': 'x' is not a valid BIGINT.*'csv\.ignore-parse-errors'/);
  });

  it('writes ISO-8601 timestamps when asked and reads them back', () => {
    const dir = tempDir();
    const fields: PlanField[] = [{ name: 'ts', type: t.ts }];
    const tbl = table({ path: dir, format: 'json', 'json.timestamp-format.standard': 'ISO-8601' }, fields);
    writeAll(tbl, [[Date.UTC(2024, 0, 1, 0, 0, 1, 500)]]);
    expect(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8')).toBe('{"ts":"2024-01-01T00:00:01.5"}\n');
    expect(readAll(tbl)).toEqual([[Date.UTC(2024, 0, 1, 0, 0, 1, 500)]]);
  });

  it('parses json lines, missing fields as NULL, bad lines skipped when asked', () => {
    const dir = tempDir();
    const fields: PlanField[] = [{ name: 'k', type: t.int }, { name: 'ts', type: t.ts }];
    writeFileSync(join(dir, 'in.json'), '{"k": 1, "ts": "2024-01-01 00:00:01"}\n{"k": 2}\nnot json\n');
    expect(readAll(table({ path: dir, format: 'json', 'json.ignore-parse-errors': 'true' }, fields))).toEqual([[1, Date.UTC(2024, 0, 1, 0, 0, 1)], [2, null]]);
    expect(() => readAll(table({ path: dir, format: 'json' }, fields))).toThrow(/in\.json:3: malformed JSON/);
  });
});

describe('filesystem partitioned sink', () => {
  it('writes col=value directories without the partition columns, commits them with _SUCCESS, and reads them back', () => {
    const dir = join(tempDir(), 'out');
    const fields: PlanField[] = [{ name: 'v', type: t.bigint }, { name: 'dt', type: t.string }, { name: 'hm', type: t.string }];
    const options = { path: dir, format: 'csv', 'sink.partition-commit.policy.kind': 'success-file', 'sink.partition-commit.trigger': 'partition-time', 'sink.partition-commit.delay': '1 min', 'partition.time-extractor.timestamp-pattern': '$dt $hm:00', 'sink.rolling-policy.rollover-interval': '1min', 'sink.rolling-policy.check-interval': '1min' };
    const tbl = table(options, fields, ['dt', 'hm']);
    expect(checkConnectorOptions(filesystemConnector, tbl, 'sink')).toEqual([]);
    const writer = filesystemConnector.createSink?.(tbl, context);
    writer?.write([[1, '2024-01-01', '10:00'], [2, '2024-01-01', '10:01']]);
    const partition = join(dir, 'dt=2024-01-01', 'hm=10%3A00');
    expect(readdirSync(partition).every((name) => name.startsWith('.'))).toBe(true);
    writer?.write([[3, '2024-01-01', '10:00']]);
    writer?.finish();
    const names = readdirSync(partition);
    const part = names.find((name) => name.startsWith('part-')) ?? '';
    expect(names.sort()).toEqual(['_SUCCESS', part]);
    expect(part).toMatch(/^part-.*-0-0\.csv$/);
    expect(readFileSync(join(partition, part), 'utf8')).toBe('1\n3\n');
    expect(readdirSync(join(dir, 'dt=2024-01-01', 'hm=10%3A01'))).toContain('_SUCCESS');
    const back = readAll(table({ path: dir, format: 'csv' }, fields));
    expect(back).toEqual([[1, '2024-01-01', '10:00'], [3, '2024-01-01', '10:00'], [2, '2024-01-01', '10:01']]);
  });

  it('rolls a part file when it reaches the size limit', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const fields: PlanField[] = [{ name: 'v', type: t.string }];
    const writer = filesystemConnector.createSink?.(table({ path: dir, format: 'csv', 'sink.rolling-policy.file-size': '10b' }, fields), context);
    writer?.write([['0123456789']]);
    writer?.write([['abc']]);
    writer?.finish();
    expect(readdirSync(dir).sort().map((n) => n.replace(/^part-[0-9a-f-]{36}-/, ''))).toEqual(['0-0.csv', '0-1.csv']);
  });
});

describe('filesystem through SQL', () => {
  it('reads q13\'s legacy side-input table and points at the legacy key when a value is wrong', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'side_input.txt'), '0,0\n1,1\n2,2\n');
    const table = `CREATE TABLE side_input (key BIGINT, \`value\` VARCHAR) WITH (\n  'connector.type' = 'filesystem', 'connector.path' = 'file://${dir}/side_input.txt', 'format.type' = 'csv');\n`;
    const sql = `${table}CREATE TABLE o (k BIGINT, v VARCHAR) WITH ('connector' = 'print');\nINSERT INTO o SELECT key, \`value\` FROM side_input WHERE key > 0;`;
    expect(validateSql(sql)).toEqual([]);
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await startJob(compileJob(sql), { stdout }).done;
    expect(text).toBe('+I[1, 1]\n+I[2, 2]\n');
    const wrongSql = sql.replace("'format.type' = 'csv'", "'format.type' = 'avro'");
    const [wrong] = validateSql(wrongSql);
    expect(wrong).toMatchObject({ code: 'OPTION_INVALID', line: 2 });
    expect(wrongSql.split('\n')[1].slice(wrong.column - 1, wrong.endColumn - 1)).toBe("'avro'");
  });
});
