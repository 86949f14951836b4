import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../../errors';
import type { Row } from '../../runtime/row';
import type { ConnectorTable, SourcePoll, SourceReader, SubtaskInfo } from '../connector';
import { parseCsvRecord, splitCsvRecords } from './csv-format';
import { FieldParseError, parseField } from './field-codec';
import type { FilesystemSpec } from './filesystem-options';
import { parseJsonLine } from './json-format';
import { parsePartitionDirectory } from './partition-path';

/** A data file and the partition values its directories (`col=value/`) give it. */
interface DataFile {
  path: string;
  partition: Map<string, string>;
}

/** Data files under `path` in name order; hidden files ('.', '_': in-progress parts, _SUCCESS) are skipped. */
function listFiles(path: string, partition: Map<string, string>, out: DataFile[]): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new EngineError(`filesystem source: cannot read '${path}': ${(error as Error).message}`, { code: 'SOURCE_PATH_NOT_FOUND', domain: 'user', cause: error, details: { option: 'path' } });
  }
  if (!stat.isDirectory()) {
    out.push({ path, partition });
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.') || name.startsWith('_')) continue;
    const child = join(path, name);
    const dir = parsePartitionDirectory(name);
    const next = dir && statSync(child).isDirectory() ? new Map([...partition, [dir.column, dir.value]]) : partition;
    listFiles(child, next, out);
  }
}

/**
 * A bounded filesystem source: files are split over subtasks by index, each read whole and parsed
 * into rows of the table's types. Partition columns are filled from the file's directories, so
 * partitioned output of the filesystem sink reads back without declaring PARTITIONED BY.
 */
export class FilesystemSourceReader implements SourceReader {
  private readonly files: DataFile[];
  private pending: Row[] = [];
  private nextFile = 0;
  /** Rows handed out so far, over this subtask's files in order: the position a checkpoint keeps. */
  private emitted = 0;
  /** Rows a restored reader still has to pass over before it resumes. */
  private skip = 0;

  constructor(
    private readonly table: ConnectorTable,
    private readonly spec: FilesystemSpec,
    subtask: SubtaskInfo,
  ) {
    const all: DataFile[] = [];
    listFiles(spec.path, new Map(), all);
    this.files = all.filter((_, i) => i % subtask.parallelism === subtask.subtaskIndex);
  }

  poll(maxRows: number): SourcePoll {
    while (this.pending.length < maxRows + this.skip && this.nextFile < this.files.length) this.pending.push(...this.readFile(this.files[this.nextFile++]));
    if (this.skip > 0) {
      const skipped = Math.min(this.skip, this.pending.length);
      this.pending = this.pending.slice(skipped);
      this.skip -= skipped;
    }
    const rows = this.pending.slice(0, maxRows);
    this.pending = this.pending.slice(maxRows);
    this.emitted += rows.length;
    const projection = this.table.projection;
    return { rows: projection ? rows.map((row) => projection.map((i) => row[i])) : rows, finished: this.pending.length === 0 && this.nextFile >= this.files.length };
  }

  /** Rows read so far; the files are listed in name order, so a restored reader finds its place by counting. */
  snapshotPosition(): number {
    return this.emitted;
  }

  restorePosition(position: unknown): void {
    this.emitted = position as number;
    this.skip = this.emitted;
  }

  private readFile(file: DataFile): Row[] {
    const text = readFileSync(file.path, 'utf8');
    const fields = this.table.fields;
    // Columns named by the file's `col=value` directories come from the path, not the file (as Flink writes them).
    const dataIndexes = fields.map((_, i) => i).filter((i) => !file.partition.has(fields[i].name));
    const names = dataIndexes.map((i) => fields[i].name);
    const types = dataIndexes.map((i) => fields[i].type);
    const partitionValues = fields.map((field) => {
      const value = file.partition.get(field.name);
      if (value === undefined || value === this.spec.defaultPartitionName) return null;
      try {
        return parseField(value, field.type);
      } catch (error) {
        if (!(error instanceof FieldParseError)) throw error;
        throw new EngineError(`filesystem source '${this.table.table}': ${file.path}: partition column '${field.name}': ${error.message}`, {
          code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { path: file.path, column: field.name },
        });
      }
    });
    const rows: Row[] = [];
    const add = (data: unknown[] | null) => {
      if (data === null) return;
      const row: Row = partitionValues.slice();
      for (let i = 0; i < dataIndexes.length; i++) row[dataIndexes[i]] = data[i];
      rows.push(row);
    };
    if (this.spec.format === 'csv') {
      for (const record of splitCsvRecords(text, this.spec.csv)) {
        try {
          add(parseCsvRecord(record, names, types, this.spec.csv));
        } catch (error) {
          throw this.parseError(file.path, record.line, error);
        }
      }
    } else {
      text.split(/\r?\n/).forEach((line, index) => {
        if (line.trim() === '') return;
        try {
          add(parseJsonLine(line, names, types, this.spec.json));
        } catch (error) {
          throw this.parseError(file.path, index + 1, error);
        }
      });
    }
    return rows;
  }

  private parseError(path: string, line: number, error: unknown): unknown {
    if (!(error instanceof FieldParseError)) return error;
    const option = `${this.spec.format}.ignore-parse-errors`;
    return new EngineError(`filesystem source '${this.table.table}': ${path}:${line}: ${error.message} (set '${option}' = 'true' to skip such rows)`, {
      code: 'FORMAT_PARSE_ERROR', domain: 'user', details: { path, line, option },
    });
  }
}
