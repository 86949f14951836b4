import { describe, expect, it } from 'vitest';
import type { DataType } from '../../sql/data-type';
import type { CsvOptions } from './csv-format';
import { compileCsvLines } from './csv-line-formatter';

const BIGINT: DataType = { kind: 'BIGINT', nullable: true };
const STRING: DataType = { kind: 'VARCHAR', length: 100, nullable: true };
const TS: DataType = { kind: 'TIMESTAMP', precision: 3, nullable: true };
const DOUBLE: DataType = { kind: 'DOUBLE', nullable: true };
const CSV: CsvOptions = { fieldDelimiter: ',', quoteCharacter: '"', allowComments: false, nullLiteral: null, ignoreParseErrors: false };

const lines = (rows: unknown[][], types: DataType[], options: Partial<CsvOptions> = {}, columns = types.map((_, i) => i)) =>
  compileCsvLines(columns, types, { ...CSV, ...options })(rows, 0, rows.length);

describe('compileCsvLines', () => {
  it('quotes only fields holding a delimiter, quote or line break, doubling quotes', () => {
    const rows = [[1, 'plain'], [2, 'a,b'], [3, 'say "hi"'], [4, 'two\nlines'], [5, 'cr\r']];
    expect(lines(rows, [BIGINT, STRING])).toBe('1,plain\n2,"a,b"\n3,"say ""hi"""\n4,"two\nlines"\n5,"cr\r"\n');
  });

  it('writes NULL as the null literal, empty by default', () => {
    expect(lines([[null, undefined, null]], [BIGINT, STRING, TS])).toBe(',,\n');
    expect(lines([[null, 'x']], [BIGINT, STRING], { nullLiteral: 'N/A' })).toBe('N/A,x\n');
  });

  it('checks number and timestamp fields whose text can hold the delimiter', () => {
    const rows = [[-5, 1.5, Date.UTC(2024, 0, 2, 3, 4, 5, 120)]];
    expect(lines(rows, [BIGINT, DOUBLE, TS], { fieldDelimiter: '-' })).toBe('"-5"-1.5-"2024-01-02 03:04:05.12"\n');
    expect(lines([[1.5]], [DOUBLE], { fieldDelimiter: '.' })).toBe('"1.5"\n');
  });

  it('never quotes without a quote character', () => {
    expect(lines([['a;b']], [STRING], { fieldDelimiter: ';', quoteCharacter: null })).toBe('a;b\n');
  });

  it('writes the columns asked for, rows from..to', () => {
    const format = compileCsvLines([2, 0], [STRING, BIGINT], CSV);
    expect(format([[1, 'skip', 'a'], [2, 'skip', 'b'], [3, 'skip', 'c']], 1, 3)).toBe('b,2\nc,3\n');
  });
});
