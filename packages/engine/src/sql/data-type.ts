import type { TypeNode } from './ast';

export type SimpleTypeKind =
  | 'BOOLEAN' | 'TINYINT' | 'SMALLINT' | 'INT' | 'BIGINT' | 'FLOAT' | 'DOUBLE' | 'DATE' | 'BYTES' | 'NULL'
  | 'INTERVAL_DAY_TIME' | 'INTERVAL_YEAR_MONTH' | 'DESCRIPTOR' | 'TABLE'
  // A keyword argument of a special call form (TRIM(BOTH ...), EXTRACT(DAY FROM ...)), as Calcite's SymbolType.
  | 'SYMBOL'
  // Semi-structured data (PARSE_JSON); the value is the parsed JSON (objects, arrays, scalars).
  | 'VARIANT';

/** A Flink logical type; serializable, since plans carry it. */
export type DataType =
  | { kind: SimpleTypeKind; nullable: boolean }
  | { kind: 'DECIMAL'; precision: number; scale: number; nullable: boolean }
  | { kind: 'CHAR' | 'VARCHAR'; length: number; nullable: boolean }
  | { kind: 'TIME' | 'TIMESTAMP' | 'TIMESTAMP_LTZ'; precision: number; nullable: boolean }
  | { kind: 'ARRAY'; element: DataType; nullable: boolean }
  | { kind: 'MAP'; key: DataType; value: DataType; nullable: boolean }
  | { kind: 'ROW'; fields: { name: string; type: DataType }[]; nullable: boolean };

export const MAX_VARCHAR_LENGTH = 2147483647;
export const MAX_DECIMAL_PRECISION = 38;

const INTEGER_RANK: Record<string, number> = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4 };
const INTEGER_DIGITS: Record<string, number> = { TINYINT: 3, SMALLINT: 5, INT: 10, BIGINT: 19 };

/** Shorthand constructor for parameterless types. */
export function simple(kind: SimpleTypeKind, nullable = true): DataType {
  return { kind, nullable };
}

export function varchar(length = MAX_VARCHAR_LENGTH, nullable = true): DataType {
  return { kind: 'VARCHAR', length, nullable };
}

export function withNullability<T extends DataType>(type: T, nullable: boolean): T {
  return type.nullable === nullable ? type : { ...type, nullable };
}

/** Converts a parsed type to a logical type, or returns a message when it is not valid. */
export function typeFromNode(node: TypeNode): DataType | string {
  const nullable = !node.notNull;
  const [p0, p1] = node.params;
  switch (node.name) {
    case 'BOOLEAN': case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': case 'FLOAT': case 'DOUBLE': case 'DATE': case 'BYTES':
      return { kind: node.name, nullable };
    case 'DECIMAL': {
      const precision = p0 ?? 10;
      const scale = p1 ?? 0;
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION) return `DECIMAL precision must be between 1 and 38, got ${precision}`;
      if (scale > precision) return `DECIMAL scale ${scale} exceeds its precision ${precision}`;
      return { kind: 'DECIMAL', precision, scale, nullable };
    }
    case 'STRING':
      return varchar(MAX_VARCHAR_LENGTH, nullable);
    case 'VARCHAR':
      return varchar(p0 ?? 1, nullable);
    case 'CHAR':
      return { kind: 'CHAR', length: p0 ?? 1, nullable };
    case 'BINARY': case 'VARBINARY':
      return { kind: 'BYTES', nullable };
    case 'TIME':
      return { kind: 'TIME', precision: p0 ?? 0, nullable };
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': {
      const precision = p0 ?? 6;
      if (precision > 9) return `${node.name} precision must be between 0 and 9, got ${precision}`;
      return { kind: node.name, precision, nullable };
    }
    case 'ARRAY': case 'MULTISET': {
      const element = typeFromNode(node.element as TypeNode);
      return typeof element === 'string' ? element : { kind: 'ARRAY', element, nullable };
    }
    case 'MAP': {
      const key = typeFromNode(node.key as TypeNode);
      const value = typeFromNode(node.value as TypeNode);
      if (typeof key === 'string') return key;
      return typeof value === 'string' ? value : { kind: 'MAP', key, value, nullable };
    }
    case 'ROW': {
      const fields: { name: string; type: DataType }[] = [];
      for (const field of node.fields ?? []) {
        const type = typeFromNode(field.type);
        if (typeof type === 'string') return type;
        fields.push({ name: field.name.name, type });
      }
      return { kind: 'ROW', fields, nullable };
    }
    default:
      return `type ${node.name} is not supported`;
  }
}

