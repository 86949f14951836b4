import { commonType, formatType, isString, simple, withNullability, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { anyNullable, callHelper, checkArgs, defineFunction, STRING } from '../signature';
import { arraySlice, arraySort, compareValues, distinct, element, sameValue, valueKey } from './collection-values';

type ArrayType = Extract<DataType, { kind: 'ARRAY' }>;
type MapType = Extract<DataType, { kind: 'MAP' }>;
const INT = simple('INT');

const elementOf = (type: DataType): DataType => (type.kind === 'ARRAY' ? type.element : simple('NULL'));
const arrayOf = (element: DataType, nullable = true): DataType => ({ kind: 'ARRAY', element, nullable });

/** A function of an array (first argument) whose other arguments are elements of it. */
function arrayFunction(name: string, arity: [number, number], result: (array: ArrayType, args: DataType[]) => DataType | string, body: (...args: never[]) => unknown, options: { elementArgs?: boolean; nullable?: 'args' | 'always' } = {}): ScalarFunction {
  return {
    name,
    // The array being NULL makes the result NULL; NULL elements to add or find are legitimate.
    strict: !options.elementArgs,
    infer(args) {
      const problem = checkArgs(name, args, arity[0], arity[1], ['array', options.elementArgs ? 'any' : 'array']);
      if (problem) return problem;
      if (args[0].kind !== 'ARRAY') return { result: withNullability(arrayOf(simple('NULL')), true) };
      const type = result(args[0], args);
      if (typeof type === 'string') return type;
      const nullable = options.nullable === 'always' || (options.elementArgs ? args[0].nullable : anyNullable(args));
      const coerceTo = options.elementArgs ? [undefined, ...args.slice(1).map(() => withNullability(args[0].kind === 'ARRAY' ? args[0].element : args[0], true))] : undefined;
      return { result: withNullability(type, nullable), coerceTo };
    },
    generate: (args, _types, _result, ctx) => (options.elementArgs ? `(${args[0]} === null ? null : ${callHelper(ctx, body, args)})` : callHelper(ctx, body, args)),
  };
}

/** Arrays of the same element type combined (UNION, CONCAT, EXCEPT, INTERSECT). */
function arraysFunction(name: string, min: number, max: number, body: (...arrays: unknown[][]) => unknown[]): ScalarFunction {
  return {
    name,
    strict: true,
    infer(args) {
      const problem = checkArgs(name, args, min, max, ['array']);
      if (problem) return problem;
      let type: DataType | undefined = args[0];
      for (const arg of args.slice(1)) type = type && commonType(type, arg);
      if (!type) return `the arrays of ${name} have different element types (${args.map((a) => formatType(a)).join(', ')})`;
      return { result: withNullability(type, anyNullable(args)), coerceTo: args.map(() => type) };
    },
    generate: (args, _types, _result, ctx) => callHelper(ctx, body, args),
  };
}

function mapType(type: DataType): MapType | undefined {
  return type.kind === 'MAP' ? type : undefined;
}

const keysOf = (map: Map<unknown, unknown>): unknown[] => [...map.keys()];
const valuesOf = (map: Map<unknown, unknown>): unknown[] => [...map.values()];
const entriesOf = (map: Map<unknown, unknown>): unknown[][] => [...map.entries()];

function item(container: unknown[] | Map<unknown, unknown>, key: unknown): unknown {
  if (!Array.isArray(container) && !(container instanceof Map)) return typeof container === 'object' && container !== null && typeof key === 'string' ? ((container as Record<string, unknown>)[key] ?? null) : null;
  if (container instanceof Map) {
    if (container.has(key)) return container.get(key) ?? null;
    for (const [k, v] of container) if (sameValue(k, key)) return v;
    return null;
  }
  const index = key as number;
  return index >= 1 && index <= container.length ? container[index - 1] : null;
}

function mapFromArrays(keys: unknown[], values: unknown[]): Map<unknown, unknown> {
  if (keys.length !== values.length) throw new Error('MAP_FROM_ARRAYS expects arrays of the same length');
  return new Map(keys.map((k, i) => [k, values[i]]));
}

function mapUnion(...maps: Map<unknown, unknown>[]): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  for (const map of maps) for (const [k, v] of map) out.set(k, v);
  return out;
}

function arrayJoin(values: unknown[], delimiter: string, nullReplacement?: string): string {
  return values.filter((v) => v !== null || nullReplacement !== undefined).map((v) => (v === null ? nullReplacement : v)).join(delimiter);
}

function extreme(values: unknown[], sign: number): unknown {
  let best: unknown = null;
  for (const v of values) if (v !== null && (best === null || sign * compareValues(v, best) > 0)) best = v;
  return best;
}

