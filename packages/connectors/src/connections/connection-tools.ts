import { WeirError, type ConnectionObjects, type ConnectionTestResult, type ConnectionType, type InferredColumn, type SampleRequest, type SampleResponse } from '@weir/contracts';
import { classifyFailure, ProbeFailure } from './connection-failure';
import type { ConnectionProbe, RawSample } from './connection-probe';
import { connectionSpec } from './connection-specs';
import { inferColumns } from './schema-inference';
import { renderTableDdl, tableNameFor } from './table-ddl';
import { filesystemProbe } from './probes/filesystem-probe';
import { httpProbe } from './probes/http-probe';
import { kafkaProbe } from './probes/kafka-probe';
import { mqttProbe } from './probes/mqtt-probe';
import { mysqlProbe } from './probes/mysql-probe';
import { natsProbe } from './probes/nats-probe';
import { postgresProbe } from './probes/postgres-probe';
import { rabbitmqProbe } from './probes/rabbitmq-probe';
import { redisProbe } from './probes/redis-probe';

const PROBES: Record<ConnectionType, ConnectionProbe> = {
  postgres: postgresProbe,
  mysql: mysqlProbe,
  kafka: kafkaProbe,
  nats: natsProbe,
  mqtt: mqttProbe,
  rabbitmq: rabbitmqProbe,
  redis: redisProbe,
  http: httpProbe,
  filesystem: filesystemProbe,
};

/** How long a Test may take before it reports a timeout. */
export const TEST_TIMEOUT_MS = 5_000;
const BROWSE_TIMEOUT_MS = 10_000;

