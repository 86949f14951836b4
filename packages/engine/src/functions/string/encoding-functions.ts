import { EngineError } from '../../errors';
import { simple } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { defineFunction, helperFunction, STRING } from '../signature';

const BYTES = simple('BYTES');

function charsetError(charset: string): EngineError {
  return new EngineError(`unsupported character set '${charset}'`, { code: 'UNSUPPORTED_CHARSET', domain: 'user' });
}

/** Java's String.getBytes(charset) for the charsets Flink documents. */
function encode(text: string, charset: string): Uint8Array {
  switch (charset.toUpperCase()) {
    case 'UTF-8': return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'US-ASCII': return new Uint8Array([...text].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63)));
    case 'ISO-8859-1': return new Uint8Array([...text].map((ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)));
    case 'UTF-16LE': return new Uint8Array(Buffer.from(text, 'utf16le'));
    case 'UTF-16BE': return new Uint8Array(Buffer.from(text, 'utf16le').swap16());
    // Java writes a big-endian byte order mark for plain UTF-16.
    case 'UTF-16': return new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    default: throw charsetError(charset);
  }
}

/** Java's new String(bytes, charset). */
function decode(bytes: Uint8Array, charset: string): string {
  const buffer = Buffer.from(bytes);
  switch (charset.toUpperCase()) {
    case 'UTF-8': return buffer.toString('utf8');
    case 'US-ASCII': return [...buffer].map((b) => (b < 128 ? String.fromCharCode(b) : '\uFFFD')).join('');
    case 'ISO-8859-1': return buffer.toString('latin1');
    case 'UTF-16LE': return buffer.toString('utf16le');
    case 'UTF-16BE': return Buffer.from(buffer).swap16().toString('utf16le');
    case 'UTF-16': {
      if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
      const body = buffer[0] === 0xfe && buffer[1] === 0xff ? buffer.subarray(2) : buffer;
      return Buffer.from(body).swap16().toString('utf16le');
    }
    default: throw charsetError(charset);
  }
}

// java.net.URLEncoder with UTF-8: letters, digits and `.-*_` stay, space becomes '+'.
function urlEncode(text: string): string | null {
  if (/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) return null;
  return encodeURIComponent(text).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replace(/%20/g, '+');
}

function urlDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

function inetAton(text: string): number | null {
  if (!/^\d+(\.\d+){0,3}$/.test(text)) return null;
  const parts = text.split('.').map(Number);
  if (parts.some((p) => p > 255) && parts.length === 4) return null;
  const [a, b, c, d] = parts.length === 4 ? parts : parts.length === 3 ? [parts[0], parts[1], 0, parts[2]] : parts.length === 2 ? [parts[0], 0, 0, parts[1]] : [0, 0, 0, parts[0]];
  if ([a, b, c, d].some((p) => p > 255)) return null;
  return ((a * 256 + b) * 256 + c) * 256 + d;
}

function inetNtoa(value: number): string | null {
  if (value < 0 || value > 4294967295) return null;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

// JSON.stringify escapes quotes, backslashes and control characters; Flink also escapes '/'.
function jsonQuote(text: string): string {
  return JSON.stringify(text).replace(/\//g, '\\/');
}

function jsonUnquote(text: string): string {
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return text;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
}

/** Base64, character sets, URL and IPv4 encodings, ASCII/CHR and JSON string quoting. */
export const ENCODING_FUNCTIONS: ScalarFunction[] = [
  defineFunction({ name: 'TO_BASE64', arity: [1, 1], args: ['binaryOrString'], result: STRING, generate: (a, t) => (t[0].kind === 'BYTES' ? `Buffer.from(${a[0]}).toString('base64')` : `Buffer.from(${a[0]}, 'utf8').toString('base64')`) }),
  defineFunction({ name: 'FROM_BASE64', arity: [1, 1], args: ['binaryOrString'], result: STRING, generate: (a, t) => `Buffer.from(${t[0].kind === 'BYTES' ? `Buffer.from(${a[0]}).toString()` : a[0]}, 'base64').toString('utf8')` }),
  defineFunction({ name: 'ASCII', arity: [1, 1], args: ['string'], result: simple('INT'), generate: (a) => `(${a[0]}.length === 0 ? 0 : ${a[0]}.charCodeAt(0))` }),
  defineFunction({ name: 'CHR', arity: [1, 1], args: ['integer'], result: STRING, generate: (a) => `(${a[0]} < 0 ? '' : String.fromCharCode(${a[0]} & 255))` }),
  helperFunction('ENCODE', [2, 2], ['string'], BYTES, encode),
  defineFunction({ name: 'DECODE', arity: [2, 2], args: ['bytes', 'string'], result: STRING, generate: (a, _t, _r, ctx) => `${ctx.constant(decode)}(${a.join(', ')})` }),
  helperFunction('URL_ENCODE', [1, 1], ['string'], STRING, urlEncode, 'always'),
  helperFunction('URL_DECODE', [1, 1], ['string'], STRING, urlDecode, 'always'),
  helperFunction('INET_ATON', [1, 1], ['string'], simple('BIGINT'), inetAton, 'always'),
  helperFunction('INET_NTOA', [1, 1], ['integer'], STRING, inetNtoa, 'always'),
  helperFunction('JSON_QUOTE', [1, 1], ['string'], STRING, jsonQuote),
  helperFunction('JSON_UNQUOTE', [1, 1], ['string'], STRING, jsonUnquote),
];
