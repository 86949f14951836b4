import { ROW_KIND_SHORT, type RowBatch, type RowKinds } from '../../runtime/row';
import type { Connector, ConnectorTable, SinkContext, SinkWriter } from '../connector';
import { formatRow } from './flink-row-format';

/**
 * Writes one line per row like Flink's PrintSinkOutputWriter: prefix `identifier> ` (and the
 * 1-based subtask number, `identifier:2> `, when the sink runs with parallelism > 1).
 */
class PrintSinkWriter implements SinkWriter {
  private readonly prefix: string;
  private readonly stream: NodeJS.WritableStream;
  private waiting: Promise<void> | null = null;

  constructor(
    private readonly table: ConnectorTable,
    context: SinkContext,
  ) {
    const identifier = table.options['print-identifier'];
    const subtask = context.parallelism > 1 ? String(context.subtaskIndex + 1) : '';
    if (identifier !== undefined && identifier !== '') this.prefix = subtask ? `${identifier}:${subtask}> ` : `${identifier}> `;
    else this.prefix = subtask ? `${subtask}> ` : '';
    this.stream = table.options['standard-error'] === 'true' ? context.stderr : context.stdout;
  }

  write(rows: RowBatch, kinds?: RowKinds): void {
    if (rows.length === 0) return;
    const types = this.table.fields.map((f) => f.type);
    let text = '';
    for (let i = 0; i < rows.length; i++) {
      const formatted = formatRow(rows[i], types);
      text += `${this.prefix}${kinds ? ROW_KIND_SHORT[kinds[i]] + formatted.slice(2) : formatted}\n`;
    }
    if (!this.stream.write(text) && !this.waiting) {
      this.waiting = new Promise((resolve) => this.stream.once('drain', () => {
        this.waiting = null;
        resolve();
      }));
    }
  }

  finish(): void {}

  pending(): Promise<void> | null {
    return this.waiting;
  }
}

/** Flink's `print` connector. */
export const printConnector: Connector = {
  name: 'print',
  requiredOptions: [],
  optionalOptions: ['print-identifier', 'standard-error', 'sink.parallelism'],
  optionValues: { 'standard-error': ['true', 'false'] },
  sinkChangelogMode: 'all',
  validate(table) {
    const stderr = table.options['standard-error'];
    if (stderr !== undefined && stderr !== 'true' && stderr !== 'false') {
      return [{ code: 'OPTION_INVALID', message: `option 'standard-error' must be 'true' or 'false', got '${stderr}'`, option: 'standard-error' }];
    }
    return [];
  },
  createSink: (table, context) => new PrintSinkWriter(table, context),
};
