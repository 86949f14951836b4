import type { Connector } from '../connector';
import { FILESYSTEM_OPTIONS, readFilesystemSpec } from './filesystem-options';
import { FilesystemSinkWriter } from './filesystem-sink-writer';
import { FilesystemSourceReader } from './filesystem-source-reader';

/** Flink's `filesystem` connector with the csv and json formats: bounded source, partitioned append-only sink. */
export const filesystemConnector: Connector = {
  name: 'filesystem',
  requiredOptions: ['path', 'format'],
  optionalOptions: FILESYSTEM_OPTIONS,
  validate(table) {
    const { problems } = readFilesystemSpec(table);
    const names = table.fields.map((f) => f.name);
    for (const key of table.partitionKeys ?? []) {
      if (!names.includes(key)) problems.push({ code: 'PARTITION_COLUMN_NOT_FOUND', message: `partition column '${key}' is not a column of table '${table.table}'` });
    }
    return problems;
  },
  createSource: (table, subtask) => new FilesystemSourceReader(table, readFilesystemSpec(table).spec, subtask),
  createSink: (table, context) => new FilesystemSinkWriter(table, readFilesystemSpec(table).spec, context),
  applyProjection: () => true,
};