/** Runs `work`, failing with TIMEOUT after `ms` even when a client ignores its own timeout. */
async function within<T>(ms: number, endpoint: string, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeFailure('TIMEOUT', `${endpoint} did not answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Connects with the options (secrets decrypted) and says whether it worked, and if not, why. */
export async function testConnection(type: ConnectionType, options: Record<string, string>, timeoutMs = TEST_TIMEOUT_MS): Promise<ConnectionTestResult> {
  const probe = PROBES[type];
  const started = Date.now();
  const endpoint = probe.endpoint(options);
  try {
    const { server } = await within(timeoutMs, endpoint, () => probe.test(options, timeoutMs - 250));
    return { ok: true, message: `connected to ${endpoint}`, ...(server ? { server } : {}), elapsedMs: Date.now() - started, testedAt: new Date().toISOString() };
  } catch (error) {
    const { failure, message } = classifyFailure(error, { endpoint, user: probe.user?.(options) });
    return { ok: false, failure, message, elapsedMs: Date.now() - started, testedAt: new Date().toISOString() };
  }
}

/** A probe failure as the API reports it: a missing object is the caller's mistake, the rest is the system's. */
function failed(type: ConnectionType, options: Record<string, string>, error: unknown): WeirError {
  const probe = PROBES[type];
  const { failure, message } = classifyFailure(error, { endpoint: probe.endpoint(options), user: probe.user?.(options) });
  if (failure === 'NOT_FOUND') return new WeirError('VALIDATION_FAILED', message, { details: { issues: [{ path: 'object', message }], failure } });
  return new WeirError('UNAVAILABLE', message, { details: { failure } });
}

/** What the connection holds: tables with columns, streams, subjects, topics, queues or key patterns. */
export async function browseConnection(type: ConnectionType, options: Record<string, string>): Promise<ConnectionObjects> {
  const probe = PROBES[type];
  try {
    return await within(BROWSE_TIMEOUT_MS, probe.endpoint(options), () => probe.objects(options, TEST_TIMEOUT_MS));
  } catch (error) {
    throw failed(type, options, error);
  }
}

/**
 * Reads up to maxRows rows or messages of one object within maxSeconds, infers its columns and
 * proposes the DDL Weir would register (without the connection's own options).
 */
export async function sampleConnection(type: ConnectionType, options: Record<string, string>, request: SampleRequest, connector?: string): Promise<SampleResponse> {
  const spec = connectionSpec(type);
  const chosen = connector ?? spec.connectors[0];
  if (!spec.connectors.includes(chosen)) throw new WeirError('VALIDATION_FAILED', `a ${type} connection has no '${chosen}' tables; it has ${spec.connectors.join(', ')}`, { details: { issues: [{ path: 'connector', message: `one of ${spec.connectors.join(', ')}` }] } });
  const started = Date.now();
  const raw = await readSample(type, options, request);
  const decoded = decode(raw);
  const inferred = raw.kind === 'table' ? { columns: raw.columns.map(({ name, type: t, nullable }) => ({ name, type: t, nullable })), notes: { isoTimestamps: false } } : inferColumns(decoded.rows);
  const primaryKey = raw.kind === 'table' ? raw.primaryKey : [];
  const objectOptions = { ...objectSpecificOptions(spec.tableOptions(chosen, options, request.object), spec.tableOptions(chosen, options)), ...(raw.kind === 'messages' ? raw.options : {}) };
  const formatOptions = decoded.format === 'json' ? { format: 'json', ...(inferred.notes.isoTimestamps ? { 'json.timestamp-format.standard': 'ISO-8601' } : {}) } : decoded.format === 'csv' ? { format: 'csv' } : decoded.format === 'raw' ? { format: 'raw' } : {};
  const columns: InferredColumn[] = decoded.format === 'raw' ? [{ name: 'message', type: 'STRING', nullable: true }] : inferred.columns;
  const ddl = renderTableDdl({
    name: tableNameFor(request.object),
    columns,
    primaryKey,
    eventTime: raw.kind === 'messages' ? columns.find((c) => c.type === 'TIMESTAMP(3)' || c.type === 'TIMESTAMP_LTZ(3)')?.name : undefined,
    options: { connector: chosen, ...objectOptions, ...(needsFormat(chosen) ? formatOptions : {}) },
  });
  return {
    object: request.object,
    rows: decoded.format === 'raw' ? raw.kind === 'messages' ? raw.messages.map((message) => ({ message })) : [] : decoded.rows,
    unparsed: decoded.unparsed,
    format: decoded.format,
    columns,
    primaryKey,
    ddl,
    connector: chosen,
    elapsedMs: Date.now() - started,
    timedOut: raw.timedOut,
  };
}

async function readSample(type: ConnectionType, options: Record<string, string>, request: SampleRequest): Promise<RawSample> {
  const probe = PROBES[type];
  try {
    return await within(request.maxSeconds * 1000 + TEST_TIMEOUT_MS, probe.endpoint(options), () => probe.sample(options, request.object, request));
  } catch (error) {
    throw failed(type, options, error);
  }
}

/** The messages of a sample as they arrived (a table's rows as JSON), for parsing with an edited DDL. */
export async function sampleMessages(type: ConnectionType, options: Record<string, string>, request: SampleRequest): Promise<string[]> {
  const raw = await readSample(type, options, request);
  if (raw.kind === 'table') return raw.rows.map((row) => JSON.stringify(row));
  return raw.fileFormat === 'csv' ? raw.messages.slice(1) : raw.messages;
}

/** Connectors whose messages are bytes that need a format; the SQL and Redis ones map fields themselves. */
function needsFormat(connector: string): boolean {
  return !['jdbc', 'postgres-cdc', 'redis'].includes(connector);
}

/** The options a table on one object gets beyond what every table on the connection gets (the topic, the table name). */
function objectSpecificOptions(withObject: Record<string, string>, base: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(withObject).filter(([key, value]) => base[key] !== value));
}

/** Sampled messages as records: JSON objects when most parse, CSV with its header for .csv files, else raw text. */
function decode(raw: RawSample): { rows: Record<string, unknown>[]; format: SampleResponse['format']; unparsed: number } {
  if (raw.kind === 'table') return { rows: raw.rows, format: 'table', unparsed: 0 };
  if (raw.fileFormat === 'csv') return decodeCsv(raw.messages);
  const rows: Record<string, unknown>[] = [];
  let unparsed = 0;
  for (const message of raw.messages) {
    try {
      const value = JSON.parse(message) as unknown;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) rows.push(value as Record<string, unknown>);
      else unparsed++;
    } catch {
      unparsed++;
    }
  }
  if (raw.messages.length > 0 && rows.length === 0) return { rows: [], format: 'raw', unparsed: 0 };
  return { rows, format: 'json', unparsed };
}

function decodeCsv(lines: string[]): { rows: Record<string, unknown>[]; format: 'csv'; unparsed: number } {
  const [header, ...body] = lines.map(splitCsvLine);
  const names = (header ?? []).map((name, i) => name.trim() || `f${i}`);
  let unparsed = 0;
  const rows: Record<string, unknown>[] = [];
  for (const fields of body) {
    if (fields.length !== names.length) {
      unparsed++;
      continue;
    }
    rows.push(Object.fromEntries(names.map((name, i) => [name, textValue(fields[i])])));
  }
  return { rows, format: 'csv', unparsed };
}

/** A CSV field as the value it spells, so inference sees numbers and booleans. */
function textValue(text: string): unknown {
  if (text === '') return null;
  if (/^-?\d{1,15}$/.test(text)) return Number(text);
  if (/^-?\d+\.\d+(e-?\d+)?$/i.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields;
}
