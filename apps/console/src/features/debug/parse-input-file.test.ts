import { describe, expect, it } from 'vitest';
import { parseInputFile } from './parse-input-file';

describe('parseInputFile', () => {
  it('reads CSV by its header, with quotes, doubled quotes and CRLF', () => {
    expect(parseInputFile('bids.csv', 'auction,name\r\n1,"a, ""b"""\r\n2,c\r\n')).toEqual([{ auction: '1', name: 'a, "b"' }, { auction: '2', name: 'c' }]);
  });

  it('reads a JSON array and JSON Lines, naming a bad line', () => {
    expect(parseInputFile('x.json', '[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseInputFile('x.jsonl', '{"a":1}\n\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => parseInputFile('x.jsonl', '{"a":1}\n{oops}')).toThrow(/line 2 is not JSON/);
  });

  it('refuses a CSV row with more fields than the header', () => {
    expect(() => parseInputFile('x.csv', 'a\n1,2\n')).toThrow(/CSV line 2 has 2 fields/);
  });
});
