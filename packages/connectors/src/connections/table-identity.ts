/** What names the data a table reads or writes outside Weir; tables of two jobs with the same identity are one table. */
export interface TableIdentity {
  key: string;
  /** The object in words, e.g. `nats subject orders.created`. */
  object: string;
}

const host = (url: string | undefined) => (url ?? '').replace(/\/\/[^@/]*@/, '//');

/**
 * The identity of a table from its connector options, or undefined for connectors whose data
 * exists only inside one job (datagen, print, blackhole, values).
 */
export function tableIdentity(connector: string, options: Record<string, string>): TableIdentity | undefined {
  const of = (object: string): TableIdentity => ({ key: `${connector}|${object}`, object });
  switch (connector) {
    case 'jdbc':
      return of(`${host(options.url)} ${options['table-name'] ?? ''}`);
    case 'postgres-cdc':
      return { key: `jdbc|jdbc:postgresql://${options.hostname}:${options.port ?? '5432'}/${options['database-name']} ${options['schema-name'] ?? 'public'}.${options['table-name']}`, object: `${options.hostname}/${options['database-name']} ${options['schema-name'] ?? 'public'}.${options['table-name']} (change stream)` };
    case 'kafka':
    case 'upsert-kafka':
      return { key: `kafka|${options['properties.bootstrap.servers']} ${options.topic ?? options['topic-pattern'] ?? ''}`, object: `kafka topic ${options.topic ?? options['topic-pattern'] ?? ''}` };
    case 'nats':
      return of(options.stream ? `nats stream ${options.stream} subject ${options.subject ?? ''}` : `nats subject ${options.subject ?? ''}`);
    case 'mqtt':
      return of(`mqtt topic ${options.topic ?? ''} at ${host(options.url)}`);
    case 'rabbitmq':
      return of(`rabbitmq ${options.queue ? `queue ${options.queue}` : `exchange ${options.exchange ?? ''} ${options['routing-key'] ?? ''}`} at ${host(options.uri)}`);
    case 'redis':
      return of(`redis ${options['data-type'] ?? 'string'} ${options.key ?? ''} at ${host(options.url)}`);
    case 'http':
      return of(`http ${host(options.url)}`);
    case 'filesystem':
      return of(`path ${options.path ?? ''}`);
    default:
      return undefined;
  }
}
