import type { SourcePoll, SourceReader } from '../../connectors/connector';
import type { ValuesConfig } from '../../plan/logical-plan';
import { compileCalc } from '../../runtime/compile-calc';
import type { RowBatch } from '../../runtime/row';

/**
 * `VALUES` (plan kind `values`), a bounded source run by subtask 0 (Flink runs it with parallelism
 * 1): every row's expressions are evaluated once, at the first poll, and the source ends.
 */
export class ValuesSource implements SourceReader {
  private done: boolean;

  constructor(
    private readonly config: ValuesConfig,
    subtaskIndex: number,
  ) {
    this.done = subtaskIndex !== 0;
  }

  poll(): SourcePoll {
    if (this.done) return { rows: [], finished: true };
    this.done = true;
    const rows: RowBatch = [];
    for (const row of this.config.rows) rows.push(...compileCalc({ projection: row, filter: null, fields: this.config.fields })([[]]));
    return { rows, finished: true };
  }

  snapshotPosition(): boolean {
    return this.done;
  }

  restorePosition(position: unknown): void {
    this.done = position as boolean;
  }
}
