import { asDecimal, isInteger, isNumeric, isString, isTimestamp, type DataType } from '../sql/data-type';

/** Keeps an integer in range of its type, wrapping like a Java narrowing cast. */
export function wrapInteger(code: string, type: DataType): string {
  switch (type.kind) {
    case 'TINYINT': return `((${code}) << 24 >> 24)`;
    case 'SMALLINT': return `((${code}) << 16 >> 16)`;
    case 'INT': return `((${code}) | 0)`;
    default: return code;
  }
}

/**
 * JavaScript code converting a non-null value `v` from one type to another. `typeRef` names a
 * constant holding the type the helpers need (for string conversions).
 */
export function castCode(v: string, from: DataType, to: DataType, safe: boolean, typeRef: (type: DataType) => string): string {
  if (isString(to)) return isString(from) ? v : `h.toStr(${v}, ${typeRef(from)})`;
  if (isString(from)) return `h.fromStr(${v}, ${typeRef(to)}, ${safe})`;
  if (isNumeric(from) && isNumeric(to)) return numericCast(v, from, to);
  if (from.kind === 'BOOLEAN' && isNumeric(to)) return `(${v} ? ${to.kind === 'DECIMAL' ? 10 ** to.scale : 1} : 0)`;
  if (isNumeric(from) && to.kind === 'BOOLEAN') return `(${v} !== 0)`;
  if (isNumeric(from) && isTimestamp(to)) return `(${numericCast(v, from, { kind: 'DOUBLE', nullable: true })} * 1000)`;
  if (isTimestamp(from) && to.kind === 'DATE') return `Math.floor(${v} / h.MS_PER_DAY)`;
  if (isTimestamp(from) && to.kind === 'TIME') return `h.floorMod(${v}, h.MS_PER_DAY)`;
  if (isTimestamp(from) && isInteger(to)) return wrapInteger(`Math.floor(${v} / 1000)`, to);
  if (from.kind === 'DATE' && isTimestamp(to)) return `(${v} * h.MS_PER_DAY)`;
  return v;
}

function numericCast(v: string, from: DataType, to: DataType): string {
  if (to.kind === 'DECIMAL') {
    if (from.kind === 'DOUBLE' || from.kind === 'FLOAT') return `h.roundHalfUp(${v} * ${10 ** to.scale})`;
    return `h.rescale(${v}, ${asDecimal(from).scale}, ${to.scale})`;
  }
  const value = from.kind === 'DECIMAL' ? (isInteger(to) ? `Math.trunc(${v} / ${10 ** from.scale})` : `(${v} / ${10 ** from.scale})`) : v;
  if (isInteger(to)) return wrapInteger(from.kind === 'DOUBLE' || from.kind === 'FLOAT' ? `Math.trunc(${value})` : value, to);
  if (to.kind === 'FLOAT') return `Math.fround(${value})`;
  return value;
}
