import type { DataType } from '../sql/data-type';

/** The outcome of checking a call's arguments: its result type and the types to widen arguments to. */
export interface CallSignature {
  result: DataType;
  /** Per argument, the type it must be cast to first (undefined: keep as is). */
  coerceTo?: (DataType | undefined)[];
}

/** What code generation may use besides the argument variables. */
export interface CodegenContext {
  /**
   * Registers a value computed once per compiled expression (a RegExp, a formatter, a helper
   * function) and returns the code that reads it, so per-row code does no setup work.
   */
  constant(value: unknown): string;
  /** The value of argument `index` when it is a literal in the plan; undefined otherwise. */
  literal(index: number): unknown;
  /** The operator of argument `index` when it is a call (JSON_OBJECT embeds JSON_* results raw). */
  argOp(index: number): string | undefined;
}

/** A built-in scalar function: type inference for the binder, code generation for the runtime. */
export interface ScalarFunction {
  name: string;
  /**
   * Returns the signature, or a message saying what the arguments should be. `literals[i]` holds
   * the value of argument i when it is a literal (undefined otherwise), for checks at planning time.
   */
  infer(args: DataType[], literals: readonly unknown[]): CallSignature | string;
  /**
   * True when any NULL argument makes the result NULL; generated code then only calls
   * `generate` with non-null arguments. False for COALESCE-like functions.
   */
  strict: boolean;
  /** A JavaScript expression over argument variable names; runtime helpers are reachable as `h`. */
  generate(args: string[], argTypes: DataType[], result: DataType, ctx: CodegenContext): string;
}
