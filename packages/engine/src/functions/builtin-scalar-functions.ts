import { commonType, isInteger, isNumeric, isString, isTimestamp, simple, varchar, withNullability, type DataType } from '../sql/data-type';
import type { CallSignature, ScalarFunction } from './scalar-function';

const anyNullable = (args: DataType[]): boolean => args.some((a) => a.nullable);

function expectArity(name: string, args: DataType[], min: number, max = min): string | undefined {
  if (args.length >= min && args.length <= max) return undefined;
  const count = min === max ? `${min}` : `${min} to ${max}`;
  return `${name} takes ${count} argument${max === 1 ? '' : 's'}, got ${args.length}`;
}

function stringFunction(name: string, arity: [number, number], argKinds: ('string' | 'integer')[], result: (args: DataType[]) => DataType, generate: ScalarFunction['generate']): ScalarFunction {
  return {
    name,
    strict: true,
    infer(args): CallSignature | string {
      const arityError = expectArity(name, args, arity[0], arity[1]);
      if (arityError) return arityError;
      for (let i = 0; i < args.length; i++) {
        const want = argKinds[Math.min(i, argKinds.length - 1)];
        const ok = args[i].kind === 'NULL' || (want === 'string' ? isString(args[i]) : isInteger(args[i]));
        if (!ok) return `argument ${i + 1} of ${name} must be ${want === 'string' ? 'a string' : 'an integer'}`;
      }
      return { result: withNullability(result(args), anyNullable(args)) };
    },
    generate,
  };
}

function timeField(name: string, code: (v: string) => string): ScalarFunction {
  return {
    name,
    strict: true,
    infer(args) {
      const arityError = expectArity(name, args, 1);
      if (arityError) return arityError;
      if (!isTimestamp(args[0]) && args[0].kind !== 'DATE' && args[0].kind !== 'NULL') return `${name} expects a DATE or TIMESTAMP argument`;
      return { result: simple('BIGINT', args[0].nullable) };
    },
    generate: (args, types) => code(types[0].kind === 'DATE' ? `(${args[0]} * 86400000)` : args[0]),
  };
}

function firstCommon(name: string, args: DataType[]): DataType | string {
  let type: DataType | undefined = args[0];
  for (const arg of args.slice(1)) type = type && commonType(type, arg);
  return type ?? `the arguments of ${name} have no common type`;
}

