/** A row is a plain array of column values in schema order; values as in README "Value representation". */
export type Row = unknown[];

/** Records travel between operators in batches to amortize per-call overhead. */
export type RowBatch = Row[];
