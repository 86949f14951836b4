import { describe, expect, it } from 'vitest';
import type { DataType } from '../../sql/data-type';
import { formatDecimal, formatJavaDouble, formatJavaFloat, formatRow } from './flink-row-format';

describe('Flink print format', () => {
  it('prints decimals with exactly their scale', () => {
    expect(formatDecimal(908, 3)).toBe('0.908');
    expect(formatDecimal(-5, 2)).toBe('-0.05');
    expect(formatDecimal(1200, 0)).toBe('1200');
  });

  it('prints doubles and floats as Java does', () => {
    expect(formatJavaDouble(100)).toBe('100.0');
    expect(formatJavaDouble(1e7)).toBe('1.0E7');
    expect(formatJavaDouble(1.5e-5)).toBe('1.5E-5');
    expect(formatJavaDouble(0.001)).toBe('0.001');
    expect(formatJavaFloat(Math.fround(0.1))).toBe('0.1');
  });

  it('prints a row with NULL, booleans, timestamps and nested rows', () => {
    const types: DataType[] = [
      { kind: 'INT', nullable: true },
      { kind: 'BOOLEAN', nullable: true },
      { kind: 'TIMESTAMP', precision: 3, nullable: true },
      { kind: 'ROW', fields: [{ name: 'a', type: { kind: 'VARCHAR', length: 10, nullable: true } }], nullable: true },
    ];
    const ts = Date.UTC(2024, 0, 1, 10, 0, 0, 123);
    expect(formatRow([null, true, ts, ['x']], types)).toBe('+I[null, true, 2024-01-01T10:00:00.123, +I[x]]');
  });
});
