import { describe, expect, it } from 'vitest';
import type { PlanField } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { readMessageFormat } from './message-format';

const fields: PlanField[] = [
  { name: 'id', type: { kind: 'INT', nullable: false } },
  { name: 'name', type: { kind: 'VARCHAR', length: 2147483647, nullable: true } },
  { name: 'weight', type: { kind: 'DECIMAL', precision: 10, scale: 2, nullable: true } },
];

function decode(options: Record<string, string>, message: unknown): { kind: number; row: unknown[] }[] {
  const reader = new OptionReader(options);
  const format = readMessageFormat(reader, fields);
  expect(reader.problems).toEqual([]);
  return format.decode(new TextEncoder().encode(typeof message === 'string' ? message : JSON.stringify(message)));
}

describe('message formats', () => {
  it('reads Debezium create, update and delete envelopes, with and without the schema', () => {
    const before = { id: 111, name: 'scooter', weight: 5.18 };
    const after = { id: 111, name: 'scooter', weight: 5.17 };
    expect(decode({ format: 'debezium-json' }, { before: null, after: before, op: 'c' })).toEqual([{ kind: 0, row: [111, 'scooter', 518] }]);
    expect(decode({ format: 'debezium-json' }, { before, after, op: 'u', source: {}, ts_ms: 1 })).toEqual([{ kind: 1, row: [111, 'scooter', 518] }, { kind: 2, row: [111, 'scooter', 517] }]);
    expect(decode({ format: 'debezium-json', 'debezium-json.schema-include': 'true' }, { schema: {}, payload: { before: after, after: null, op: 'd' } })).toEqual([{ kind: 3, row: [111, 'scooter', 517] }]);
  });

  it("reads Canal's rows, rebuilding the old row from the changed columns, and filters by database and table", () => {
    const update = { data: [{ id: '111', name: 'scooter', weight: '5.17' }], old: [{ weight: '5.18' }], database: 'inventory', table: 'products', type: 'UPDATE', isDdl: false };
    expect(decode({ format: 'canal-json' }, update)).toEqual([{ kind: 1, row: [111, 'scooter', 518] }, { kind: 2, row: [111, 'scooter', 517] }]);
    expect(decode({ format: 'canal-json', 'canal-json.table.include': 'orders|items' }, update)).toEqual([]);
    expect(decode({ format: 'canal-json' }, { ...update, type: 'DELETE', old: null })).toEqual([{ kind: 3, row: [111, 'scooter', 517] }]);
  });

  it("reads Maxwell's insert, update and delete", () => {
    expect(decode({ format: 'maxwell-json' }, { database: 'test', table: 'p', type: 'update', data: { id: 1, name: 'b', weight: 2 }, old: { name: 'a' } }))
      .toEqual([{ kind: 1, row: [1, 'a', 200] }, { kind: 2, row: [1, 'b', 200] }]);
    expect(decode({ format: 'maxwell-json' }, { type: 'delete', data: { id: 1, name: 'b', weight: null } })).toEqual([{ kind: 3, row: [1, 'b', null] }]);
  });

  it('fails on a malformed changelog message unless told to ignore parse errors', () => {
    expect(() => decode({ format: 'debezium-json' }, '{"op": ')).toThrow('malformed JSON');
    expect(() => decode({ format: 'debezium-json' }, { op: 'x' })).toThrow("unknown debezium op \"x\" (is the schema included? set 'debezium-json.schema-include')");
    expect(decode({ format: 'debezium-json', 'debezium-json.ignore-parse-errors': 'true' }, '{"op": ')).toEqual([]);
  });

  it('refuses to write a changelog format, naming the option', () => {
    const reader = new OptionReader({ format: 'canal-json' });
    readMessageFormat(reader, fields, 'sink');
    expect(reader.problems).toEqual([{ code: 'OPTION_UNSUPPORTED', message: "the 'canal-json' format is read by sources; writing it is not implemented, use 'json'", option: 'format' }]);
  });

  it('reads and writes one CSV record per message, with quotes, a null literal and Flink\'s csv options', () => {
    const reader = new OptionReader({ format: 'csv', 'csv.null-literal': 'N/A' });
    const format = readMessageFormat(reader, fields);
    expect(reader.problems).toEqual([]);
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(format.decode(bytes('7,"tea, green",3.50'))).toEqual([{ kind: 0, row: [7, 'tea, green', 350] }]);
    expect(format.decode(bytes('8,N/A,N/A'))).toEqual([{ kind: 0, row: [8, null, null] }]);
    expect(new TextDecoder().decode(format.encode([7, 'tea, green', 350]))).toBe('7,"tea, green",3.50');
    expect(() => format.decode(bytes('7,tea'))).toThrow('expected 3 fields, got 2');
    expect(decode({ format: 'csv', 'csv.ignore-parse-errors': 'true' }, '7,tea')).toEqual([]);
    expect(decode({ format: 'csv', 'csv.field-delimiter': ';' }, '9;jam;1.25')).toEqual([{ kind: 0, row: [9, 'jam', 125] }]);
  });
});
