import { formatType, isInteger, isNumeric, isString, simple, varchar, withNullability, type DataType } from '../../sql/data-type';
import { AGGREGATE_FUNCTION_NAMES } from '../aggregate-function-names';

const IMPLEMENTED = new Set(AGGREGATE_FUNCTION_NAMES);

/** Whether Weir can run this aggregate function (upper-case name). */
export function isImplementedAggregate(name: string): boolean {
  return IMPLEMENTED.has(name);
}

/**
 * The result type of an aggregate call, by Flink's rules (FlinkTypeSystem): COUNT is BIGINT NOT
 * NULL; SUM of DECIMAL(p, s) is DECIMAL(38, s), otherwise the argument type; AVG of DECIMAL(p, s) is
 * DECIMAL(38, max(6, s)), otherwise the argument type (BIGINT averages truncate); MIN, MAX,
 * FIRST_VALUE, LAST_VALUE keep the argument type; LISTAGG is STRING; variances keep the argument
 * type. Every result but COUNT is nullable. Returns a message when the arguments do not fit.
 */
export function aggregateResultType(name: string, args: DataType[], countStar: boolean): DataType | string {
  if (name === 'COUNT') return simple('BIGINT', false);
  const arity = name === 'LISTAGG' ? [1, 2] : [1, 1];
  if (countStar || args.length < arity[0] || args.length > arity[1]) return `${name} expects ${arity[0] === arity[1] ? arity[0] : `${arity[0]} or ${arity[1]}`} argument${arity[1] === 1 ? '' : 's'}`;
  const arg = args[0];
  switch (name) {
    case 'SUM':
    case 'AVG':
    case 'STDDEV_POP': case 'STDDEV_SAMP': case 'STDDEV': case 'VAR_POP': case 'VAR_SAMP': case 'VARIANCE':
      if (!isNumeric(arg)) return `${name} expects a numeric argument, got ${formatType(arg)}`;
      if (arg.kind === 'DECIMAL') return { kind: 'DECIMAL', precision: 38, scale: name === 'AVG' ? Math.max(6, arg.scale) : arg.scale, nullable: true };
      return withNullability(arg, true);
    case 'MIN': case 'MAX': case 'FIRST_VALUE': case 'LAST_VALUE':
      return withNullability(arg, true);
    case 'LISTAGG':
      if (!isString(arg) || (args[1] && !isString(args[1]))) return 'LISTAGG expects string arguments';
      return varchar(undefined, true);
    default:
      return `aggregate function ${name} is not supported yet`;
  }
}

/** True when values of the type are summed as integers (so averages truncate as Java's long division). */
export function isIntegerAggregate(type: DataType): boolean {
  return isInteger(type);
}