/** Flink's spelling of a type, as in its error messages and EXPLAIN output. */
export function formatType(type: DataType): string {
  const suffix = type.nullable ? '' : ' NOT NULL';
  switch (type.kind) {
    case 'DECIMAL':
      return `DECIMAL(${type.precision}, ${type.scale})${suffix}`;
    case 'VARCHAR':
      return (type.length === MAX_VARCHAR_LENGTH ? 'STRING' : `VARCHAR(${type.length})`) + suffix;
    case 'CHAR':
      return `CHAR(${type.length})${suffix}`;
    case 'TIME':
    case 'TIMESTAMP':
      return `${type.kind}(${type.precision})${suffix}`;
    case 'TIMESTAMP_LTZ':
      return `TIMESTAMP_LTZ(${type.precision})${suffix}`;
    case 'ARRAY':
      return `ARRAY<${formatType(type.element)}>${suffix}`;
    case 'MAP':
      return `MAP<${formatType(type.key)}, ${formatType(type.value)}>${suffix}`;
    case 'ROW':
      return `ROW<${type.fields.map((f) => `\`${f.name}\` ${formatType(f.type)}`).join(', ')}>${suffix}`;
    case 'INTERVAL_DAY_TIME':
      return `INTERVAL SECOND(3)${suffix}`;
    case 'INTERVAL_YEAR_MONTH':
      return `INTERVAL MONTH${suffix}`;
    default:
      return type.kind + suffix;
  }
}

export function isInteger(type: DataType): boolean {
  return type.kind in INTEGER_RANK;
}

export function isNumeric(type: DataType): boolean {
  return isInteger(type) || type.kind === 'DECIMAL' || type.kind === 'FLOAT' || type.kind === 'DOUBLE';
}

export function isString(type: DataType): boolean {
  return type.kind === 'CHAR' || type.kind === 'VARCHAR';
}

export function isTimestamp(type: DataType): boolean {
  return type.kind === 'TIMESTAMP' || type.kind === 'TIMESTAMP_LTZ';
}

/** An integer type seen as the DECIMAL that holds all its values (INT → DECIMAL(10, 0)). */
export function asDecimal(type: DataType): { precision: number; scale: number } {
  if (type.kind === 'DECIMAL') return { precision: type.precision, scale: type.scale };
  return { precision: INTEGER_DIGITS[type.kind] ?? 19, scale: 0 };
}

/**
 * The common type two operands are widened to (Flink's implicit widening):
 * integers by size, integers with DECIMAL to a DECIMAL holding both, anything with FLOAT/DOUBLE to
 * DOUBLE, strings to the longer VARCHAR, timestamps to the larger precision. NULL adopts the other.
 */
export function commonType(a: DataType, b: DataType): DataType | undefined {
  const nullable = a.nullable || b.nullable;
  if (a.kind === 'NULL') return withNullability(b, true);
  if (b.kind === 'NULL') return withNullability(a, true);
  if (isNumeric(a) && isNumeric(b)) {
    if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE' || a.kind === 'FLOAT' || b.kind === 'FLOAT') {
      return { kind: a.kind === 'FLOAT' && b.kind === 'FLOAT' ? 'FLOAT' : 'DOUBLE', nullable };
    }
    if (isInteger(a) && isInteger(b)) return { kind: INTEGER_RANK[a.kind] >= INTEGER_RANK[b.kind] ? a.kind : b.kind, nullable } as DataType;
    const da = asDecimal(a);
    const db = asDecimal(b);
    const scale = Math.max(da.scale, db.scale);
    const precision = Math.min(MAX_DECIMAL_PRECISION, Math.max(da.precision - da.scale, db.precision - db.scale) + scale);
    return { kind: 'DECIMAL', precision, scale, nullable };
  }
  if (isString(a) && isString(b)) {
    if (a.kind === 'CHAR' && b.kind === 'CHAR') return { kind: 'CHAR', length: Math.max(a.length, b.length), nullable };
    return varchar(Math.max((a as { length: number }).length, (b as { length: number }).length), nullable);
  }
  if ((a.kind === 'TIMESTAMP' && b.kind === 'TIMESTAMP') || (a.kind === 'TIMESTAMP_LTZ' && b.kind === 'TIMESTAMP_LTZ') || (a.kind === 'TIME' && b.kind === 'TIME')) {
    return { kind: a.kind, precision: Math.max(a.precision, b.precision), nullable };
  }
  if (a.kind === b.kind && sameType(withNullability(a, true), withNullability(b, true))) return withNullability(a, nullable);
  return undefined;
}

/** Structural equality of two types. */
export function sameType(a: DataType, b: DataType): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a value of `from` may be written to a column of `to` without an explicit CAST. */
export function canAssign(from: DataType, to: DataType): boolean {
  if (from.kind === 'NULL') return true;
  if (isNumeric(from) && isNumeric(to)) {
    if (to.kind === 'DOUBLE' || to.kind === 'FLOAT') return true;
    if (from.kind === 'DOUBLE' || from.kind === 'FLOAT') return false;
    if (isInteger(from) && isInteger(to)) return INTEGER_RANK[from.kind] <= INTEGER_RANK[to.kind];
    const f = asDecimal(from);
    const t = asDecimal(to);
    return t.scale >= f.scale && t.precision - t.scale >= f.precision - f.scale;
  }
  if (isString(from) && isString(to)) return true;
  if (isTimestamp(from) && from.kind === to.kind) return true;
  if (from.kind === 'TIME' && to.kind === 'TIME') return true;
  if (from.kind === 'ROW' && to.kind === 'ROW') {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => canAssign(f.type, to.fields[i].type));
  }
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') return canAssign(from.element, to.element);
  if (from.kind === 'MAP' && to.kind === 'MAP') return canAssign(from.key, to.key) && canAssign(from.value, to.value);
  return from.kind === to.kind;
}
