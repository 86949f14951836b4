import type { Connector, ConnectorTable, SourcePoll, SourceReader } from '../../src/connectors/connector';
import type { DataType } from '../../src/sql/data-type';
import { parseDate, parseTimestamp } from '../../src/runtime/temporal';
import type { Row } from '../../src/runtime/row';

/**
 * A bounded source for golden tests: `'data'` holds rows separated by `;`, fields by `,`, and `|`
 * ends a batch; each batch is one poll, so the runner emits the source's watermark after it.
 * Empty fields and `null` are NULL.
 */
class ValuesReader implements SourceReader {
  private readonly batches: Row[][];
  private next = 0;

  constructor(table: ConnectorTable, subtask: { subtaskIndex: number }) {
    const types = table.fields.map((f) => f.type);
    const columns = table.projection ?? types.map((_, i) => i);
    const text = subtask.subtaskIndex === 0 ? (table.options.data ?? '') : '';
    this.batches = text.split('|').map((batch) => batch.split(';').map((r) => r.trim()).filter((r) => r !== '').map((r) => {
      const values = r.split(',').map((v, i) => parseValue(v.trim(), types[i]));
      return columns.map((c) => values[c]);
    }));
  }

  poll(): SourcePoll {
    const rows = this.batches[this.next++] ?? [];
    return { rows, finished: this.next >= this.batches.length };
  }
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
  optionalOptions: ['data', 'scan.parallelism'],
  createSource: (table, subtask) => new ValuesReader(table, subtask),
  applyProjection: () => true,
};
