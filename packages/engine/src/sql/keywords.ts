/**
 * Words that cannot be used as unquoted names. Deliberately smaller than Calcite's reserved list:
 * words such as `dateTime`, `key`, `value` in contexts where they are unambiguous stay usable, as
 * Nexmark writes them. Words like DAY, MINUTE and VALUE are reserved in Flink and must be quoted.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'ALL', 'AND', 'ARRAY', 'AS', 'ASC', 'BETWEEN', 'BY', 'CASE', 'CAST', 'CREATE', 'CROSS', 'CURRENT',
  'DAY', 'DESC', 'DISTINCT', 'ELSE', 'END', 'EXCEPT', 'EXISTS', 'EXPLAIN', 'FALSE', 'FETCH', 'FILTER',
  'FOR', 'FROM', 'FULL', 'GROUP', 'HAVING', 'HOUR', 'IN', 'INNER', 'INSERT', 'INTERSECT', 'INTERVAL',
  'INTO', 'IS', 'JOIN', 'LATERAL', 'LEFT', 'LIKE', 'LIMIT', 'MAP', 'MINUTE', 'MONTH', 'NATURAL', 'NOT',
  'NULL', 'OFFSET', 'ON', 'OR', 'ORDER', 'OUTER', 'OVER', 'PARTITION', 'RIGHT', 'ROW', 'SECOND', 'SELECT',
  'SET', 'SIMILAR', 'TABLE', 'THEN', 'TRUE', 'TRY_CAST', 'UNION', 'UNKNOWN', 'UNNEST', 'USING', 'VALUE', 'VALUES',
  'WHEN', 'WHERE', 'WINDOW', 'WITH', 'YEAR',
]);

/** Units accepted after INTERVAL 'n'. */
export const INTERVAL_UNITS: ReadonlySet<string> = new Set(['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND']);
