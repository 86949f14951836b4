import { EngineError } from '../../errors';
import { canCast } from '../../sql/cast-rules';
import { formatType, withNullability, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { expectArity } from '../signature';
import { parseTypeString } from './type-string';
import { normalizeUserFunction, type UserFunction, type UserFunctionObject } from './user-function';

/** Plan operators of user functions are `UDF:<key>`; the key is the identifier of CREATE FUNCTION. */
export const UDF_OP_PREFIX = 'UDF:';

// Implementations by key. Plans carry only the key, so a process that runs a plan registers the
// functions it needs first (compileJob does so while binding; a worker calls registerUserFunctions).
const registry = new Map<string, UserFunctionObject>();

/** Makes user functions available to plans that reference them by key; returns the problems found. */
export function registerUserFunctions(functions: Record<string, UserFunction>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(functions)) {
    const normalized = normalizeUserFunction(value);
    if (typeof normalized === 'string') problems.push(`${key}: ${normalized}`);
    else registry.set(key, normalized);
  }
  return problems;
}

/** Registers one normalized function under its key. */
export function registerUserFunction(key: string, fn: UserFunctionObject): void {
  registry.set(key, fn);
}

/** Builds the scalar function for a registered key: declared types for the binder, a call for the code. */
export function userScalarFunction(key: string, fn: UserFunctionObject): ScalarFunction | string {
  const result = parseTypeString(fn.resultType);
  if (typeof result === 'string') return `resultType: ${result}`;
  const argumentTypes: DataType[] = [];
  for (const text of fn.argumentTypes ?? []) {
    const type = parseTypeString(text);
    if (typeof type === 'string') return `argumentTypes: ${type}`;
    argumentTypes.push(type);
  }
  const body = fn.eval.bind(fn);
  return {
    name: UDF_OP_PREFIX + key,
    // User code sees NULL arguments (as null) and decides itself, as Flink passes null to eval().
    strict: false,
    infer(args) {
      if (!fn.argumentTypes) return { result: withNullability(result, true) };
      const arityError = expectArity(key, args, argumentTypes.length);
      if (arityError) return arityError;
      const bad = args.findIndex((arg, i) => !canCast(arg, argumentTypes[i]));
      if (bad >= 0) return `argument ${bad + 1} must be ${formatType(argumentTypes[bad])}, got ${formatType(args[bad])}`;
      return { result: withNullability(result, true), coerceTo: argumentTypes };
    },
    generate: (args, _types, _result, ctx) => `(${ctx.constant(body)}(${args.join(', ')}) ?? null)`,
  };
}

/** The scalar function for a `UDF:<key>` plan operator; throws when this process has no implementation. */
export function findUserScalarFunction(op: string): ScalarFunction {
  const key = op.slice(UDF_OP_PREFIX.length);
  const fn = registry.get(key);
  if (!fn) throw new EngineError(`user function '${key}' is not registered in this process; call registerUserFunctions first`, { code: 'UDF_NOT_REGISTERED', domain: 'user' });
  const scalar = userScalarFunction(key, fn);
  if (typeof scalar === 'string') throw new EngineError(`user function '${key}': ${scalar}`, { code: 'UDF_INVALID', domain: 'user' });
  return scalar;
}
