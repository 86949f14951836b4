import { EngineError } from '../../errors';
import { formatValue } from '../../connectors/print/flink-row-format';
import { isInteger, isNumeric, isString, simple, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { callHelper, checkArgs, defineFunction, STRING } from '../signature';
import { evaluateJsonPath, JsonPathError, parseJson, parseJsonPath } from './json-path';

const BOOLEAN = simple('BOOLEAN');

function jsonError(message: string): EngineError {
  return new EngineError(message, { code: 'JSON_ERROR', domain: 'user' });
}

/** Query results: the matched items, or an error (invalid JSON or path, strict-mode failure). */
function query(text: string, pathText: string): unknown[] | Error {
  const json = parseJson(text);
  if (json === undefined) return jsonError(`invalid JSON '${text}'`);
  const path = parseJsonPath(pathText);
  if (!path) return jsonError(`invalid JSON path '${pathText}'`);
  try {
    return evaluateJsonPath(path, json);
  } catch (error) {
    if (error instanceof JsonPathError) return jsonError(error.message);
    throw error;
  }
}

// A VARIANT holds the parsed JSON value; TRY_PARSE_JSON gives NULL where PARSE_JSON fails the job.
function parseVariant(text: string, lenient: boolean): unknown {
  const value = parseJson(text);
  if (value !== undefined) return value;
  if (lenient) return null;
  throw jsonError(`invalid JSON '${text}'`);
}

function isJson(text: string, kind: string): boolean {
  const value = parseJson(text);
  if (value === undefined) return false;
  if (kind === 'OBJECT') return value !== null && typeof value === 'object' && !Array.isArray(value);
  if (kind === 'ARRAY') return Array.isArray(value);
  if (kind === 'SCALAR') return value === null || typeof value !== 'object';
  return true;
}

function jsonExists(text: string, path: string, onError: string): boolean | null {
  const result = query(text, path);
  if (!(result instanceof Error)) return result.length > 0;
  if (onError === 'ERROR') throw result;
  return onError === 'TRUE' ? true : onError === 'UNKNOWN' ? null : false;
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function convert(value: unknown, type: DataType): unknown {
  if (isString(type)) return scalarText(value);
  if (type.kind === 'BOOLEAN') return typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
  const n = Number(value);
  if (Number.isNaN(n) || typeof value === 'boolean') throw jsonError(`cannot convert '${String(value)}' to ${type.kind}`);
  if (isInteger(type)) return Math.trunc(n);
  if (type.kind === 'DECIMAL') return Math.round(n * 10 ** type.scale);
  return n;
}

function jsonValue(text: string, path: string, type: DataType, onEmpty: string, emptyDefault: unknown, onError: string, errorDefault: unknown): unknown {
  const result = query(text, path);
  const fail = (error: Error): unknown => {
    if (onError === 'ERROR') throw error;
    return onError === 'DEFAULT' ? errorDefault : null;
  };
  if (result instanceof Error) return fail(result);
  if (result.length === 0 || result[0] === null) {
    if (onEmpty === 'ERROR') throw jsonError(`no value at ${path}`);
    return onEmpty === 'DEFAULT' ? emptyDefault : null;
  }
  if (result.length > 1 || typeof result[0] === 'object') return fail(jsonError(`the value at ${path} is not a scalar`));
  try {
    return convert(result[0], type);
  } catch (error) {
    return fail(error as Error);
  }
}

function jsonQuery(text: string, path: string, wrapper: string, onEmpty: string, onError: string): string | null {
  const behavior = (mode: string, error: Error): string | null => {
    if (mode === 'ERROR') throw error;
    return mode === 'EMPTY ARRAY' ? '[]' : mode === 'EMPTY OBJECT' ? '{}' : null;
  };
  const result = query(text, path);
  if (result instanceof Error) return behavior(onError, result);
  if (result.length === 0) return behavior(onEmpty, jsonError(`no value at ${path}`));
  const single = result.length === 1 ? result[0] : undefined;
  if (wrapper === 'UNCONDITIONAL' || (wrapper === 'CONDITIONAL' && (single === undefined || single === null || typeof single !== 'object'))) return JSON.stringify(result);
  if (single === undefined || single === null || typeof single !== 'object') return behavior(onError, jsonError(`the value at ${path} is not an object or array`));
  return JSON.stringify(single);
}

function jsonType(text: string, path?: string): string | null {
  const values = path === undefined ? [parseJson(text)] : query(text, path);
  if (values instanceof Error || values.length !== 1 || values[0] === undefined) return null;
  const value = values[0];
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : typeof value;
}

function jsonLength(text: string, path?: string): number | null {
  if (path !== undefined && /^\s*(lax|strict)\s/.test(path)) throw jsonError("JSON_LENGTH does not support the 'lax'/'strict' path mode prefix");
  const values = path === undefined ? [parseJson(text)] : query(text, path);
  if (values instanceof Error || values.length !== 1 || values[0] === undefined) return null;
  const value = values[0];
  return Array.isArray(value) ? value.length : value !== null && typeof value === 'object' ? Object.keys(value).length : 1;
}

/** A marker for values already JSON (from JSON(), JSON_OBJECT, JSON_ARRAY) inside a constructor. */
const RAW_JSON_SOURCES = new Set(['JSON', 'JSON_OBJECT', 'JSON_ARRAY']);

/** The JSON text of a SQL value of `type`. */
export function toJson(value: unknown, type: DataType): string {
  if (value === null) return 'null';
  if (type.kind === 'BOOLEAN') return String(value);
  if (type.kind === 'VARIANT') return JSON.stringify(value);
  if (isNumeric(type)) return formatValue(value, type);
  if (type.kind === 'ARRAY') return `[${(value as unknown[]).map((v) => toJson(v, type.element)).join(',')}]`;
  if (type.kind === 'MAP') return `{${[...(value as Map<unknown, unknown>)].map(([k, v]) => `${JSON.stringify(String(k))}:${toJson(v, type.value)}`).join(',')}}`;
  if (type.kind === 'ROW') return `{${type.fields.map((f, i) => `${JSON.stringify(f.name)}:${toJson((value as unknown[])[i], f.type)}`).join(',')}}`;
  return JSON.stringify(isString(type) ? value : formatValue(value, type));
}

function valueCode(arg: string, type: DataType, raw: boolean, ctx: Parameters<ScalarFunction['generate']>[3]): string {
  return raw ? `(${arg} === null ? 'null' : ${arg})` : `${ctx.constant(toJson)}(${arg}, ${ctx.constant(type)})`;
}

/** IS JSON, JSON_EXISTS, JSON_VALUE, JSON_QUERY, JSON_STRING, JSON_OBJECT, JSON_ARRAY, JSON, JSON_TYPE, JSON_LENGTH. */
export const JSON_FUNCTIONS: ScalarFunction[] = [
  defineFunction({ name: 'IS JSON', arity: [2, 2], args: ['string', 'symbol'], result: BOOLEAN, generate: (a, _t, _r, ctx) => callHelper(ctx, isJson, [a[0], JSON.stringify(ctx.literal(1))]) }),
  defineFunction({ name: 'JSON_EXISTS', arity: [3, 3], args: ['string', 'string', 'symbol'], result: BOOLEAN, nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, jsonExists, [a[0], a[1], JSON.stringify(ctx.literal(2))]) }),
  {
    name: 'JSON_VALUE',
    strict: false,
    infer(args, literals) {
      const problem = checkArgs('JSON_VALUE', args, 7, 7, ['string', 'string', 'symbol', 'symbol', 'any', 'symbol', 'any']);
      if (problem) return problem;
      const type: DataType = literals[2] === 'STRING' ? STRING : (JSON.parse(String(literals[2])) as DataType);
      return { result: { ...type, nullable: true }, coerceTo: [undefined, undefined, undefined, undefined, type, undefined, type] };
    },
    generate: (a, _t, result, ctx) => `(${a[0]} === null || ${a[1]} === null ? null : ${callHelper(ctx, jsonValue, [a[0], a[1], ctx.constant(result), JSON.stringify(ctx.literal(3)), a[4], JSON.stringify(ctx.literal(5)), a[6]])})`,
  },
  defineFunction({
    name: 'JSON_QUERY', arity: [6, 6], args: ['string', 'string', 'symbol'], result: STRING, nullable: 'always',
    generate: (a, _t, _r, ctx) => callHelper(ctx, jsonQuery, [a[0], a[1], ...[3, 4, 5].map((i) => JSON.stringify(ctx.literal(i)))]),
  }),
  defineFunction({ name: 'PARSE_JSON', arity: [1, 2], args: ['string', 'boolean'], result: simple('VARIANT'), generate: (a, _t, _r, ctx) => callHelper(ctx, parseVariant, [a[0], 'false']) }),
  defineFunction({ name: 'TRY_PARSE_JSON', arity: [1, 2], args: ['string', 'boolean'], result: simple('VARIANT'), nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, parseVariant, [a[0], 'true']) }),
  { name: 'JSON_STRING', strict: false, infer: (args) => checkArgs('JSON_STRING', args, 1, 1, ['any']) ?? { result: { ...STRING, nullable: args[0].nullable } }, generate: (a, t, _r, ctx) => `(${a[0]} === null ? null : ${ctx.constant(toJson)}(${a[0]}, ${ctx.constant(t[0])}))` },
  defineFunction({ name: 'JSON', arity: [1, 1], args: ['string'], result: STRING, nullable: 'always', generate: (a) => `(${a[0]} === '' ? null : ${a[0]})` }),
  {
    name: 'JSON_OBJECT',
    strict: false,
    infer(args) {
      for (let i = 1; i < args.length; i += 2) if (!isString(args[i])) return 'the keys of JSON_OBJECT must be strings';
      return { result: { ...STRING, nullable: false } };
    },
    generate(a, types, _r, ctx) {
      const absent = ctx.literal(0) === 'ABSENT';
      const parts: string[] = [];
      for (let i = 1; i + 1 < a.length; i += 2) {
        const member = `JSON.stringify(${a[i]}) + ':' + ${valueCode(a[i + 1], types[i + 1], RAW_JSON_SOURCES.has(ctx.argOp(i + 1) ?? ''), ctx)}`;
        parts.push(absent ? `(${a[i + 1]} === null ? null : ${member})` : member);
      }
      return `('{' + [${parts.join(', ')}].filter((m) => m !== null).join(',') + '}')`;
    },
  },
  {
    name: 'JSON_ARRAY',
    strict: false,
    infer: () => ({ result: { ...STRING, nullable: false } }),
    generate(a, types, _r, ctx) {
      const absent = ctx.literal(0) === 'ABSENT';
      const items = a.slice(1).map((v, i) => {
        const code = valueCode(v, types[i + 1], RAW_JSON_SOURCES.has(ctx.argOp(i + 1) ?? ''), ctx);
        return absent ? `(${v} === null ? null : ${code})` : code;
      });
      return `('[' + [${items.join(', ')}].filter((m) => m !== null).join(',') + ']')`;
    },
  },
  defineFunction({ name: 'JSON_TYPE', arity: [1, 2], args: ['string'], result: STRING, nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, jsonType, a) }),
  defineFunction({ name: 'JSON_LENGTH', arity: [1, 2], args: ['string'], result: simple('INT'), nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, jsonLength, a) }),
];
