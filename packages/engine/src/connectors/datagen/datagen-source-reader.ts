import type { Row } from '../../runtime/row';
import type { ConnectorTable, SourcePoll, SourceReader, SubtaskInfo } from '../connector';
import type { DatagenSpec } from './datagen-options';
import { randomInt } from 'node:crypto';
import { randomGenerator, SeededRandom, sequenceGenerator, type FieldGenerator } from './field-generator';

/** The share of `total` that subtask `index` of `count` takes, spreading the remainder over the first ones. */
function share(total: number, index: number, count: number): { offset: number; size: number } {
  const base = Math.floor(total / count);
  const remainder = total % count;
  return { offset: index * base + Math.min(index, remainder), size: base + (index < remainder ? 1 : 0) };
}

/**
 * One datagen subtask. Rows are rate-limited per wall-clock second like Flink's datagen: each
 * second releases `rows-per-second` rows, the first second at once. Sequences and
 * `number-of-rows` are split across subtasks; the source ends when either runs out.
 */
export class DatagenSourceReader implements SourceReader {
  private readonly generators: FieldGenerator[];
  private readonly rowsPerSecond: number;
  private readonly random = new SeededRandom(randomInt(0, 2 ** 31));
  private remaining: number;
  /** Rows produced by this subtask, the index sequences count from. */
  private produced = 0;
  /** Rows produced since pacing started (`startMs`): a restored run paces afresh. */
  private emitted = 0;
  private startMs: number | undefined;

  constructor(table: ConnectorTable, spec: DatagenSpec, subtask: SubtaskInfo) {
    const { subtaskIndex: index, parallelism } = subtask;
    this.rowsPerSecond = Math.max(1, share(spec.rowsPerSecond, index, parallelism).size);
    this.remaining = spec.numberOfRows === undefined ? Number.POSITIVE_INFINITY : share(spec.numberOfRows, index, parallelism).size;
    this.generators = table.fields.map((field, i) => {
      const fieldSpec = spec.fields[i];
      if (fieldSpec.kind === 'sequence') {
        const start = fieldSpec.start as number;
        const part = share((fieldSpec.end as number) - start + 1, index, parallelism);
        this.remaining = Math.min(this.remaining, part.size);
        return sequenceGenerator(field.type, start + part.offset, start + part.offset + part.size - 1);
      }
      return randomGenerator(field.type, fieldSpec, Date.now, this.random);
    });
  }

  poll(maxRows: number, nowMs: number): SourcePoll {
    this.startMs ??= nowMs;
    const second = Math.floor((nowMs - this.startMs) / 1000);
    const allowed = (second + 1) * this.rowsPerSecond - this.emitted;
    const count = Math.min(maxRows, allowed, this.remaining);
    const rows: Row[] = new Array(count);
    for (let r = 0; r < count; r++) {
      const row: Row = new Array(this.generators.length);
      for (let c = 0; c < this.generators.length; c++) row[c] = this.generators[c](this.produced + r);
      rows[r] = row;
    }
    this.produced += count;
    this.emitted += count;
    this.remaining -= count;
    const finished = this.remaining <= 0;
    const nextPollAtMs = !finished && count === allowed ? this.startMs + (second + 1) * 1000 : undefined;
    return { rows, finished, nextPollAtMs };
  }

  /** Rows produced, rows left and the random stream's state: a restored run goes on with the same sequence values and random draws. */
  snapshotPosition(): DatagenPosition {
    return { produced: this.produced, remaining: this.remaining, random: this.random.state };
  }

  restorePosition(position: unknown): void {
    const p = position as DatagenPosition;
    this.produced = p.produced;
    this.remaining = p.remaining;
    this.random.state = p.random;
  }
}

interface DatagenPosition {
  produced: number;
  remaining: number;
  random: number;
}
