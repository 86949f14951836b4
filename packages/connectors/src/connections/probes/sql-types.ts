/** A PostgreSQL column type (information_schema's data_type and udt_name) as a Flink type, per the jdbc connector's mapping. */
export function postgresFlinkType(dataType: string, udtName: string, precision: number | null, scale: number | null, datetimePrecision: number | null): string {
  if (dataType === 'ARRAY') return `ARRAY<${postgresFlinkType(udtName.replace(/^_/, ''), udtName.replace(/^_/, ''), null, null, null)}>`;
  switch (dataType) {
    case 'smallint': case 'int2': return 'SMALLINT';
    case 'integer': case 'int4': return 'INT';
    case 'bigint': case 'int8': return 'BIGINT';
    case 'real': case 'float4': return 'FLOAT';
    case 'double precision': case 'float8': return 'DOUBLE';
    case 'numeric': return precision === null ? 'DECIMAL(38, 18)' : `DECIMAL(${precision}, ${scale ?? 0})`;
    case 'boolean': case 'bool': return 'BOOLEAN';
    case 'date': return 'DATE';
    case 'time without time zone': case 'time': return 'TIME';
    case 'timestamp without time zone': case 'timestamp': return `TIMESTAMP(${Math.min(datetimePrecision ?? 6, 9)})`;
    case 'timestamp with time zone': case 'timestamptz': return `TIMESTAMP_LTZ(${Math.min(datetimePrecision ?? 6, 9)})`;
    case 'bytea': return 'BYTES';
    default: return 'STRING';
  }
}

/** A MySQL / MariaDB column type (information_schema's COLUMN_TYPE) as a Flink type. */
export function mysqlFlinkType(columnType: string): string {
  const type = columnType.toLowerCase();
  const unsigned = type.includes('unsigned');
  const args = /\(([^)]*)\)/.exec(type)?.[1]?.split(',').map((s) => Number(s.trim())) ?? [];
  const base = type.replace(/\(.*$/, '').replace(/ unsigned.*$/, '').trim();
  switch (base) {
    case 'tinyint': return args[0] === 1 ? 'BOOLEAN' : unsigned ? 'SMALLINT' : 'TINYINT';
    case 'bool': case 'boolean': return 'BOOLEAN';
    case 'smallint': return unsigned ? 'INT' : 'SMALLINT';
    case 'mediumint': return 'INT';
    case 'int': case 'integer': return unsigned ? 'BIGINT' : 'INT';
    case 'bigint': return unsigned ? 'DECIMAL(20, 0)' : 'BIGINT';
    case 'float': return 'FLOAT';
    case 'double': case 'real': return 'DOUBLE';
    case 'decimal': case 'numeric': return `DECIMAL(${args[0] ?? 10}, ${args[1] ?? 0})`;
    case 'date': return 'DATE';
    case 'time': return 'TIME';
    case 'datetime': return `TIMESTAMP(${args[0] ?? 0})`;
    case 'timestamp': return `TIMESTAMP_LTZ(${args[0] ?? 0})`;
    case 'binary': case 'varbinary': case 'blob': case 'tinyblob': case 'mediumblob': case 'longblob': return 'BYTES';
    default: return 'STRING';
  }
}
