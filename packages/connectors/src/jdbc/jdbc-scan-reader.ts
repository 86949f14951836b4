import { EngineError, type ConnectorTable, type DataType, type SubtaskInfo } from '@weir/engine';
import { BufferedSourceReader } from '../common/buffered-source-reader';
import { placeholder, quoteIdentifier } from './jdbc-client';
import type { JdbcSpec } from './jdbc-options';
import { selectStatement } from './jdbc-statements';
import { jdbcError, openJdbcClient } from './open-jdbc-client';
import { toEngineValue } from './value-mapping';

/** Where a scan subtask is: the index (among its own) of the range it reads and the rows it emitted from it. */
interface ScanPosition {
  range: number;
  rows: number;
}

/**
 * A bounded scan of a table. With `scan.partition.*` the column's range is cut into `num` ranges,
 * as Flink's JdbcNumericBetweenParametersProvider does, and subtask i reads ranges i, i+p, …;
 * without it subtask 0 reads the whole table. Rows are read in key order (the PRIMARY KEY, else
 * every column), so a restored run can skip the rows of its range it had already emitted.
 */
export class JdbcScanReader extends BufferedSourceReader<ScanPosition> {
  private readonly columns: string[];
  private readonly types: DataType[];
  private readonly orderBy: string;
  private readonly ranges: ([number, number] | null)[];

  constructor(
    private readonly spec: JdbcSpec,
    table: ConnectorTable,
    subtask: SubtaskInfo,
  ) {
    super(Math.max(1024, spec.fetchSize * 2));
    this.columns = table.fields.map((f) => f.name);
    this.types = table.fields.map((f) => f.type);
    const dialect = spec.target.dialect;
    this.orderBy = table.primaryKey?.length ? table.primaryKey.map((k) => quoteIdentifier(dialect, k)).join(', ') : this.columns.map((_, i) => String(i + 1)).join(', ');
    this.ranges = rangesOf(spec, subtask);
  }

  protected async fetch(from: ScanPosition | undefined): Promise<void> {
    if (this.ranges.length === 0) return;
    const { spec } = this;
    const client = await openJdbcClient(spec);
    try {
      const dialect = client.dialect;
      for (let r = from?.range ?? 0; r < this.ranges.length && !this.closed; r++) {
        const range = this.ranges[r];
        const where = range ? `${quoteIdentifier(dialect, (spec.partitioning as { column: string }).column)} BETWEEN ${placeholder(dialect, 0)} AND ${placeholder(dialect, 1)}` : undefined;
        const sql = selectStatement(dialect, spec.tableName, this.columns, where, this.orderBy);
        let skip = from && r === from.range ? from.rows : 0;
        let emitted = skip;
        try {
          await client.stream(sql, range ?? [], spec.fetchSize, async (rows) => {
            for (const raw of rows) {
              if (skip > 0) {
                skip--;
                continue;
              }
              this.push(this.convert(raw, r, emitted), { range: r, rows: ++emitted });
            }
            const room = this.room();
            if (room) await room;
          });
        } catch (error) {
          if (error instanceof EngineError) throw error;
          throw jdbcError(spec, `cannot scan table '${spec.tableName}'`, error);
        }
      }
    } finally {
      await client.close();
    }
  }

  protected async shutdown(): Promise<void> {}

  private convert(raw: unknown[], range: number, index: number): unknown[] {
    const row = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      try {
        row[i] = toEngineValue(raw[i], this.types[i]);
      } catch (error) {
        throw new EngineError(`cannot read column '${this.columns[i]}' of row ${index + 1} of table '${this.spec.tableName}'${this.ranges[range] ? ` (range ${this.ranges[range]?.join('..')})` : ''}: ${(error as Error).message}`, {
          code: 'FORMAT_PARSE_ERROR', domain: 'user', cause: error,
        });
      }
    }
    return row;
  }
}

/** This subtask's ranges of the partition column (null: the whole table, read by subtask 0 alone). */
function rangesOf(spec: JdbcSpec, subtask: SubtaskInfo): ([number, number] | null)[] {
  const p = spec.partitioning;
  if (!p) return subtask.subtaskIndex === 0 ? [null] : [];
  const size = p.upper - p.lower + 1;
  const num = Math.min(p.num, size);
  const stride = Math.floor(size / num);
  const extra = size - stride * num;
  const ranges: [number, number][] = [];
  let start = p.lower;
  for (let k = 0; k < num; k++) {
    // As Flink's provider: the first `extra` ranges hold one value more.
    const end = start + stride - 1 + (k < extra ? 1 : 0);
    if (k % subtask.parallelism === subtask.subtaskIndex) ranges.push([start, end]);
    start = end + 1;
  }
  return ranges;
}
