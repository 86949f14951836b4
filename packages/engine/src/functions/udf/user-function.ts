/** The JavaScript body of a user-defined scalar function: SQL values in, a SQL value out (NULL as null). */
export type UserFunctionEval = (...args: never[]) => unknown;

/** A user function as a module exports it: `{ eval, resultType, argumentTypes? }`. */
export interface UserFunctionObject {
  eval: UserFunctionEval;
  /** Flink type of the result, e.g. 'BIGINT' or 'ARRAY<STRING>'. */
  resultType: string;
  /** Flink types the arguments are cast to; when absent any arguments are accepted. */
  argumentTypes?: string[];
}

/** A plain function carrying its types as properties: `countChar.resultType = 'BIGINT'`. */
export type UserFunctionWithTypes = UserFunctionEval & { resultType: string; argumentTypes?: string[] };

/** What Weir accepts as a user-defined scalar function. */
export type UserFunction = UserFunctionObject | UserFunctionWithTypes;

/** The normalized form: the callable and its declared types, or a message when the export is unusable. */
export function normalizeUserFunction(value: unknown): UserFunctionObject | string {
  const candidate = value as Partial<UserFunctionObject> & { resultType?: unknown };
  if (typeof value === 'function') {
    if (typeof candidate.resultType !== 'string') return "the function has no 'resultType' property (e.g. fn.resultType = 'BIGINT')";
    return { eval: value as UserFunctionEval, resultType: candidate.resultType, argumentTypes: candidate.argumentTypes };
  }
  if (value && typeof value === 'object' && typeof candidate.eval === 'function') {
    if (typeof candidate.resultType !== 'string') return "the export has no 'resultType' string";
    return { eval: candidate.eval, resultType: candidate.resultType, argumentTypes: candidate.argumentTypes };
  }
  return 'the export is neither a function nor an object with an eval function';
}
