/**
 * Temporal values: DATE as days since 1970-01-01, TIME as milliseconds of the day, TIMESTAMP(p) as
 * milliseconds since the epoch read as UTC wall-clock time (no zone), TIMESTAMP_LTZ as an instant.
 */
export const MS_PER_DAY = 86_400_000;

const DATE_RE = /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$/;
const TIMESTAMP_RE = /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*$/;
const TIME_RE = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?\s*$/;

/** Parses 'yyyy-MM-dd' to epoch days; undefined when malformed. */
export function parseDate(text: string): number | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const check = new Date(ms);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return undefined;
  return Math.round(ms / MS_PER_DAY);
}

/** Parses 'yyyy-MM-dd[ HH:mm[:ss[.fff]]]' to epoch milliseconds; sub-millisecond digits are dropped. */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP_RE.exec(text);
  if (!m) return undefined;
  const millis = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), millis);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Number of fractional second digits written in a timestamp or time literal (its precision). */
export function fractionDigits(text: string): number {
  const m = /\.(\d+)\s*$/.exec(text);
  return m ? m[1].length : 0;
}

/** Parses 'HH:mm[:ss[.fff]]' to milliseconds of the day. */
export function parseTime(text: string): number | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const millis = m[4] ? Number(m[4].padEnd(3, '0').slice(0, 3)) : 0;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000 + millis;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** 'yyyy-MM-dd' of epoch days. */
export function formatDate(days: number): string {
  const d = new Date(days * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** 'yyyy-MM-dd HH:mm:ss[.f...]' with exactly `precision` fraction digits, as Flink's CAST to STRING. */
export function formatTimestampSql(ms: number, precision: number): string {
  const d = new Date(ms);
  const base = `${formatDate(Math.floor(ms / MS_PER_DAY))} ${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  if (precision <= 0) return base;
  return `${base}.${pad(d.getUTCMilliseconds(), 3).padEnd(precision, '0').slice(0, precision)}`;
}

/** Java's LocalDateTime.toString: 'yyyy-MM-ddTHH:mm', then ':ss' and '.SSS' only when non-zero. */
export function formatTimestampIso(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(Math.floor(ms / MS_PER_DAY))}T${formatTimeIso(d.getUTCHours() * 3_600_000 + d.getUTCMinutes() * 60_000 + d.getUTCSeconds() * 1000 + d.getUTCMilliseconds())}`;
}

/** Java's LocalTime.toString: 'HH:mm', then ':ss' and '.SSS' only when non-zero. */
export function formatTimeIso(msOfDay: number): string {
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor(msOfDay / 60_000) % 60;
  const seconds = Math.floor(msOfDay / 1000) % 60;
  const millis = msOfDay % 1000;
  let text = `${pad(hours, 2)}:${pad(minutes, 2)}`;
  if (seconds !== 0 || millis !== 0) text += `:${pad(seconds, 2)}`;
  if (millis !== 0) text += `.${pad(millis, 3)}`;
  return text;
}

/** Formats with a Java SimpleDateFormat pattern (the subset Flink jobs use: y M d H h m s S a E and quotes). */
export function formatWithPattern(ms: number, pattern: string): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === ch) run++;
    i += run;
    switch (ch) {
      case 'y': out += run === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), run); break;
      case 'M': out += pad(d.getUTCMonth() + 1, run); break;
      case 'd': out += pad(d.getUTCDate(), run); break;
      case 'H': out += pad(d.getUTCHours(), run); break;
      case 'h': out += pad(d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12, run); break;
      case 'm': out += pad(d.getUTCMinutes(), run); break;
      case 's': out += pad(d.getUTCSeconds(), run); break;
      case 'S': out += pad(d.getUTCMilliseconds(), 3).padEnd(run, '0').slice(0, Math.max(run, 1)); break;
      case 'a': out += d.getUTCHours() < 12 ? 'AM' : 'PM'; break;
      case 'E': out += ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]; break;
      default: out += ch.repeat(run);
    }
  }
  return out;
}
