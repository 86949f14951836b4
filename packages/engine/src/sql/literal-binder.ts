import type { PlanExpr } from '../plan/plan-expr';
import { fractionDigits, parseDate, parseTime, parseTimestamp } from '../runtime/temporal';
import type { Expr } from './ast';
import { simple } from './data-type';

type LiteralExpr = Extract<Expr, { kind: 'number' | 'string' | 'boolean' | 'null' | 'interval' | 'typedLiteral' }>;

const INT_MAX = 2147483647;
const UNIT_MS: Record<string, number> = { DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, MILLISECOND: 1 };

/**
 * Types a literal as Flink does: integers are INT (BIGINT when too large), `1.5` is DECIMAL(2, 1)
 * holding its unscaled value 15, `1e3` is DOUBLE, 'abc' is CHAR(3) NOT NULL. Returns a message when invalid.
 */
export function bindLiteral(expr: LiteralExpr): PlanExpr | string {
  switch (expr.kind) {
    case 'number': {
      const text = expr.text;
      if (/[eE]/.test(text)) return { kind: 'literal', value: Number(text), type: simple('DOUBLE', false) };
      if (!text.includes('.')) {
        const value = Number(text);
        if (!Number.isSafeInteger(value)) return `integer literal ${text} is beyond the exact range of BIGINT in Weir (2^53)`;
        return { kind: 'literal', value, type: simple(value > INT_MAX ? 'BIGINT' : 'INT', false) };
      }
      const [whole, fraction] = text.split('.');
      const digits = (whole.replace(/^0+/, '') + fraction) || '0';
      const unscaled = Number(whole + fraction);
      if (!Number.isSafeInteger(unscaled)) return `decimal literal ${text} has more digits than Weir holds exactly (about 15)`;
      const precision = Math.max(digits.replace(/^0+(?=\d)/, '').length, fraction.length, 1);
      return { kind: 'literal', value: unscaled, type: { kind: 'DECIMAL', precision, scale: fraction.length, nullable: false } };
    }
    case 'string':
      return { kind: 'literal', value: expr.value, type: { kind: 'CHAR', length: Math.max(expr.value.length, 1), nullable: false } };
    case 'boolean':
      return { kind: 'literal', value: expr.value, type: simple('BOOLEAN', false) };
    case 'null':
      return { kind: 'literal', value: null, type: simple('NULL') };
    case 'interval': {
      if (expr.toUnit) return bindIntervalRange(expr.value, expr.unit, expr.toUnit);
      const amount = Number(expr.value.trim());
      if (!Number.isFinite(amount)) return `invalid interval literal '${expr.value}' ${expr.unit}; write a number`;
      if (expr.unit === 'YEAR' || expr.unit === 'MONTH') {
        return { kind: 'literal', value: amount * (expr.unit === 'YEAR' ? 12 : 1), type: simple('INTERVAL_YEAR_MONTH', false) };
      }
      return { kind: 'literal', value: Math.round(amount * UNIT_MS[expr.unit]), type: simple('INTERVAL_DAY_TIME', false) };
    }
    case 'typedLiteral': {
      if (expr.type === 'DATE') {
        const days = parseDate(expr.value);
        return days === undefined ? `invalid DATE literal '${expr.value}'; expected 'yyyy-MM-dd'` : { kind: 'literal', value: days, type: simple('DATE', false) };
      }
      if (expr.type === 'TIME') {
        const ms = parseTime(expr.value);
        return ms === undefined ? `invalid TIME literal '${expr.value}'; expected 'HH:mm:ss'` : { kind: 'literal', value: ms, type: { kind: 'TIME', precision: fractionDigits(expr.value), nullable: false } };
      }
      const ms = parseTimestamp(expr.value);
      if (ms === undefined) return `invalid TIMESTAMP literal '${expr.value}'; expected 'yyyy-MM-dd HH:mm:ss[.SSS]'`;
      return { kind: 'literal', value: ms, type: { kind: 'TIMESTAMP', precision: fractionDigits(expr.value), nullable: false } };
    }
  }
}

const RANGE_FIELDS = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];

/** `INTERVAL '2-10' YEAR TO MONTH`, `INTERVAL '10 00:00:00.004' DAY TO SECOND` and the ranges between. */
function bindIntervalRange(text: string, unit: string, toUnit: string): PlanExpr | string {
  const value = text.trim();
  const sign = value.startsWith('-') ? -1 : 1;
  const body = value.replace(/^[+-]/, '');
  if (unit === 'YEAR' && toUnit === 'MONTH') {
    const m = /^(\d+)-(\d+)$/.exec(body);
    if (!m || Number(m[2]) > 11) return `invalid interval literal '${text}' YEAR TO MONTH; expected 'years-months'`;
    return { kind: 'literal', value: sign * (Number(m[1]) * 12 + Number(m[2])), type: simple('INTERVAL_YEAR_MONTH', false) };
  }
  const from = RANGE_FIELDS.indexOf(unit);
  const to = RANGE_FIELDS.indexOf(toUnit);
  if (from < 0 || to <= from) return `interval range ${unit} TO ${toUnit} is not valid`;
  const parts = body.split(/[ :]/);
  if (parts.length !== to - from + 1 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return `invalid interval literal '${text}' ${unit} TO ${toUnit}`;
  let ms = 0;
  parts.forEach((part, i) => {
    ms += Number(part) * UNIT_MS[RANGE_FIELDS[from + i]];
  });
  return { kind: 'literal', value: sign * Math.round(ms), type: simple('INTERVAL_DAY_TIME', false) };
}
