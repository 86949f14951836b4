import type { ConnectionType } from '@weir/contracts';

/** One option a connection type takes. */
export interface ConnectionField {
  key: string;
  required: boolean;
  /** Stored encrypted, never returned, never in a job's SQL. */
  secret: boolean;
  default?: string;
  doc: string;
}

/** What a connection of one type holds and how tables on it get their connector options. */
export interface ConnectionSpec {
  type: ConnectionType;
  fields: ConnectionField[];
  /** Keys matching this prefix are accepted and secret (HTTP headers carry tokens). */
  secretPrefix?: string;
  /** Connectors a table on this connection can use; the first is what onboarding proposes. */
  connectors: string[];
  /** The connector options a table on `object` gets from the connection, secrets as the values given. */
  tableOptions(connector: string, options: Record<string, string>, object?: string): Record<string, string>;
}

const field = (key: string, doc: string, extra: Partial<ConnectionField> = {}): ConnectionField => ({ key, required: false, secret: false, doc, ...extra });
const pick = (options: Record<string, string>, keys: string[]) => Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));

function sqlSpec(type: 'postgres' | 'mysql', port: string): ConnectionSpec {
  return {
    type,
    fields: [
      field('hostname', 'host name or address', { required: true }),
      field('port', 'TCP port', { default: port }),
      field('database-name', 'database to connect to', { required: true }),
      field('username', 'user name', { required: true }),
      field('password', 'password', { secret: true }),
      ...(type === 'postgres' ? [field('sslmode', 'disable, require or verify-full')] : []),
    ],
    connectors: type === 'postgres' ? ['jdbc', 'postgres-cdc'] : ['jdbc'],
    tableOptions(connector, options, object) {
      const port = options.port ?? (type === 'postgres' ? '5432' : '3306');
      const credentials = pick(options, ['username', 'password']);
      if (connector === 'postgres-cdc') {
        const [schema, table] = splitObject(object);
        return { hostname: options.hostname, port, 'database-name': options['database-name'], ...credentials, ...(schema ? { 'schema-name': schema } : {}), ...(table ? { 'table-name': table } : {}) };
      }
      const ssl = options.sslmode ? `?sslmode=${encodeURIComponent(options.sslmode)}` : '';
      return { url: `jdbc:${type === 'postgres' ? 'postgresql' : 'mysql'}://${options.hostname}:${port}/${options['database-name']}${ssl}`, ...credentials, ...(object ? { 'table-name': object } : {}) };
    },
  };
}

/** `schema.table` as its two parts; a bare name has no schema. */
export function splitObject(object: string | undefined): [string | undefined, string | undefined] {
  if (!object) return [undefined, undefined];
  const dot = object.indexOf('.');
  return dot < 0 ? [undefined, object] : [object.slice(0, dot), object.slice(dot + 1)];
}

