/** Flink's RowKind in its short string form. */
export type RowKind = '+I' | '-U' | '+U' | '-D';

/** Receives a query's output as a changelog, one row (sink column order) per call. */
export interface ChangelogSink {
  emit(kind: RowKind, row: unknown[]): void;
}
