import { z } from 'zod';

/** The kinds of external system a connection can name. */
export const ConnectionType = z.enum(['postgres', 'mysql', 'kafka', 'nats', 'mqtt', 'rabbitmq', 'redis', 'http', 'filesystem']);
export type ConnectionType = z.infer<typeof ConnectionType>;

/** A connection's name, as the console and lineage show it. */
export const ConnectionName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,99}$/, 'must be letters, digits, _ and -, starting with a letter or _ (at most 100)');

/** Option keys and values; which keys a type takes is in the connectors package's connection specs. */
export const ConnectionOptions = z.record(z.string().min(1).max(200), z.string().max(4096));
export type ConnectionOptions = z.infer<typeof ConnectionOptions>;

export const CreateConnectionRequest = z.object({
  name: ConnectionName,
  type: ConnectionType,
  options: ConnectionOptions,
  description: z.string().max(2000).default(''),
});
export type CreateConnectionRequest = z.infer<typeof CreateConnectionRequest>;

/**
 * Replaces a connection's name, options and description. A secret option left out keeps its
 * stored value (the API never returns it, so a form cannot send it back); `clearSecrets` removes some.
 */
export const UpdateConnectionRequest = z.object({
  name: ConnectionName,
  options: ConnectionOptions,
  description: z.string().max(2000).default(''),
  clearSecrets: z.array(z.string()).default([]),
});
export type UpdateConnectionRequest = z.infer<typeof UpdateConnectionRequest>;

/** Why a connection test failed, so the console can say what to fix. */
export const ConnectionFailure = z.enum(['DNS', 'REFUSED', 'TIMEOUT', 'AUTHENTICATION', 'TLS', 'NOT_FOUND', 'PERMISSION', 'PROTOCOL', 'UNKNOWN']);
export type ConnectionFailure = z.infer<typeof ConnectionFailure>;

