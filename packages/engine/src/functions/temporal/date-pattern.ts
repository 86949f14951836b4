const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { letter: string; count: number } | { text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      tokens.push({ text: end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? pattern.length : end) });
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[a-zA-Z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ letter: ch, count });
      i += count;
    } else {
      tokens.push({ text: ch });
      i++;
    }
  }
  return tokens;
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

function field(d: Date, letter: string, count: number): string {
  switch (letter) {
    case 'y': case 'u': return count === 2 ? pad(d.getUTCFullYear() % 100, 2) : pad(d.getUTCFullYear(), count);
    case 'M': case 'L': return count >= 4 ? MONTHS[d.getUTCMonth()] : count === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : pad(d.getUTCMonth() + 1, count);
    case 'd': return pad(d.getUTCDate(), count);
    case 'D': return pad(dayOfYear(d), count);
    case 'H': return pad(d.getUTCHours(), count);
    case 'k': return pad(d.getUTCHours() || 24, count);
    case 'K': return pad(d.getUTCHours() % 12, count);
    case 'h': return pad(d.getUTCHours() % 12 || 12, count);
    case 'm': return pad(d.getUTCMinutes(), count);
    case 's': return pad(d.getUTCSeconds(), count);
    case 'S': return pad(d.getUTCMilliseconds(), 3).padEnd(count, '0').slice(0, count);
    case 'a': return d.getUTCHours() < 12 ? 'AM' : 'PM';
    case 'E': return count >= 4 ? DAYS[d.getUTCDay()] : DAYS[d.getUTCDay()].slice(0, 3);
    case 'e': return String(d.getUTCDay() + 1);
    case 'G': return d.getUTCFullYear() > 0 ? 'AD' : 'BC';
    case 'X': case 'x': return count === 1 ? (letter === 'X' ? 'Z' : '+00') : letter === 'X' ? 'Z' : '+0000';
    case 'Z': return '+0000';
    case 'z': case 'V': case 'O': return 'UTC';
    default: return letter.repeat(count);
  }
}

/** Milliseconds a pattern letter's text stays the same for; letters absent here print constants. */
const LETTER_SPAN_MS: Record<string, number> = {
  y: 86_400_000, u: 86_400_000, M: 86_400_000, L: 86_400_000, d: 86_400_000, D: 86_400_000, E: 86_400_000, e: 86_400_000, G: 86_400_000,
  H: 3_600_000, k: 3_600_000, K: 3_600_000, h: 3_600_000, a: 3_600_000,
  m: 60_000, s: 1000, S: 1,
};
/** The largest magnitude a Date holds; beyond it every field is NaN. */
const MAX_DATE_MS = 8.64e15;

/**
 * Compiles a Java date-time pattern ('yyyy-MM-dd HH:mm') once into a formatter of UTC wall-clock
 * milliseconds. The last text is kept for the span its finest letter allows ('HH:mm': a minute),
 * since a stream's consecutive timestamps mostly share it.
 */
export function compileDateFormatter(pattern: string): (ms: number) => string {
  const tokens = tokenize(pattern);
  const span = Math.min(86_400_000, ...tokens.map((token) => ('letter' in token ? LETTER_SPAN_MS[token.letter] ?? Infinity : Infinity)));
  let from = NaN;
  let to = NaN;
  let text = '';
  return (ms) => {
    // Date drops a fraction toward zero; the span is taken of the instant it keeps.
    const instant = Math.trunc(ms);
    if (instant >= from && instant < to) return text;
    const d = new Date(instant);
    let out = '';
    for (const token of tokens) out += 'text' in token ? token.text : field(d, token.letter, token.count);
    if (Math.abs(instant) <= MAX_DATE_MS) {
      from = Math.max(instant - (((instant % span) + span) % span), -MAX_DATE_MS);
      to = Math.min(from + span, MAX_DATE_MS + 1);
      text = out;
    }
    return out;
  };
}

/** A parsed date-time: UTC wall-clock milliseconds and, when the text had one, its zone offset in minutes. */
export interface ParsedDateTime {
  ms: number;
  offsetMinutes?: number;
}

/** Compiles a Java date-time pattern into a strict parser; null when the text does not match. */
export function compileDateParser(pattern: string): (text: string) => ParsedDateTime | null {
  const tokens = tokenize(pattern);
  const fields: string[] = [];
  let source = '';
  for (const token of tokens) {
    if ('text' in token) {
      source += token.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      continue;
    }
    const { letter, count } = token;
    fields.push(letter);
    if (letter === 'M' && count >= 3) source += '([A-Za-z]+)';
    else if (letter === 'a') source += '(AM|PM|am|pm)';
    else if (letter === 'E') source += '([A-Za-z]+)';
    else if (letter === 'X' || letter === 'Z' || letter === 'x') source += '(Z|[+-]\\d{2}(?::?\\d{2})?)';
    else if (letter === 'S') source += `(\\d{1,${Math.max(count, 9)}})`;
    else if (letter === 'y' && count !== 2) source += '(\\d{1,9})';
    else source += `(\\d{1,${Math.max(count, 2)}})`;
  }
  const regex = new RegExp(`^${source}$`);
  return (text) => {
    const m = regex.exec(text.trim());
    if (!m) return null;
    let year = 1970, month = 0, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
    let pm: boolean | undefined;
    let offsetMinutes: number | undefined;
    fields.forEach((letter, i) => {
      const value = m[i + 1];
      switch (letter) {
        case 'y': case 'u': year = value.length === 2 ? 2000 + Number(value) : Number(value); break;
        case 'M': month = /\d/.test(value) ? Number(value) - 1 : MONTHS.findIndex((name) => name.toLowerCase().startsWith(value.toLowerCase())); break;
        case 'd': day = Number(value); break;
        case 'H': case 'k': hour = Number(value) % 24; break;
        case 'h': case 'K': hour = Number(value) % 12; break;
        case 'm': minute = Number(value); break;
        case 's': second = Number(value); break;
        case 'S': millis = Number(value.padEnd(3, '0').slice(0, 3)); break;
        case 'a': pm = value.toUpperCase() === 'PM'; break;
        case 'X': case 'Z': case 'x': {
          const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(value);
          offsetMinutes = z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0)) : 0;
          break;
        }
        default: break;
      }
    });
    if (pm !== undefined) hour = (hour % 12) + (pm ? 12 : 0);
    if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
    const ms = Date.UTC(year, month, day, hour, minute, second, millis);
    if (new Date(ms).getUTCDate() !== day) return null;
    return { ms, offsetMinutes };
  };
}

const formatters = new Map<string, (ms: number) => string>();
const parsers = new Map<string, (text: string) => ParsedDateTime | null>();

/** A cached formatter, for patterns that are not literals. */
export function dateFormatter(pattern: string): (ms: number) => string {
  let formatter = formatters.get(pattern);
  if (!formatter) {
    formatter = compileDateFormatter(pattern);
    formatters.set(pattern, formatter);
  }
  return formatter;
}

/** A cached parser, for patterns that are not literals. */
export function dateParser(pattern: string): (text: string) => ParsedDateTime | null {
  let parser = parsers.get(pattern);
  if (!parser) {
    parser = compileDateParser(pattern);
    parsers.set(pattern, parser);
  }
  return parser;
}
