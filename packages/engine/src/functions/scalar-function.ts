import type { DataType } from '../sql/data-type';

/** The outcome of checking a call's arguments: its result type and the types to widen arguments to. */
export interface CallSignature {
  result: DataType;
  /** Per argument, the type it must be cast to first (undefined: keep as is). */
  coerceTo?: (DataType | undefined)[];
}

/** A built-in scalar function: type inference for the binder, code generation for the runtime. */
export interface ScalarFunction {
  name: string;
  /** Returns the signature, or a message saying what the arguments should be. */
  infer(args: DataType[]): CallSignature | string;
  /**
   * True when any NULL argument makes the result NULL; generated code then only calls
   * `generate` with non-null arguments. False for COALESCE-like functions.
   */
  strict: boolean;
  /** A JavaScript expression over argument variable names; runtime helpers are reachable as `h`. */
  generate(args: string[], argTypes: DataType[], result: DataType): string;
}
