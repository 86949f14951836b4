import { isInteger, isNumeric, isString, isTimestamp, simple, varchar, withNullability, type DataType } from '../sql/data-type';
import type { CallSignature, CodegenContext, ScalarFunction } from './scalar-function';

/** The families of argument types a function can ask for. */
export type ArgKind = 'string' | 'integer' | 'numeric' | 'boolean' | 'any' | 'temporal' | 'timestamp' | 'date' | 'bytes' | 'binaryOrString' | 'array' | 'map' | 'symbol';

const KIND_LABEL: Record<ArgKind, string> = {
  string: 'a string', integer: 'an integer', numeric: 'a number', boolean: 'a BOOLEAN', any: 'a value', temporal: 'a DATE, TIME or TIMESTAMP',
  timestamp: 'a TIMESTAMP', date: 'a DATE', bytes: 'a BINARY', binaryOrString: 'a string or BINARY', array: 'an ARRAY', map: 'a MAP', symbol: 'a keyword',
};

/** The STRING type (VARCHAR of maximum length). */
export const STRING: DataType = varchar();

/** Whether a value of `type` fits argument kind `kind` (NULL fits everything). */
export function fitsKind(type: DataType, kind: ArgKind): boolean {
  if (type.kind === 'NULL') return kind !== 'symbol';
  switch (kind) {
    case 'string': return isString(type);
    case 'integer': return isInteger(type);
    case 'numeric': return isNumeric(type);
    case 'boolean': return type.kind === 'BOOLEAN';
    case 'temporal': return isTimestamp(type) || type.kind === 'DATE' || type.kind === 'TIME';
    case 'timestamp': return isTimestamp(type);
    case 'date': return type.kind === 'DATE';
    case 'bytes': return type.kind === 'BYTES';
    case 'binaryOrString': return type.kind === 'BYTES' || isString(type);
    case 'array': return type.kind === 'ARRAY';
    case 'map': return type.kind === 'MAP';
    case 'symbol': return type.kind === 'SYMBOL';
    default: return true;
  }
}

/** A message when the argument count is outside [min, max]; undefined when it fits. */
export function expectArity(name: string, args: DataType[], min: number, max = min): string | undefined {
  if (args.length >= min && args.length <= max) return undefined;
  const count = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  return `${name} takes ${count} argument${max === 1 ? '' : 's'}, got ${args.length}`;
}

/** Checks arity and kinds; `kinds` repeats its last entry for variadic functions. */
export function checkArgs(name: string, args: DataType[], min: number, max: number, kinds: ArgKind[]): string | undefined {
  const arityError = expectArity(name, args, min, max);
  if (arityError) return arityError;
  for (let i = 0; i < args.length; i++) {
    const kind = kinds[Math.min(i, kinds.length - 1)];
    if (!fitsKind(args[i], kind)) return `argument ${i + 1} of ${name} must be ${KIND_LABEL[kind]}`;
  }
  return undefined;
}

/** True when any argument may be NULL. */
export const anyNullable = (args: DataType[]): boolean => args.some((a) => a.nullable);

export interface FunctionSpec {
  name: string;
  /** Minimum and maximum argument counts (max may be Infinity). */
  arity: [number, number];
  args: ArgKind[];
  /** The result type (nullability is adjusted), or a function of the arguments returning a type or a message. */
  result: DataType | ((args: DataType[], literals: readonly unknown[]) => DataType | string);
  /** 'args' (default): nullable when an argument is; 'always': may be NULL for non-null input too; 'never'. */
  nullable?: 'args' | 'always' | 'never';
  /** Defaults to true: a NULL argument gives NULL without calling the generated code. */
  strict?: boolean;
  /** Types to cast the arguments to before the call. */
  coerceTo?: (args: DataType[]) => (DataType | undefined)[];
  generate(args: string[], types: DataType[], result: DataType, ctx: CodegenContext): string;
}

/** Builds a ScalarFunction from a declarative spec: arity, argument kinds and a result type. */
export function defineFunction(spec: FunctionSpec): ScalarFunction {
  return {
    name: spec.name,
    strict: spec.strict ?? true,
    infer(args, literals): CallSignature | string {
      const problem = checkArgs(spec.name, args, spec.arity[0], spec.arity[1], spec.args);
      if (problem) return problem;
      const result = typeof spec.result === 'function' ? spec.result(args, literals) : spec.result;
      if (typeof result === 'string') return result;
      const mode = spec.nullable ?? 'args';
      const nullable = mode === 'always' || (mode === 'args' && anyNullable(args));
      return { result: withNullability(result, nullable), coerceTo: spec.coerceTo?.(args) };
    },
    generate: spec.generate,
  };
}

/** A call of a runtime helper registered as a constant: `c[i](a, b)`. */
export function callHelper(ctx: CodegenContext, helper: (...args: never[]) => unknown, args: string[]): string {
  return `${ctx.constant(helper)}(${args.join(', ')})`;
}

/** Shorthand for a function whose code is one helper call over all arguments. */
export function helperFunction(name: string, arity: [number, number], args: ArgKind[], result: FunctionSpec['result'], helper: (...args: never[]) => unknown, nullable: FunctionSpec['nullable'] = 'args'): ScalarFunction {
  return defineFunction({ name, arity, args, result, nullable, generate: (values, _types, _result, ctx) => callHelper(ctx, helper, values) });
}

export { simple, varchar };
