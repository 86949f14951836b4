/** Where a JDBC URL points: the database product and what a Node client needs to reach it. */
export interface JdbcTarget {
  dialect: 'postgres' | 'mysql';
  host: string;
  port: number;
  database: string;
  /** Query parameters of the URL (e.g. `sslmode`), passed on where the client understands them. */
  params: Record<string, string>;
}

const URL_PATTERN = /^jdbc:(postgresql|mysql|mariadb):\/\/([^/:?]+|\[[^\]]+\])(?::(\d+))?\/([^?]*)(?:\?(.*))?$/;

/** Parses `jdbc:postgresql://host[:port]/db[?k=v]`, `jdbc:mysql://…` or `jdbc:mariadb://…`; undefined when it is none. */
export function parseJdbcUrl(url: string): JdbcTarget | undefined {
  const m = URL_PATTERN.exec(url.trim());
  if (!m) return undefined;
  const dialect = m[1] === 'postgresql' ? 'postgres' : 'mysql';
  const params: Record<string, string> = {};
  for (const pair of (m[5] ?? '').split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    params[decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq))] = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
  }
  return { dialect, host: m[2].replace(/^\[|\]$/g, ''), port: m[3] ? Number(m[3]) : dialect === 'postgres' ? 5432 : 3306, database: decodeURIComponent(m[4]), params };
}
