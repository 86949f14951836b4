import { commonType, formatType, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';

function common(args: DataType[]): DataType | undefined {
  let type: DataType | undefined = args[0];
  for (const arg of args.slice(1)) type = type && commonType(type, arg);
  return type;
}

/** ROW(...), ARRAY[...] and MAP[...]: the value constructors (never NULL themselves). */
export const CONSTRUCTOR_FUNCTIONS: ScalarFunction[] = [
  {
    name: 'ROW',
    strict: false,
    infer: (args) => ({ result: { kind: 'ROW', fields: args.map((type, i) => ({ name: `EXPR$${i}`, type })), nullable: false } }),
    generate: (args) => `[${args.join(', ')}]`,
  },
  {
    name: 'ARRAY',
    strict: false,
    infer(args) {
      if (args.length === 0) return 'ARRAY[] needs at least one element';
      const element = common(args);
      if (!element) return `the elements of ARRAY have no common type (${args.map((a) => formatType(a)).join(', ')})`;
      return { result: { kind: 'ARRAY', element, nullable: false }, coerceTo: args.map(() => element) };
    },
    generate: (args) => `[${args.join(', ')}]`,
  },
  {
    name: 'MAP',
    strict: false,
    infer(args) {
      if (args.length === 0 || args.length % 2 !== 0) return 'MAP[] needs key, value pairs';
      const key = common(args.filter((_, i) => i % 2 === 0));
      const value = common(args.filter((_, i) => i % 2 === 1));
      if (!key || !value) return 'the keys or the values of MAP have no common type';
      return { result: { kind: 'MAP', key, value, nullable: false }, coerceTo: args.map((_, i) => (i % 2 === 0 ? key : value)) };
    },
    generate: (args) => `new Map([${args.filter((_, i) => i % 2 === 0).map((k, i) => `[${k}, ${args[2 * i + 1]}]`).join(', ')}])`,
  },
];
