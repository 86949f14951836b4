import { formatField, type ConnectorTable, type PlanField, type TableRole } from '@weir/engine';
import { OptionReader } from '../common/option-reader';
import { readMessageFormat, type MessageFormat } from '../formats/message-format';

/** The options of this connector that take one of a fixed set of values, and those values. */
export const HTTP_OPTION_VALUES = {
  'method': ['POST', 'PUT', 'GET'],
} as const;

/** Everything the http connector reads from a table's options. */
export interface HttpSpec {
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  headers: Record<string, string>;
  timeoutMs: number;
  maxRows: number;
  flushIntervalMs: number;
  maxRetries: number;
  format: MessageFormat;
  /** Lookup: the names of the columns whose values go into the URL template or the query string. */
  keyColumns: number[];
}

export const HTTP_REQUIRED = ['url'] as const;
export const HTTP_OPTIONS = [
  'method', 'timeout', 'sink.buffer-flush.max-rows', 'sink.buffer-flush.interval', 'sink.max-retries', 'sink.parallelism', 'lookup.max-retries',
  'format', 'json.ignore-parse-errors', 'json.fail-on-missing-field', 'json.timestamp-format.standard',
] as const;
/** `headers.Authorization` = 'Bearer ${secret.TOKEN}' and the like. */
export const HTTP_OPTION_PATTERNS = [/^headers\..+$/];

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Parses and checks an http table's options for `role`; each problem names its option. */
export function readHttpSpec(table: ConnectorTable, role: TableRole) {
  const reader = new OptionReader(table.options);
  const url = table.options.url ?? '';
  if (!/^https?:\/\//.test(url)) reader.invalid('url', "an http:// or https:// URL");
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(table.options)) if (key.startsWith('headers.')) headers[key.slice(8)] = value;
  const names = table.fields.map((f) => f.name);
  const keyColumns: number[] = [];
  for (const [, name] of url.matchAll(PLACEHOLDER)) {
    const i = names.indexOf(name);
    if (i < 0) reader.problems.push({ code: 'OPTION_INVALID', message: `option 'url' names column '{${name}}', which the table does not have`, option: 'url' });
    else keyColumns.push(i);
  }
  const spec: HttpSpec = {
    url,
    method: reader.oneOf('method', HTTP_OPTION_VALUES['method'], role === 'lookup' ? 'GET' : 'POST'),
    headers,
    timeoutMs: reader.duration('timeout', 5_000),
    maxRows: reader.int('sink.buffer-flush.max-rows', 100, 1),
    flushIntervalMs: reader.duration('sink.buffer-flush.interval', 1_000),
    maxRetries: reader.int(role === 'lookup' ? 'lookup.max-retries' : 'sink.max-retries', 3, 0),
    format: readMessageFormat(reader, table.fields, role),
    keyColumns,
  };
  if (role === 'source') reader.problems.push({ code: 'CONNECTOR_ROLE', message: "an http table is a sink or a lookup table; events pushed over HTTP arrive through the platform's webhook source (not built yet)", option: 'connector' });
  return { spec, problems: reader.problems };
}

/** A value as URL text: SQL text for decimals and timestamps, '' for NULL. */
export function urlText(value: unknown, field: PlanField): string {
  return value === null || value === undefined ? '' : formatField(value, field.type);
}

/** Fills `{column}` placeholders with URL-encoded values. */
export function fillUrl(template: string, fields: readonly PlanField[], values: readonly unknown[]): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const i = fields.findIndex((f) => f.name === name);
    return encodeURIComponent(urlText(values[i], fields[i]));
  });
}