const FUNCTIONS: ScalarFunction[] = [
  {
    name: 'MOD',
    strict: true,
    infer(args) {
      const arityError = expectArity('MOD', args, 2);
      if (arityError) return arityError;
      if (!args.every((a) => isInteger(a) || a.kind === 'NULL')) return 'MOD expects integer arguments';
      return { result: withNullability(args[1].kind === 'NULL' ? args[0] : args[1], anyNullable(args)) };
    },
    generate: (args) => `h.mod(${args[0]}, ${args[1]})`,
  },
  {
    name: 'ABS',
    strict: true,
    infer(args) {
      const arityError = expectArity('ABS', args, 1);
      if (arityError) return arityError;
      return isNumeric(args[0]) ? { result: args[0] } : 'ABS expects a numeric argument';
    },
    generate: (args) => `Math.abs(${args[0]})`,
  },
  stringFunction('LOWER', [1, 1], ['string'], (a) => a[0], (args) => `${args[0]}.toLowerCase()`),
  stringFunction('UPPER', [1, 1], ['string'], (a) => a[0], (args) => `${args[0]}.toUpperCase()`),
  stringFunction('CHAR_LENGTH', [1, 1], ['string'], () => simple('INT'), (args) => `${args[0]}.length`),
  stringFunction('CHARACTER_LENGTH', [1, 1], ['string'], () => simple('INT'), (args) => `${args[0]}.length`),
  stringFunction('CONCAT', [1, 254], ['string'], () => varchar(), (args) => args.join(' + ')),
  stringFunction('SUBSTR', [2, 3], ['string', 'integer'], () => varchar(), (args) => `h.substr(${args.join(', ')})`),
  stringFunction('SUBSTRING', [2, 3], ['string', 'integer'], () => varchar(), (args) => `h.substr(${args.join(', ')})`),
  stringFunction('REPLACE', [3, 3], ['string'], () => varchar(), (args) => `${args[0]}.split(${args[1]}).join(${args[2]})`),
  stringFunction('SPLIT_INDEX', [3, 3], ['string', 'string', 'integer'], () => varchar(), (args) => `h.splitIndex(${args.join(', ')})`),
  stringFunction('REGEXP_EXTRACT', [2, 3], ['string', 'string', 'integer'], () => varchar(), (args) => `h.regexpExtract(${args.join(', ')})`),
  timeField('HOUR', (v) => `Math.floor(h.floorMod(${v}, 86400000) / 3600000)`),
  timeField('MINUTE', (v) => `Math.floor(h.floorMod(${v}, 3600000) / 60000)`),
  timeField('SECOND', (v) => `Math.floor(h.floorMod(${v}, 60000) / 1000)`),
  timeField('YEAR', (v) => `new Date(${v}).getUTCFullYear()`),
  timeField('MONTH', (v) => `(new Date(${v}).getUTCMonth() + 1)`),
  timeField('DAYOFMONTH', (v) => `new Date(${v}).getUTCDate()`),
  {
    name: 'DATE_FORMAT',
    strict: true,
    infer(args) {
      const arityError = expectArity('DATE_FORMAT', args, 2);
      if (arityError) return arityError;
      if (!isTimestamp(args[0]) && !isString(args[0]) && args[0].kind !== 'NULL') return 'DATE_FORMAT expects a TIMESTAMP and a format string';
      if (!isString(args[1])) return 'the format of DATE_FORMAT must be a string';
      return { result: varchar(undefined, anyNullable(args)) };
    },
    generate: (args, types) => (isString(types[0]) ? `h.dateFormat(h.parseTimestamp(${args[0]}), ${args[1]})` : `h.dateFormat(${args[0]}, ${args[1]})`),
  },
  {
    name: 'COALESCE',
    strict: false,
    infer(args) {
      if (args.length === 0) return 'COALESCE takes at least 1 argument';
      const type = firstCommon('COALESCE', args);
      if (typeof type === 'string') return type;
      return { result: withNullability(type, args.every((a) => a.nullable)), coerceTo: args.map(() => withNullability(type, true)) };
    },
    generate: (args) => args.reduceRight((acc, arg) => `(${arg} !== null ? ${arg} : ${acc})`, 'null'),
  },
  {
    name: 'IFNULL',
    strict: false,
    infer(args) {
      const arityError = expectArity('IFNULL', args, 2);
      if (arityError) return arityError;
      const type = firstCommon('IFNULL', args);
      if (typeof type === 'string') return type;
      return { result: withNullability(type, args[1].nullable && args[0].nullable), coerceTo: [type, type] };
    },
    generate: (args) => `(${args[0]} !== null ? ${args[0]} : ${args[1]})`,
  },
  {
    name: 'NULLIF',
    strict: false,
    infer(args) {
      const arityError = expectArity('NULLIF', args, 2);
      if (arityError) return arityError;
      const type = firstCommon('NULLIF', args);
      if (typeof type === 'string') return type;
      return { result: withNullability(args[0], true), coerceTo: [type, type] };
    },
    generate: (args) => `(${args[0]} !== null && ${args[0]} === ${args[1]} ? null : ${args[0]})`,
  },
  {
    name: 'IF',
    strict: false,
    infer(args) {
      const arityError = expectArity('IF', args, 3);
      if (arityError) return arityError;
      if (args[0].kind !== 'BOOLEAN' && args[0].kind !== 'NULL') return 'the condition of IF must be BOOLEAN';
      const type = firstCommon('IF', args.slice(1));
      if (typeof type === 'string') return type;
      return { result: type, coerceTo: [undefined, type, type] };
    },
    generate: (args) => `(${args[0]} === true ? ${args[1]} : ${args[2]})`,
  },
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** The built-in scalar function with this (case-insensitive) name, if Weir implements it. */
export function findScalarFunction(name: string): ScalarFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** Names of implemented scalar functions, for suggestions. */
export function scalarFunctionNames(): string[] {
  return [...BY_NAME.keys()];
}
