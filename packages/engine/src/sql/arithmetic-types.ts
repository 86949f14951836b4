import { asDecimal, commonType, isInteger, isNumeric, isTimestamp, MAX_DECIMAL_PRECISION, type DataType } from './data-type';

/** Flink's rule when a DECIMAL result needs more than 38 digits: keep integer digits, shrink scale to no less than 6. */
function adjusted(precision: number, scale: number, nullable: boolean): DataType {
  if (precision <= MAX_DECIMAL_PRECISION) return { kind: 'DECIMAL', precision, scale, nullable };
  const integerDigits = precision - scale;
  const newScale = Math.max(MAX_DECIMAL_PRECISION - integerDigits, Math.min(scale, 6));
  return { kind: 'DECIMAL', precision: MAX_DECIMAL_PRECISION, scale: newScale, nullable };
}

/**
 * Result type of `a op b` for + - * / %, following Flink's LogicalTypeMerging for DECIMAL; integer
 * operands widen to the larger integer type and integer division truncates. Undefined: not allowed.
 */
export function arithmeticType(op: string, a: DataType, b: DataType): DataType | undefined {
  const nullable = a.nullable || b.nullable;
  if (a.kind === 'NULL' && b.kind === 'NULL') return { kind: 'INT', nullable: true };
  if (a.kind === 'NULL' && isNumeric(b)) return { ...b, nullable: true };
  if (b.kind === 'NULL' && isNumeric(a)) return { ...a, nullable: true };
  if ((op === '+' || op === '-') && (isTimestamp(a) || a.kind === 'DATE') && isIntervalType(b)) return { ...a, nullable };
  if (op === '+' && isIntervalType(a) && (isTimestamp(b) || b.kind === 'DATE')) return { ...b, nullable };
  if ((op === '+' || op === '-') && isIntervalType(a) && a.kind === b.kind) return { ...a, nullable };
  if (!isNumeric(a) || !isNumeric(b)) return undefined;
  if (a.kind === 'DECIMAL' || b.kind === 'DECIMAL') {
    if (a.kind === 'DOUBLE' || b.kind === 'DOUBLE' || a.kind === 'FLOAT' || b.kind === 'FLOAT') return { kind: 'DOUBLE', nullable };
    const { precision: p1, scale: s1 } = asDecimal(a);
    const { precision: p2, scale: s2 } = asDecimal(b);
    switch (op) {
      case '+':
      case '-': {
        const scale = Math.max(s1, s2);
        return adjusted(Math.max(p1 - s1, p2 - s2) + scale + 1, scale, nullable);
      }
      case '*':
        return adjusted(p1 + p2, s1 + s2, nullable);
      case '/': {
        const scale = Math.max(6, s1 + p2 + 1);
        return adjusted(p1 - s1 + s2 + scale, scale, nullable);
      }
      default: {
        const scale = Math.max(s1, s2);
        return adjusted(Math.min(p1 - s1, p2 - s2) + scale, scale, nullable);
      }
    }
  }
  const common = commonType(a, b);
  return common && (isInteger(common) || common.kind === 'DOUBLE' || common.kind === 'FLOAT') ? common : undefined;
}

export function isIntervalType(type: DataType): boolean {
  return type.kind === 'INTERVAL_DAY_TIME' || type.kind === 'INTERVAL_YEAR_MONTH';
}
