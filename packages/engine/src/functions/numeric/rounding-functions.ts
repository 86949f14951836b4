import { MS_PER_DAY } from '../../runtime/temporal';
import { isInteger, MAX_DECIMAL_PRECISION, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { anyNullable, callHelper, checkArgs } from '../signature';
import { ceilTimestamp, floorTimestamp } from '../temporal/time-units';
import { roundHalfUp } from './numeric-code';

/** Flink's findRoundDecimalType: the DECIMAL type of ROUND/TRUNCATE(DECIMAL(p, s), r). */
function roundedDecimal(precision: number, scale: number, round: number, nullable: boolean): DataType {
  if (round >= scale) return { kind: 'DECIMAL', precision, scale, nullable };
  if (round < 0) return { kind: 'DECIMAL', precision: Math.min(MAX_DECIMAL_PRECISION, 1 + precision - scale), scale: 0, nullable };
  return { kind: 'DECIMAL', precision: Math.min(MAX_DECIMAL_PRECISION, 1 + precision - scale + round), scale: round, nullable };
}

// Doubles round through BigDecimal.valueOf(d).setScale(n, mode) in Flink: decimal digits, not binary.
function roundDouble(value: number, digits: number, truncate: boolean): number {
  if (!Number.isFinite(value)) return value;
  const shifted = Number(`${value}e${digits}`);
  const whole = truncate ? Math.trunc(shifted) : roundHalfUp(shifted);
  return Number(`${whole}e${-digits}`);
}

function roundInteger(value: number, digits: number, truncate: boolean): number {
  if (digits >= 0) return value;
  const factor = 10 ** -digits;
  return (truncate ? Math.trunc(value / factor) : roundHalfUp(value / factor)) * factor;
}

// An unscaled DECIMAL of scale `scale` rounded to `digits`; the result has scale max(digits, 0).
function roundDecimal(unscaled: number, scale: number, digits: number, truncate: boolean): number {
  if (digits >= scale) return unscaled;
  const factor = 10 ** (scale - digits);
  const rounded = truncate ? Math.trunc(unscaled / factor) : roundHalfUp(unscaled / factor);
  return digits < 0 ? rounded * 10 ** -digits : rounded;
}

function roundingFunction(name: 'ROUND' | 'TRUNCATE'): ScalarFunction {
  const truncate = name === 'TRUNCATE';
  return {
    name,
    strict: true,
    infer(args, literals) {
      const problem = checkArgs(name, args, 1, 2, ['numeric', 'integer']);
      if (problem) return problem;
      const digits = args.length === 1 ? 0 : literals[1];
      const type = args[0];
      if (type.kind !== 'DECIMAL') return { result: { ...type, nullable: anyNullable(args) } };
      if (typeof digits !== 'number') return `the number of digits of ${name} on a DECIMAL must be a literal`;
      return { result: roundedDecimal(type.precision, type.scale, digits, anyNullable(args)) };
    },
    generate(args, types, _result, ctx) {
      const digits = args[1] ?? '0';
      const type = types[0];
      if (type.kind === 'DECIMAL') return callHelper(ctx, roundDecimal, [args[0], String(type.scale), digits, String(truncate)]);
      if (isInteger(type)) return callHelper(ctx, roundInteger, [args[0], digits, String(truncate)]);
      const code = callHelper(ctx, roundDouble, [args[0], digits, String(truncate)]);
      return type.kind === 'FLOAT' ? `Math.fround(${code})` : code;
    },
  };
}

/** CEIL/FLOOR of a number, or of a DATE/TIME/TIMESTAMP `TO unit`. */
function ceilFloor(name: 'CEIL' | 'FLOOR'): ScalarFunction {
  const up = name === 'CEIL';
  return {
    name,
    strict: true,
    infer(args) {
      if (args.length === 2) {
        const problem = checkArgs(name, args, 2, 2, ['temporal', 'symbol']);
        return problem ?? { result: args[0] };
      }
      const problem = checkArgs(name, args, 1, 1, ['numeric']);
      if (problem) return problem;
      const type = args[0];
      return { result: type.kind === 'DECIMAL' ? { kind: 'DECIMAL', precision: type.precision, scale: 0, nullable: type.nullable } : type };
    },
    generate(args, types, _result, ctx) {
      const type = types[0];
      if (args.length === 2) {
        const unit = String(ctx.literal(1));
        const helper = up ? ceilTimestamp : floorTimestamp;
        if (type.kind === 'DATE') return `Math.floor(${callHelper(ctx, helper, [`${args[0]} * ${MS_PER_DAY}`, JSON.stringify(unit)])} / ${MS_PER_DAY})`;
        return callHelper(ctx, helper, [args[0], JSON.stringify(unit)]);
      }
      if (type.kind === 'DECIMAL') return `Math.${up ? 'ceil' : 'floor'}(${args[0]} / ${10 ** type.scale})`;
      if (isInteger(type)) return args[0];
      return type.kind === 'FLOAT' ? `Math.fround(Math.${up ? 'ceil' : 'floor'}(${args[0]}))` : `Math.${up ? 'ceil' : 'floor'}(${args[0]})`;
    },
  };
}

/** ROUND, TRUNCATE, CEIL (CEILING) and FLOOR. */
export const ROUNDING_FUNCTIONS: ScalarFunction[] = [roundingFunction('ROUND'), roundingFunction('TRUNCATE'), ceilFloor('CEIL'), ceilFloor('FLOOR')];
