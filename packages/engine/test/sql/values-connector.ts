import type { Connector, ConnectorTable, SourcePoll, SourceReader } from '../../src/connectors/connector';
import type { DataType } from '../../src/sql/data-type';
import { parseDate, parseTimestamp } from '../../src/runtime/temporal';
import { ROW_KIND_SHORT, type Row, type RowKinds } from '../../src/runtime/row';

/**
 * Holds every values reader once it has handed out `batches` batches, so a test can take a
 * checkpoint at a chosen batch boundary; `readers` holds every reader made, to ask where it is;
 * `onSnapshot` is called when a checkpoint takes a reader's position (the moment of the cut).
 */
export const gate: { batches: number; readers: Set<{ state(): 'held' | 'done' | 'reading' }>; onSnapshot?: () => void } = { batches: Number.POSITIVE_INFINITY, readers: new Set() };

/**
 * A bounded source for golden tests: `'data'` holds rows separated by `;`, fields by `,`, and `|`
 * ends a batch; each batch is one poll, so the runner emits the source's watermark after it.
 * Empty fields and `null` are NULL. With `'changelog-mode' = 'I,UB,UA,D'` (Flink's values
 * connector option) the source reads a changelog: each row starts with its kind, `+I,`, `-U,`,
 * `+U,` or `-D,`.
 */
class ValuesReader implements SourceReader {
  private readonly batches: { rows: Row[]; kinds: RowKinds }[];
  private readonly changelog: boolean;
  private next = 0;

  constructor(table: ConnectorTable, subtask: { subtaskIndex: number }) {
    const types = table.fields.map((f) => f.type);
    const columns = table.projection ?? types.map((_, i) => i);
    const text = subtask.subtaskIndex === 0 ? (table.options.data ?? '') : '';
    this.changelog = readsChangelog(table);
    this.batches = text.split('|').map((batch) => {
      const rows: Row[] = [];
      const kinds: RowKinds = [];
      for (const line of batch.split(';').map((r) => r.trim()).filter((r) => r !== '')) {
        const fields = line.split(',');
        if (this.changelog) kinds.push(ROW_KIND_SHORT.indexOf((fields.shift() ?? '').trim() as (typeof ROW_KIND_SHORT)[number]));
        const values = fields.map((v, i) => parseValue(v.trim(), types[i]));
        rows.push(columns.map((c) => values[c]));
      }
      return { rows, kinds };
    });
    gate.readers.add(this);
  }

  poll(): SourcePoll {
    if (this.next >= gate.batches) return { rows: [], finished: false, nextPollAtMs: Date.now() + 1 };
    const batch = this.batches[this.next++] ?? { rows: [], kinds: [] };
    return { rows: batch.rows, ...(this.changelog ? { kinds: batch.kinds } : {}), finished: this.next >= this.batches.length };
  }

  /** 'held' by the gate, 'done' with every batch handed out, or 'reading'. */
  state(): 'held' | 'done' | 'reading' {
    if (this.next >= this.batches.length) return 'done';
    return this.next >= gate.batches ? 'held' : 'reading';
  }

  snapshotPosition(): number {
    gate.onSnapshot?.();
    return this.next;
  }

  restorePosition(position: unknown): void {
    this.next = position as number;
  }
}

function readsChangelog(table: ConnectorTable): boolean {
  return (table.options['changelog-mode'] ?? 'I') !== 'I';
}

function parseValue(text: string, type: DataType): unknown {
  if (text === '' || text === 'null') return null;
  switch (type.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': case 'FLOAT': case 'DOUBLE':
      return Number(text);
    case 'DECIMAL':
      return Math.round(Number(text) * 10 ** type.scale);
    case 'BOOLEAN':
      return text === 'true';
    case 'DATE':
      return parseDate(text);
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
      return parseTimestamp(text);
    default:
      return text;
  }
}

/** The `values` test connector (test only: it is not one of Weir's connectors). */
export const valuesConnector: Connector = {
  name: 'values',
  requiredOptions: [],
  optionalOptions: ['data', 'scan.parallelism', 'changelog-mode'],
  createSource: (table, subtask) => new ValuesReader(table, subtask),
  sourceChangelogMode: (table) => (readsChangelog(table) ? 'all' : 'insert-only'),
  applyProjection: () => true,
};
