import { formatField, type DataType } from '@weir/engine';
import { toEngineValue } from '../jdbc/value-mapping';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A column value as pgoutput delivers it (the replication client applies node-postgres's parsers:
 * text for int8 and numeric, Date for date, timestamp and timestamptz) as an engine value. A
 * timestamp without time zone was parsed as local time, so its local fields are its text.
 */
export function fromPgoutput(value: unknown, type: DataType): unknown {
  if (!(value instanceof Date)) return toEngineValue(value, type);
  if (type.kind === 'TIMESTAMP_LTZ') return value.getTime();
  const text = `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())} ${pad(value.getHours())}:${pad(value.getMinutes())}:${pad(value.getSeconds())}.${pad(value.getMilliseconds(), 3)}`;
  if (type.kind === 'DATE') return toEngineValue(text.slice(0, 10), type);
  if (type.kind === 'TIMESTAMP') return toEngineValue(text, type);
  return toEngineValue(formatField(value.getTime(), { kind: 'TIMESTAMP', precision: 3, nullable: true }), type);
}
