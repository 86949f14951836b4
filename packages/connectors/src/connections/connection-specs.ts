import { CONNECTION_FIELDS, type ConnectionFields, type ConnectionType } from '@weir/contracts';

/** What a connection of one type holds and how tables on it get their connector options. */
export interface ConnectionSpec extends ConnectionFields {
  type: ConnectionType;
  /** The connector options a table on `object` gets from the connection, secrets as the values given. */
  tableOptions(connector: string, options: Record<string, string>, object?: string): Record<string, string>;
}

const pick = (options: Record<string, string>, keys: string[]) => Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));

function sqlTableOptions(type: 'postgres' | 'mysql'): ConnectionSpec['tableOptions'] {
  return (connector, options, object) => {
    const port = options.port ?? (type === 'postgres' ? '5432' : '3306');
    const credentials = pick(options, ['username', 'password']);
    if (connector === 'postgres-cdc') {
      const [schema, table] = splitObject(object);
      return { hostname: options.hostname, port, 'database-name': options['database-name'], ...credentials, ...(schema ? { 'schema-name': schema } : {}), ...(table ? { 'table-name': table } : {}) };
    }
    const ssl = options.sslmode ? `?sslmode=${encodeURIComponent(options.sslmode)}` : '';
    return { url: `jdbc:${type === 'postgres' ? 'postgresql' : 'mysql'}://${options.hostname}:${port}/${options['database-name']}${ssl}`, ...credentials, ...(object ? { 'table-name': object } : {}) };
  };
}

/** `schema.table` as its two parts; a bare name has no schema. */
export function splitObject(object: string | undefined): [string | undefined, string | undefined] {
  if (!object) return [undefined, undefined];
  const dot = object.indexOf('.');
  return dot < 0 ? [undefined, object] : [object.slice(0, dot), object.slice(dot + 1)];
}

const TABLE_OPTIONS: Record<ConnectionType, ConnectionSpec['tableOptions']> = {
  postgres: sqlTableOptions('postgres'),
  mysql: sqlTableOptions('mysql'),
  kafka: (_connector, options, object) => ({ ...options, ...(object ? { topic: object } : {}) }),
  nats: (_connector, options, object) => ({ ...options, ...natsObject(object) }),
  mqtt: (_connector, options, object) => ({ ...options, ...(object ? { topic: object } : {}) }),
  rabbitmq: (_connector, options, object) => ({ ...pick(options, ['uri', 'username', 'password']), ...(object ? { queue: object } : {}) }),
  redis: (_connector, options, object) => ({ ...options, ...redisObject(object) }),
  http: (_connector, options, object) => ({ ...options, url: joinUrl(options.url ?? '', object) }),
  filesystem: (_connector, options, object) => ({ path: object ? `${options.path.replace(/\/+$/, '')}/${object}` : options.path }),
};

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
  return { type, ...CONNECTION_FIELDS[type], tableOptions: TABLE_OPTIONS[type] };
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