export const ConnectionTestResult = z.object({
  ok: z.boolean(),
  /** Set when the test failed. */
  failure: ConnectionFailure.optional(),
  message: z.string(),
  /** What answered, e.g. "PostgreSQL 16.4", when the server says. */
  server: z.string().optional(),
  elapsedMs: z.number().int(),
  testedAt: z.string(),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

/** A connection as the API shows it: secret options by key only, never their values. */
export const Connection = z.object({
  id: z.string(),
  name: z.string(),
  type: ConnectionType,
  description: z.string(),
  options: ConnectionOptions,
  /** Keys of the secret options that are set. */
  secrets: z.array(z.string()),
  lastTest: ConnectionTestResult.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Connection = z.infer<typeof Connection>;
export const ConnectionList = z.object({ items: z.array(Connection) });
export type ConnectionList = z.infer<typeof ConnectionList>;

export const ConnectionParams = z.object({ id: z.string().uuid() });

/** A column as an external system describes it, mapped to a Flink type. */
export const ObjectColumn = z.object({
  name: z.string(),
  type: z.string(),
  nullable: z.boolean(),
  /** The system's own type name, e.g. `timestamp with time zone`. */
  nativeType: z.string().optional(),
});
export type ObjectColumn = z.infer<typeof ObjectColumn>;

export const ConnectionObjectKind = z.enum(['table', 'view', 'stream', 'subject', 'topic', 'queue', 'key-pattern', 'file', 'endpoint']);

/** Something a connection holds that a table can be made of; `name` is what `sample` takes as `object`. */
export const ConnectionObject = z.object({
  name: z.string(),
  kind: ConnectionObjectKind,
  /** Where it sits, outermost first (database, schema; stream). */
  path: z.array(z.string()),
  columns: z.array(ObjectColumn).optional(),
  primaryKey: z.array(z.string()).optional(),
  /** A short fact about it: row or message count, subjects, key type. */
  detail: z.string().optional(),
});
export type ConnectionObject = z.infer<typeof ConnectionObject>;

export const ConnectionObjects = z.object({
  items: z.array(ConnectionObject),
  /** Set when the system cannot list everything it holds (RabbitMQ without its management API). */
  hint: z.string().optional(),
});
export type ConnectionObjects = z.infer<typeof ConnectionObjects>;

export const SampleRequest = z.object({
  object: z.string().min(1).max(1000),
  maxRows: z.number().int().min(1).max(10_000).default(100),
  maxSeconds: z.number().min(0.1).max(30).default(5),
});
export type SampleRequest = z.infer<typeof SampleRequest>;

/** Samples the object again and reads each message with `ddl`, as the table would read it. */
export const PreviewRequest = SampleRequest.extend({ ddl: z.string().min(1).max(200_000) });
export type PreviewRequest = z.infer<typeof PreviewRequest>;

export const PreviewResponse = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  /** Each message's columns as SQL text, or why the DDL could not read it. */
  rows: z.array(z.object({ values: z.record(z.string(), z.string().nullable()).nullable(), error: z.string().optional() })),
  diagnostics: z.array(z.object({ severity: z.enum(['error', 'warning']), code: z.string(), message: z.string(), line: z.number().int(), column: z.number().int(), endLine: z.number().int(), endColumn: z.number().int() })),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** A column inferred from a sample (or read from a SQL table's own catalog). */
export const InferredColumn = z.object({
  name: z.string(),
  type: z.string(),
  nullable: z.boolean(),
});
export type InferredColumn = z.infer<typeof InferredColumn>;

export const SampleResponse = z.object({
  object: z.string(),
  /** Each record as parsed JSON (messages) or a row (tables), at most maxRows. */
  rows: z.array(z.record(z.string(), z.unknown())),
  /** Messages that could not be parsed in the detected format. */
  unparsed: z.number().int(),
  format: z.enum(['json', 'csv', 'raw', 'table']),
  columns: z.array(InferredColumn),
  primaryKey: z.array(z.string()),
  /** The table Weir would register, without the connection's own options (they are merged at use). */
  ddl: z.string(),
  connector: z.string(),
  elapsedMs: z.number().int(),
  /** True when the sample stopped at maxSeconds before maxRows arrived. */
  timedOut: z.boolean(),
});
export type SampleResponse = z.infer<typeof SampleResponse>;

/** One option a connection type takes, as the console's form shows it. */
export interface ConnectionField {
  key: string;
  required: boolean;
  /** Stored encrypted, never returned, never in a job's SQL. */
  secret: boolean;
  default?: string;
  doc: string;
}

/** The options of one connection type. */
export interface ConnectionFields {
  fields: ConnectionField[];
  /** Keys with this prefix are accepted too, and are secret (HTTP headers carry tokens). */
  secretPrefix?: string;
  /** The connectors its tables use; onboarding proposes the first. */
  connectors: string[];
}

const field = (key: string, doc: string, extra: Partial<ConnectionField> = {}): ConnectionField => ({ key, required: false, secret: false, doc, ...extra });
const sqlFields = (port: string, postgres: boolean): ConnectionField[] => [
  field('hostname', 'host name or address', { required: true }),
  field('port', 'TCP port', { default: port }),
  field('database-name', 'database to connect to', { required: true }),
  field('username', 'user name', { required: true }),
  field('password', 'password', { secret: true }),
  ...(postgres ? [field('sslmode', 'disable, require or verify-full')] : []),
];

/** What each connection type takes. */
export const CONNECTION_FIELDS: Record<ConnectionType, ConnectionFields> = {
  postgres: { fields: sqlFields('5432', true), connectors: ['jdbc', 'postgres-cdc'] },
  mysql: { fields: sqlFields('3306', false), connectors: ['jdbc'] },
  kafka: {
    fields: [
      field('properties.bootstrap.servers', 'host:port list, comma separated', { required: true }),
      field('properties.security.protocol', 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL'),
      field('properties.sasl.mechanism', 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'),
      field('properties.sasl.username', 'SASL user name'),
      field('properties.sasl.password', 'SASL password', { secret: true }),
    ],
    connectors: ['kafka', 'upsert-kafka'],
  },
  nats: {
    fields: [field('servers', 'nats://host:port list, comma separated', { required: true }), field('username', 'user name'), field('password', 'password', { secret: true }), field('token', 'authentication token', { secret: true })],
    connectors: ['nats'],
  },
  mqtt: { fields: [field('url', 'mqtt://host:port or mqtts://…', { required: true }), field('username', 'user name'), field('password', 'password', { secret: true })], connectors: ['mqtt'] },
  rabbitmq: {
    fields: [
      field('uri', 'amqp://host:port/vhost, without credentials', { required: true }),
      field('username', 'user name'),
      field('password', 'password', { secret: true }),
      field('management.url', 'the management API (http://host:15672), to list queues'),
    ],
    connectors: ['rabbitmq'],
  },
  redis: { fields: [field('url', 'redis://host:port/db, without a password', { required: true }), field('password', 'password', { secret: true })], connectors: ['redis'] },
  http: { fields: [field('url', 'base URL; a table adds its path', { required: true })], secretPrefix: 'headers.', connectors: ['http'] },
  filesystem: { fields: [field('path', 'a directory on the workers (and the API, to browse it)', { required: true })], connectors: ['filesystem'] },
};