const SPECS: ConnectionSpec[] = [
  sqlSpec('postgres', '5432'),
  sqlSpec('mysql', '3306'),
  {
    type: 'kafka',
    fields: [
      field('properties.bootstrap.servers', 'host:port list, comma separated', { required: true }),
      field('properties.security.protocol', 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL'),
      field('properties.sasl.mechanism', 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'),
      field('properties.sasl.username', 'SASL user name'),
      field('properties.sasl.password', 'SASL password', { secret: true }),
    ],
    connectors: ['kafka', 'upsert-kafka'],
    tableOptions: (_connector, options, object) => ({ ...options, ...(object ? { topic: object } : {}) }),
  },
  {
    type: 'nats',
    fields: [
      field('servers', 'nats://host:port list, comma separated', { required: true }),
      field('username', 'user name'),
      field('password', 'password', { secret: true }),
      field('token', 'authentication token', { secret: true }),
    ],
    connectors: ['nats'],
    tableOptions: (_connector, options, object) => ({ ...options, ...natsObject(object) }),
  },
  {
    type: 'mqtt',
    fields: [field('url', 'mqtt://host:port or mqtts://…', { required: true }), field('username', 'user name'), field('password', 'password', { secret: true })],
    connectors: ['mqtt'],
    tableOptions: (_connector, options, object) => ({ ...options, ...(object ? { topic: object } : {}) }),
  },
  {
    type: 'rabbitmq',
    fields: [
      field('uri', 'amqp://host:port/vhost, without credentials', { required: true }),
      field('username', 'user name'),
      field('password', 'password', { secret: true }),
      field('management.url', 'the management API (http://host:15672), to list queues'),
    ],
    connectors: ['rabbitmq'],
    tableOptions: (_connector, options, object) => ({ ...pick(options, ['uri', 'username', 'password']), ...(object ? { queue: object } : {}) }),
  },
  {
    type: 'redis',
    fields: [field('url', 'redis://host:port/db, without a password', { required: true }), field('password', 'password', { secret: true })],
    connectors: ['redis'],
    tableOptions: (_connector, options, object) => ({ ...options, ...redisObject(object) }),
  },
  {
    type: 'http',
    fields: [field('url', 'base URL; a table adds its path', { required: true })],
    secretPrefix: 'headers.',
    connectors: ['http'],
    tableOptions: (_connector, options, object) => ({ ...options, url: joinUrl(options.url ?? '', object) }),
  },
  {
    type: 'filesystem',
    fields: [field('path', 'a directory on the workers (and the API, to browse it)', { required: true })],
    connectors: ['filesystem'],
    tableOptions: (_connector, options, object) => ({ path: object ? `${options.path.replace(/\/+$/, '')}/${object}` : options.path }),
  },
];

/** A NATS object is a JetStream stream (`stream:NAME`) or a subject. */
function natsObject(object: string | undefined): Record<string, string> {
  if (!object) return {};
  if (object.startsWith('stream:')) return { stream: object.slice('stream:'.length) };
  return { subject: object };
}

/** A Redis object is a stream (`stream:KEY`) or a key pattern. */
function redisObject(object: string | undefined): Record<string, string> {
  if (!object) return {};
  if (object.startsWith('stream:')) return { 'data-type': 'stream', key: object.slice('stream:'.length) };
  return { key: object };
}

function joinUrl(base: string, path: string | undefined): string {
  if (!path) return base;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The spec of a connection type. */
export function connectionSpec(type: ConnectionType): ConnectionSpec {
  const spec = SPECS.find((s) => s.type === type);
  if (!spec) throw new Error(`no connection spec for '${type}'`);
  return spec;
}

/** True when a connection type stores `key` encrypted. */
export function isSecretOption(spec: ConnectionSpec, key: string): boolean {
  return spec.fields.some((f) => f.key === key && f.secret) || (spec.secretPrefix !== undefined && key.startsWith(spec.secretPrefix));
}

/** Problems of a connection's options, each with the key it is about; empty when they are fine. */
export function connectionOptionProblems(spec: ConnectionSpec, options: Record<string, string>, storedSecrets: readonly string[] = []): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  for (const key of Object.keys(options)) {
    const known = spec.fields.some((f) => f.key === key) || (spec.secretPrefix !== undefined && key.startsWith(spec.secretPrefix));
    if (!known) problems.push({ key, message: `'${key}' is not an option of a ${spec.type} connection; it takes ${spec.fields.map((f) => f.key).join(', ')}${spec.secretPrefix ? ` and ${spec.secretPrefix}*` : ''}` });
  }
  for (const f of spec.fields) {
    if (f.required && !options[f.key] && !storedSecrets.includes(f.key)) problems.push({ key: f.key, message: `'${f.key}' is required (${f.doc})` });
  }
  for (const key of ['uri', 'url', 'servers']) {
    const value = options[key];
    if (value && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value)) problems.push({ key, message: `'${key}' must not carry a password; put it in 'password', which is stored encrypted` });
  }
  return problems;
}
