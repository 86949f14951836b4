import { commonType, formatType, withNullability, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { expectArity } from '../signature';

function common(name: string, args: DataType[]): DataType | string {
  let type: DataType | undefined = args[0];
  for (const arg of args.slice(1)) type = type && commonType(type, arg);
  return type ?? `the arguments of ${name} have no common type (${args.map((a) => formatType(a)).join(', ')})`;
}

/** GREATEST/LEAST: NULL when any argument is NULL, as Flink documents. */
function extreme(name: 'GREATEST' | 'LEAST'): ScalarFunction {
  return {
    name,
    strict: true,
    infer(args) {
      if (args.length === 0) return `${name} takes at least 1 argument`;
      const type = common(name, args);
      if (typeof type === 'string') return type;
      if (type.kind === 'ARRAY' || type.kind === 'MAP' || type.kind === 'ROW') return `${name} cannot compare ${formatType(type)}`;
      return { result: withNullability(type, args.some((a) => a.nullable)), coerceTo: args.map(() => type) };
    },
    generate: (args) => args.reduce((acc, arg) => `(${arg} ${name === 'GREATEST' ? '>' : '<'} ${acc} ? ${arg} : ${acc})`),
  };
}

/** COALESCE, IFNULL, NULLIF, IF, GREATEST and LEAST. */
export const CONDITIONAL_FUNCTIONS: ScalarFunction[] = [
  {
    name: 'COALESCE',
    strict: false,
    infer(args) {
      if (args.length === 0) return 'COALESCE takes at least 1 argument';
      const type = common('COALESCE', args);
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
      const type = common('IFNULL', args);
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
      const type = common('NULLIF', args);
      if (typeof type === 'string') return type;
      return { result: withNullability(type, true), coerceTo: [type, type] };
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
      const type = common('IF', args.slice(1));
      if (typeof type === 'string') return type;
      return { result: type, coerceTo: [undefined, type, type] };
    },
    generate: (args) => `(${args[0]} === true ? ${args[1]} : ${args[2]})`,
  },
  extreme('GREATEST'),
  extreme('LEAST'),
];
