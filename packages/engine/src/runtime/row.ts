/** A row is a plain array of column values in schema order; values as in README "Value representation". */
export type Row = unknown[];

/** Records travel between operators in batches to amortize per-call overhead. */
export type RowBatch = Row[];

/**
 * The change each row of a batch stands for, by position, as Flink's RowKind: 0 +I, 1 -U, 2 +U, 3 -D.
 * Insert-only streams pass no kinds at all, so they pay nothing for changelog support.
 */
export type RowKinds = number[];

export const INSERT = 0;
export const UPDATE_BEFORE = 1;
export const UPDATE_AFTER = 2;
export const DELETE = 3;

/** `+I`, `-U`, `+U`, `-D`: how Flink prints a row kind. */
export const ROW_KIND_SHORT = ['+I', '-U', '+U', '-D'] as const;

/** Whether a kind adds to a result (+I, +U) rather than retracting from it (-U, -D). */
export function isAccumulate(kind: number): boolean {
  return kind === INSERT || kind === UPDATE_AFTER;
}
