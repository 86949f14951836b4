import { parseDurationMs } from '../datagen/datagen-options';
import type { ConnectorProblem, ConnectorTable } from '../connector';
import type { CsvOptions } from './csv-format';
import type { JsonOptions } from './json-format';

/** Everything the filesystem connector reads from a table's options. */
export interface FilesystemSpec {
  /** A local path: `file://` stripped. */
  path: string;
  format: 'csv' | 'json';
  csv: CsvOptions;
  json: JsonOptions;
  /** Roll a part file once it holds this many bytes. */
  rollingFileSizeBytes: number;
  /** Roll a part file once it has been open this long (checked on write). */
  rolloverIntervalMs: number;
  /** Write `_SUCCESS` (or the configured name) into each partition committed at the end of input. */
  successFileName: string | null;
  defaultPartitionName: string;
}

/** The options taking one of a fixed set of values, and those values. */
export const FILESYSTEM_OPTION_VALUES = {
  format: ['csv', 'json'],
  'sink.partition-commit.trigger': ['process-time', 'partition-time'],
  'json.timestamp-format.standard': ['SQL', 'ISO-8601'],
} as const;

/**
 * Options the connector accepts (Flink's FileSystemConnectorOptions and the csv/json format
 * options). Those that only tune when files roll or partitions commit in a long-running job
 * (check intervals, commit trigger and delay, time extractor, compaction) are accepted: a bounded
 * run rolls and commits everything at its end. Options that would change the data read or
 * written but are not implemented (continuous monitoring, path filters, escape characters, null
 * map keys) are left out, so they are reported as unsupported rather than ignored.
 */
export const FILESYSTEM_OPTIONS = [
  'path', 'format', 'sink.parallelism', 'partition.default-name',
  'sink.rolling-policy.file-size', 'sink.rolling-policy.rollover-interval', 'sink.rolling-policy.check-interval', 'sink.rolling-policy.inactivity-interval',
  'sink.partition-commit.trigger', 'sink.partition-commit.delay', 'sink.partition-commit.policy.kind', 'sink.partition-commit.success-file.name',
  'sink.partition-commit.watermark-time-zone', 'sink.partition-commit.policy.class',
  'partition.time-extractor.kind', 'partition.time-extractor.class', 'partition.time-extractor.timestamp-pattern', 'partition.time-extractor.timestamp-formatter',
  'auto-compaction', 'compaction.file-size',
  'csv.field-delimiter', 'csv.quote-character', 'csv.disable-quote-character', 'csv.allow-comments', 'csv.ignore-parse-errors', 'csv.null-literal',
  'json.ignore-parse-errors', 'json.fail-on-missing-field', 'json.timestamp-format.standard', 'json.encode.decimal-as-plain-number',
] as const;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1 << 20, mb: 1 << 20, g: 1 << 30, gb: 1 << 30 };

/** Parses a Flink memory size ('128MB', '1 kb', '4096'); undefined when malformed. */
export function parseSizeBytes(text: string): number | undefined {
  const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m?.[2].toLowerCase();
  return m && unit !== undefined && unit in SIZE_UNITS ? Number(m[1]) * SIZE_UNITS[unit] : undefined;
}

/** Parses and checks the options of a filesystem table; each problem names its option. */
export function readFilesystemSpec(table: ConnectorTable): { spec: FilesystemSpec; problems: ConnectorProblem[] } {
  const options = table.options;
  const problems: ConnectorProblem[] = [];
  const invalid = (option: string, expected: string) => problems.push({ code: 'OPTION_INVALID', message: `option '${option}' must be ${expected}, got '${options[option]}'`, option });
  const bool = (option: string): boolean => {
    const text = options[option];
    if (text === undefined) return false;
    if (!/^(true|false)$/i.test(text.trim())) invalid(option, "'true' or 'false'");
    return text.trim().toLowerCase() === 'true';
  };
  const char = (option: string, fallback: string): string => {
    const text = options[option] ?? fallback;
    const unescaped = text === '\\t' ? '\t' : text;
    if (unescaped.length !== 1) invalid(option, 'a single character');
    return unescaped;
  };
  const duration = (option: string, fallback: number): number => {
    const text = options[option];
    if (text === undefined) return fallback;
    const ms = parseDurationMs(text);
    if (ms === undefined) invalid(option, "a duration such as '1 min'");
    return ms ?? fallback;
  };
  const format = options.format;
  if (!FILESYSTEM_OPTION_VALUES.format.includes(format as 'csv')) invalid('format', "'csv' or 'json'");
  const path = (options.path ?? '').replace(/^file:\/\//, '');
  if (path === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) invalid('path', "a local path or a 'file://' URI");
  const size = options['sink.rolling-policy.file-size'] === undefined ? 128 << 20 : parseSizeBytes(options['sink.rolling-policy.file-size']);
  if (size === undefined || size <= 0) invalid('sink.rolling-policy.file-size', "a positive size such as '128MB'");
  for (const option of ['sink.rolling-policy.check-interval', 'sink.rolling-policy.inactivity-interval', 'sink.partition-commit.delay']) duration(option, 0);
  const trigger = options['sink.partition-commit.trigger'];
  if (trigger !== undefined && !FILESYSTEM_OPTION_VALUES['sink.partition-commit.trigger'].includes(trigger as 'process-time')) invalid('sink.partition-commit.trigger', "'process-time' or 'partition-time'");
  const policies = (options['sink.partition-commit.policy.kind'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  for (const policy of policies) {
    if (policy === 'custom') problems.push({ code: 'OPTION_UNSUPPORTED', message: "the 'custom' partition commit policy needs a Java class, which Weir cannot run", option: 'sink.partition-commit.policy.kind' });
    else if (policy !== 'success-file' && policy !== 'metastore') invalid('sink.partition-commit.policy.kind', "a list of 'success-file' and 'metastore'");
  }
  const extractor = options['partition.time-extractor.kind'];
  if (extractor !== undefined && extractor !== 'default') invalid('partition.time-extractor.kind', "'default'");
  const standard = options['json.timestamp-format.standard'];
  if (standard !== undefined && standard !== 'SQL' && standard !== 'ISO-8601') invalid('json.timestamp-format.standard', "'SQL' or 'ISO-8601'");
  const spec: FilesystemSpec = {
    path,
    format: format === 'json' ? 'json' : 'csv',
    csv: {
      fieldDelimiter: char('csv.field-delimiter', ','),
      quoteCharacter: bool('csv.disable-quote-character') ? null : char('csv.quote-character', '"'),
      allowComments: bool('csv.allow-comments'),
      nullLiteral: options['csv.null-literal'] ?? null,
      ignoreParseErrors: bool('csv.ignore-parse-errors'),
    },
    json: { ignoreParseErrors: bool('json.ignore-parse-errors'), failOnMissingField: bool('json.fail-on-missing-field'), isoTimestamps: standard === 'ISO-8601' },
    rollingFileSizeBytes: size ?? 128 << 20,
    rolloverIntervalMs: duration('sink.rolling-policy.rollover-interval', 30 * 60_000),
    // 'metastore' needs a Hive metastore; plain filesystem tables have none, so it commits nothing.
    successFileName: policies.includes('success-file') ? options['sink.partition-commit.success-file.name'] ?? '_SUCCESS' : null,
    defaultPartitionName: options['partition.default-name'] ?? '__DEFAULT_PARTITION__',
  };
  return { spec, problems };
}