/** CARDINALITY, element access, ELEMENT, ARRAY_* and MAP_* functions. */
export const COLLECTION_FUNCTIONS: ScalarFunction[] = [
  defineFunction({ name: 'CARDINALITY', arity: [1, 1], args: ['any'], result: (args) => (args[0].kind === 'ARRAY' || args[0].kind === 'MAP' || args[0].kind === 'NULL' ? INT : 'CARDINALITY expects an ARRAY or a MAP'), generate: (a, t) => (t[0].kind === 'MAP' ? `${a[0]}.size` : `${a[0]}.length`) }),
  defineFunction({
    name: 'ITEM', arity: [2, 2], args: ['any'], nullable: 'always',
    result: (args) => {
      const [target, key] = args;
      if (target.kind === 'VARIANT') return target;
      if (target.kind === 'ARRAY') return key.kind === 'NULL' || ['TINYINT', 'SMALLINT', 'INT', 'BIGINT'].includes(key.kind) ? target.element : 'an array index must be an integer';
      if (target.kind === 'MAP') return commonType(target.key, key) ? target.value : `a key of ${formatType(target)} cannot be ${formatType(key)}`;
      return `${formatType(target)} has no elements to access with []`;
    },
    generate: (a, _t, _r, ctx) => callHelper(ctx, item, a),
  }),
  arrayFunction('ELEMENT', [1, 1], (array) => array.element, element, { nullable: 'always' }),
  arrayFunction('ARRAY_APPEND', [2, 2], (array, args) => arrayOf(commonType(array.element, args[1]) ?? array.element), (values: unknown[], value: unknown) => [...values, value], { elementArgs: true }),
  arrayFunction('ARRAY_PREPEND', [2, 2], (array, args) => arrayOf(commonType(array.element, args[1]) ?? array.element), (values: unknown[], value: unknown) => [value, ...values], { elementArgs: true }),
  arrayFunction('ARRAY_CONTAINS', [2, 2], () => simple('BOOLEAN'), (values: unknown[], value: unknown) => values.some((v) => sameValue(v, value)), { elementArgs: true }),
  arrayFunction('ARRAY_POSITION', [2, 2], () => INT, (values: unknown[], value: unknown) => values.findIndex((v) => sameValue(v, value)) + 1, { elementArgs: true }),
  arrayFunction('ARRAY_REMOVE', [2, 2], (array) => array, (values: unknown[], value: unknown) => values.filter((v) => !sameValue(v, value)), { elementArgs: true }),
  arrayFunction('ARRAY_DISTINCT', [1, 1], (array) => array, distinct),
  arrayFunction('ARRAY_REVERSE', [1, 1], (array) => array, (values: unknown[]) => [...values].reverse()),
  {
    ...arrayFunction('ARRAY_SLICE', [2, 3], (array) => array, arraySlice),
    infer(args) {
      const problem = checkArgs('ARRAY_SLICE', args, 2, 3, ['array', 'integer']);
      return problem ?? { result: withNullability(args[0], anyNullable(args)) };
    },
  },
  {
    ...arrayFunction('ARRAY_SORT', [1, 3], (array) => array, arraySort),
    infer(args) {
      const problem = checkArgs('ARRAY_SORT', args, 1, 3, ['array', 'boolean']);
      return problem ?? { result: withNullability(args[0], anyNullable(args)) };
    },
  },
  arraysFunction('ARRAY_UNION', 2, 2, (a, b) => distinct([...a, ...b])),
  arraysFunction('ARRAY_CONCAT', 1, Infinity, (...arrays) => arrays.flat()),
  arraysFunction('ARRAY_EXCEPT', 2, 2, (a, b) => {
    const remove = new Set(b.map(valueKey));
    return distinct(a.filter((v) => !remove.has(valueKey(v))));
  }),
  arraysFunction('ARRAY_INTERSECT', 2, 2, (a, b) => {
    const keep = new Set(b.map(valueKey));
    return distinct(a.filter((v) => keep.has(valueKey(v))));
  }),
  arrayFunction('ARRAY_MAX', [1, 1], (array) => array.element, (values: unknown[]) => extreme(values, 1), { nullable: 'always' }),
  arrayFunction('ARRAY_MIN', [1, 1], (array) => array.element, (values: unknown[]) => extreme(values, -1), { nullable: 'always' }),
  {
    name: 'ARRAY_JOIN',
    strict: true,
    infer(args) {
      const problem = checkArgs('ARRAY_JOIN', args, 2, 3, ['array', 'string']);
      if (problem) return problem;
      if (args[0].kind === 'ARRAY' && !isString(args[0].element) && args[0].element.kind !== 'NULL') return 'ARRAY_JOIN expects an array of strings';
      return { result: withNullability(STRING, anyNullable(args)) };
    },
    generate: (a, _t, _r, ctx) => callHelper(ctx, arrayJoin, a),
  },
  defineFunction({ name: 'MAP_KEYS', arity: [1, 1], args: ['map'], result: (args) => arrayOf(mapType(args[0])?.key ?? simple('NULL')), generate: (a, _t, _r, ctx) => callHelper(ctx, keysOf, a) }),
  defineFunction({ name: 'MAP_VALUES', arity: [1, 1], args: ['map'], result: (args) => arrayOf(mapType(args[0])?.value ?? simple('NULL')), generate: (a, _t, _r, ctx) => callHelper(ctx, valuesOf, a) }),
  defineFunction({
    name: 'MAP_ENTRIES', arity: [1, 1], args: ['map'],
    result: (args) => arrayOf({ kind: 'ROW', fields: [{ name: 'key', type: mapType(args[0])?.key ?? simple('NULL') }, { name: 'value', type: mapType(args[0])?.value ?? simple('NULL') }], nullable: false }),
    generate: (a, _t, _r, ctx) => callHelper(ctx, entriesOf, a),
  }),
  defineFunction({
    name: 'MAP_FROM_ARRAYS', arity: [2, 2], args: ['array'],
    result: (args) => ({ kind: 'MAP', key: elementOf(args[0]), value: elementOf(args[1]), nullable: true }),
    generate: (a, _t, _r, ctx) => callHelper(ctx, mapFromArrays, a),
  }),
  {
    name: 'MAP_UNION',
    strict: true,
    infer(args) {
      const problem = checkArgs('MAP_UNION', args, 1, Infinity, ['map']);
      if (problem) return problem;
      let type: DataType | undefined = args[0];
      for (const arg of args.slice(1)) type = type && commonType(type, arg);
      return type ? { result: withNullability(type, anyNullable(args)), coerceTo: args.map(() => type) } : 'the maps of MAP_UNION have different types';
    },
    generate: (a, _t, _r, ctx) => callHelper(ctx, mapUnion, a),
  },
];
