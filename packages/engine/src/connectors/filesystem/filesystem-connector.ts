import type { Connector } from '../connector';
import { LOOKUP_OPTIONS, readLookupCacheSpec } from '../lookup-options';
import { FILESYSTEM_OPTION_VALUES, FILESYSTEM_OPTIONS, readFilesystemSpec } from './filesystem-options';
import { FilesystemLookupSource } from './filesystem-lookup';
import { FilesystemSinkWriter } from './filesystem-sink-writer';
import { FilesystemSourceReader } from './filesystem-source-reader';

/**
 * Flink's `filesystem` connector with the csv and json formats: bounded source, partitioned
 * append-only sink, and lookup table (FULL cache by default: the file is read whole anyway).
 */
export const filesystemConnector: Connector = {
  name: 'filesystem',
  requiredOptions: ['path', 'format'],
  optionalOptions: [...FILESYSTEM_OPTIONS, ...LOOKUP_OPTIONS],
  optionValues: FILESYSTEM_OPTION_VALUES,
  defaultLookupCache: 'FULL',
  validate(table) {
    const { problems } = readFilesystemSpec(table);
    problems.push(...readLookupCacheSpec(table.options, 'FULL').problems);
    const names = table.fields.map((f) => f.name);
    for (const key of table.partitionKeys ?? []) {
      if (!names.includes(key)) problems.push({ code: 'PARTITION_COLUMN_NOT_FOUND', message: `partition column '${key}' is not a column of table '${table.table}'` });
    }
    return problems;
  },
  createSource: (table, subtask) => new FilesystemSourceReader(table, readFilesystemSpec(table).spec, subtask),
  createSink: (table, context) => new FilesystemSinkWriter(table, readFilesystemSpec(table).spec, context),
  createLookup: (table) => new FilesystemLookupSource(table, readFilesystemSpec(table).spec),
  applyProjection: () => true,
};
