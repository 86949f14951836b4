import type { DataType } from '../../sql/data-type';
import { formatDate, formatTimeIso, formatTimestampIso } from '../../runtime/temporal';
import type { Row } from '../../runtime/row';

/**
 * Formats values the way Flink's print sink shows them: it converts RowData to an external Row and
 * calls Row.toString(), so each value prints as its Java object would: LocalDateTime as
 * `2024-01-01T10:00:00.123` (seconds and millis only when non-zero), Instant (TIMESTAMP_LTZ)
 * as `2024-01-01T10:00:00Z`, BigDecimal with its scale,
 * Double as Java's Double.toString, NULL as `null`, nested rows as `+I[...]`, maps as `{k=v}`.
 */
export function formatValue(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'DECIMAL':
      return formatDecimal(value as number, type.scale);
    case 'DOUBLE':
      return formatJavaDouble(value as number);
    case 'FLOAT':
      return formatJavaFloat(value as number);
    case 'DATE':
      return formatDate(value as number);
    case 'TIME':
      return formatTimeIso(value as number);
    case 'TIMESTAMP':
      return formatTimestampIso(value as number);
    case 'TIMESTAMP_LTZ':
      return new Date(value as number).toISOString().replace('.000Z', 'Z');
    case 'ROW':
      return `+I[${(value as Row).map((v, i) => formatValue(v, type.fields[i].type)).join(', ')}]`;
    case 'ARRAY':
      return `[${(value as unknown[]).map((v) => formatValue(v, type.element)).join(', ')}]`;
    case 'MAP':
      return `{${[...(value as Map<unknown, unknown>).entries()].map(([k, v]) => `${formatValue(k, type.key)}=${formatValue(v, type.value)}`).join(', ')}}`;
    case 'BYTES':
      return `[${[...(value as Uint8Array)].map((b) => (b > 127 ? b - 256 : b)).join(', ')}]`;
    default:
      return String(value);
  }
}

/** An unscaled DECIMAL as BigDecimal.toString prints it for ordinary magnitudes: exactly `scale` decimals. */
export function formatDecimal(unscaled: number, scale: number): string {
  const negative = unscaled < 0;
  const digits = BigInt(Math.abs(Math.round(unscaled))).toString();
  if (scale <= 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

/** Java's Double.toString: plain between 1e-3 and 1e7 (always with a fraction), otherwise `d.dddE±n`. */
export function formatJavaDouble(value: number, shortest: string = String(value)): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = shortest.includes('e') ? value.toFixed(20).replace(/0+$/, '') : shortest;
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = Number(shortest).toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** Java's Float.toString: the shortest decimal that reads back as the same 32-bit float. */
export function formatJavaFloat(value: number): string {
  if (!Number.isFinite(value)) return formatJavaDouble(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = value.toPrecision(digits);
    if (Math.fround(Number(candidate)) === value) return formatJavaDouble(value, String(Number(candidate)));
  }
  return formatJavaDouble(value);
}

/** `+I[v1, v2]`: Flink's Row.toString for an insert-only row. */
export function formatRow(row: Row, types: DataType[]): string {
  let text = '+I[';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) text += ', ';
    text += formatValue(row[i], types[i]);
  }
  return `${text}]`;
}
