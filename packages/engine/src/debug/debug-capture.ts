import type { PlanField } from '../plan/plan-expr';
import { isAccumulate, ROW_KIND_SHORT, type Row } from '../runtime/row';
import { rowToJson } from './debug-rows';

/** One change a sink received, as JSON. */
export interface CapturedChange {
  kind: (typeof ROW_KIND_SHORT)[number];
  row: Record<string, unknown>;
}

/** What a sink received: every change (the first `maxChanges` kept) and the rows they materialise to. */
export interface SinkCaptureResult {
  table: string;
  columns: { name: string; type: string }[];
  /** The columns a row is replaced by when the sink is fed updates (Flink's upsert key), if any. */
  upsertKey: string[] | null;
  changes: CapturedChange[];
  changeCount: number;
  /** The materialised table after the last change (the first `maxRows` of it). */
  rows: Record<string, unknown>[];
  rowCount: number;
  truncated: boolean;
}

/**
 * Stands in for one sink table in a debug run: keeps its changes and applies them, by upsert key
 * when the planner gave one and by whole row otherwise (a retraction removes one equal row), as the
 * real sink's destination would end up.
 */
export class SinkCapture {
  private readonly kept: { kind: number; row: Row }[] = [];
  private count = 0;
  private streamed = 0;
  private readonly byKey = new Map<string, Row>();
  private readonly byRow = new Map<string, { row: Row; copies: number }>();

  constructor(
    readonly table: string,
    readonly fields: PlanField[],
    private readonly columnType: (field: PlanField) => string,
    private readonly upsertKeys: number[] | undefined,
    private readonly maxChanges: number,
  ) {}

  /** Takes a batch the sink was written; `kinds` absent: inserts. */
  write(rows: Row[], kinds: number[] | undefined): void {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const kind = kinds ? kinds[i] : 0;
      if (this.kept.length < this.maxChanges) this.kept.push({ kind, row });
      this.count++;
      this.apply(kind, row);
    }
  }

  /** Changes not handed out by an earlier call, at most `max` of them, for a live view. */
  takeNew(max: number): CapturedChange[] {
    const end = Math.min(this.kept.length, this.streamed + max);
    const out = this.kept.slice(this.streamed, end).map((change) => this.toJson(change));
    this.streamed = end;
    return out;
  }

  get changeCount(): number {
    return this.count;
  }

  /** The sink's result now: kept changes and the first `maxRows` materialised rows. */
  result(maxRows: number): SinkCaptureResult {
    const materialised: Row[] = [];
    if (this.upsertKeys) for (const row of this.byKey.values()) { if (materialised.length >= maxRows) break; materialised.push(row); }
    else outer: for (const { row, copies } of this.byRow.values()) for (let c = 0; c < copies; c++) { if (materialised.length >= maxRows) break outer; materialised.push(row); }
    const rowCount = this.upsertKeys ? this.byKey.size : [...this.byRow.values()].reduce((sum, entry) => sum + entry.copies, 0);
    return {
      table: this.table,
      columns: this.fields.map((field) => ({ name: field.name, type: this.columnType(field) })),
      upsertKey: this.upsertKeys ? this.upsertKeys.map((i) => this.fields[i].name) : null,
      changes: this.kept.map((change) => this.toJson(change)),
      changeCount: this.count,
      rows: materialised.map((row) => rowToJson(this.fields, row)),
      rowCount,
      truncated: this.count > this.kept.length || rowCount > materialised.length,
    };
  }

  private apply(kind: number, row: Row): void {
    if (this.upsertKeys) {
      const key = rowKey(this.upsertKeys.map((i) => row[i]));
      if (isAccumulate(kind)) this.byKey.set(key, row);
      else this.byKey.delete(key);
      return;
    }
    const key = rowKey(row);
    const entry = this.byRow.get(key);
    if (isAccumulate(kind)) {
      if (entry) entry.copies++;
      else this.byRow.set(key, { row, copies: 1 });
    } else if (entry) {
      if (--entry.copies === 0) this.byRow.delete(key);
    }
  }

  private toJson(change: { kind: number; row: Row }): CapturedChange {
    return { kind: ROW_KIND_SHORT[change.kind], row: rowToJson(this.fields, change.row) };
  }
}

/** A stable text key of engine values (Maps and bigints included), for grouping equal rows. */
export function rowKey(values: unknown[]): string {
  return JSON.stringify(values, (_key, value: unknown) => (value instanceof Map ? [...value.entries()] : typeof value === 'bigint' ? `${value}n` : value));
}
