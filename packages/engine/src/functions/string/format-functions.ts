import { formatValue } from '../../connectors/print/flink-row-format';
import { isInteger, type DataType } from '../../sql/data-type';
import { formatDecimal } from '../../connectors/print/flink-row-format';
import type { ScalarFunction } from '../scalar-function';
import { checkArgs, defineFunction, STRING } from '../signature';

const SPEC = /%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])/g;

function javaString(value: unknown, type: DataType): string {
  if (value === null) return 'null';
  if (type.kind === 'BOOLEAN') return String(value);
  return formatValue(value, type);
}

function asNumber(value: unknown, type: DataType): number {
  return type.kind === 'DECIMAL' ? (value as number) / 10 ** type.scale : Number(value);
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** java.util.Formatter (Locale.US) for the conversions SQL values meet: s S b c d o x X e E f g %, n. */
function printf(format: string, values: unknown[], types: DataType[]): string | null {
  let next = 0;
  let failed = false;
  const text = format.replace(SPEC, (_all, index: string | undefined, flags: string, width: string | undefined, precisionText: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    if (conversion === 'n') return '\n';
    const i = index ? Number(index.slice(0, -1)) - 1 : next++;
    if (i >= values.length) {
      failed = true;
      return '';
    }
    const value = values[i];
    const type = types[i];
    const precision = precisionText ? Number(precisionText.slice(1)) : undefined;
    let out: string;
    const lower = conversion.toLowerCase();
    if (value === null && lower !== 'b') out = 'null';
    else if (lower === 's') out = javaString(value, type);
    else if (lower === 'b') out = String(value !== null && value !== false);
    else if (lower === 'c') out = typeof value === 'string' ? value[0] ?? '' : String.fromCodePoint(Number(value));
    else if (lower === 'd' || lower === 'o' || lower === 'x') {
      if (!isInteger(type) && !(type.kind === 'DECIMAL' && lower === 'd')) {
        failed = true;
        return '';
      }
      const n = type.kind === 'DECIMAL' ? BigInt(formatDecimal(value as number, type.scale).split('.')[0]) : BigInt(value as number);
      const radix = lower === 'd' ? 10 : lower === 'o' ? 8 : 16;
      const negative = n < 0n;
      let digits = (negative && radix === 10 ? -n : n < 0n ? (1n << 64n) + n : n).toString(radix);
      if (lower === 'd' && flags.includes(',')) digits = group(digits);
      if (flags.includes('#') && radix !== 10) digits = (radix === 16 ? '0x' : '0') + digits;
      out = (negative && radix === 10 ? (flags.includes('(') ? `(${digits})` : `-${digits}`) : (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + digits);
    } else if (lower === 'f' || lower === 'e' || lower === 'g') {
      if (isInteger(type) || typeof value !== 'number') {
        failed = true;
        return '';
      }
      const n = asNumber(value, type);
      const p = precision ?? 6;
      let body = lower === 'f' ? Math.abs(n).toFixed(p) : lower === 'e' ? Math.abs(n).toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : Math.abs(n).toPrecision(Math.max(p, 1));
      if (lower === 'f' && flags.includes(',')) body = group(body.split('.')[0]) + (body.includes('.') ? `.${body.split('.')[1]}` : '');
      out = (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
    } else {
      failed = true;
      return '';
    }
    if (precision !== undefined && (lower === 's' || lower === 'b')) out = out.slice(0, precision);
    if (conversion !== lower) out = out.toUpperCase();
    if (width && out.length < Number(width)) {
      const fill = Number(width) - out.length;
      if (flags.includes('-')) out += ' '.repeat(fill);
      else if (flags.includes('0')) out = /^[+\- ]/.test(out) ? out[0] + '0'.repeat(fill) + out.slice(1) : '0'.repeat(fill) + out;
      else out = ' '.repeat(fill) + out;
    }
    return out;
  });
  return failed ? null : text;
}

const PRINTF: ScalarFunction = {
  name: 'PRINTF',
  strict: false,
  infer(args) {
    const problem = checkArgs('PRINTF', args, 1, Infinity, ['string', 'any']);
    return problem ?? { result: STRING };
  },
  generate: (args, types, _result, ctx) => `(${args[0]} === null ? null : ${ctx.constant(printf)}(${args[0]}, [${args.slice(1).join(', ')}], ${ctx.constant(types.slice(1))}))`,
};

// java.net.URL's parts; the query value of a key uses Flink's pattern (&|^)key=([^&]*).
const URL_PATTERN = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
const JAVA_PROTOCOLS = new Set(['http', 'https', 'ftp', 'file', 'jar', 'mailto']);

function parseUrl(url: string, part: string, key?: string): string | null {
  const m = URL_PATTERN.exec(url);
  if (!m || !JAVA_PROTOCOLS.has(m[1].toLowerCase())) return null;
  const [, protocol, authority, path, query, ref] = m;
  const at = authority?.lastIndexOf('@') ?? -1;
  const hostPort = authority === undefined ? undefined : authority.slice(at + 1);
  switch (part) {
    case 'HOST': return hostPort === undefined ? null : hostPort.replace(/:\d*$/, '');
    case 'PATH': return path;
    case 'QUERY': {
      if (query === undefined) return null;
      if (key === undefined) return query;
      const match = new RegExp(`(&|^)${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([^&]*)`).exec(query);
      return match ? match[2] : null;
    }
    case 'REF': return ref ?? null;
    case 'PROTOCOL': return protocol;
    case 'AUTHORITY': return authority ?? null;
    case 'FILE': return query === undefined ? path : `${path}?${query}`;
    case 'USERINFO': return at >= 0 && authority ? authority.slice(0, at) : null;
    default: return null;
  }
}

/** PRINTF and PARSE_URL. */
export const FORMAT_FUNCTIONS: ScalarFunction[] = [
  PRINTF,
  defineFunction({ name: 'PARSE_URL', arity: [2, 3], args: ['string'], result: STRING, nullable: 'always', generate: (a, _t, _r, ctx) => `${ctx.constant(parseUrl)}(${a.join(', ')})` }),
];
