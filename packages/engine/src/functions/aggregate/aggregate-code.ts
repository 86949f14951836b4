import type { AggregateCall } from '../../plan/logical-plan';
import { isInteger, type DataType } from '../../sql/data-type';

/**
 * Code generation of one aggregate function over accumulator slots `a[b]`, `a[b + 1]`, ...: the
 * initial slot values and the statements that accumulate, retract and merge, plus the result
 * expression. `v` holds the argument expressions, already known to be non-NULL (aggregates ignore
 * NULLs). Retractable variants (when the input has updates) keep value counts or lists instead of
 * one running value, like Flink's MinWithRetractAggFunction and friends.
 */
export interface AggregateCode {
  init: string[];
  accumulate(a: string, b: number, v: string[]): string;
  retract(a: string, b: number, v: string[]): string;
  merge(a: string, o: string, b: number): string;
  value(a: string, b: number): string;
}

/** The code of one aggregate call; `retractable` when its input can retract rows. */
export function aggregateCode(call: AggregateCall, retractable: boolean): AggregateCode {
  const arg = call.argTypes[0];
  switch (call.fn) {
    case 'COUNT':
      return {
        init: ['0'],
        accumulate: (a, b) => `${a}[${b}]++;`,
        retract: (a, b) => `${a}[${b}]--;`,
        merge: (a, o, b) => `${a}[${b}] += ${o}[${b}];`,
        value: (a, b) => `${a}[${b}]`,
      };
    case 'SUM':
    case 'AVG': {
      const add = arg.kind === 'FLOAT' ? (x: string, y: string) => `Math.fround(${x} + ${y})` : (x: string, y: string) => `${x} + ${y}`;
      const sub = arg.kind === 'FLOAT' ? (x: string, y: string) => `Math.fround(${x} - ${y})` : (x: string, y: string) => `${x} - ${y}`;
      return {
        init: ['0', '0'],
        accumulate: (a, b, v) => `${a}[${b}] = ${add(`${a}[${b}]`, v[0])}; ${a}[${b + 1}]++;`,
        retract: (a, b, v) => `${a}[${b}] = ${sub(`${a}[${b}]`, v[0])}; ${a}[${b + 1}]--;`,
        merge: (a, o, b) => `${a}[${b}] = ${add(`${a}[${b}]`, `${o}[${b}]`)}; ${a}[${b + 1}] += ${o}[${b + 1}];`,
        value: (a, b) => `(${a}[${b + 1}] === 0 ? null : ${call.fn === 'SUM' ? `${a}[${b}]` : average(`${a}[${b}]`, `${a}[${b + 1}]`, arg, call.type)})`,
      };
    }
    case 'MIN':
    case 'MAX': {
      const better = call.fn === 'MIN' ? '<' : '>';
      if (!retractable) {
        return {
          init: ['null'],
          accumulate: (a, b, v) => `if (${a}[${b}] === null || ${v[0]} ${better} ${a}[${b}]) ${a}[${b}] = ${v[0]};`,
          retract: () => '',
          merge: (a, o, b) => `if (${o}[${b}] !== null && (${a}[${b}] === null || ${o}[${b}] ${better} ${a}[${b}])) ${a}[${b}] = ${o}[${b}];`,
          value: (a, b) => `${a}[${b}]`,
        };
      }
      return {
        init: ['null', 'new Map()'],
        accumulate: (a, b, v) => `g.countUp(${a}[${b + 1}], ${v[0]}); if (${a}[${b}] === null || ${v[0]} ${better} ${a}[${b}]) ${a}[${b}] = ${v[0]};`,
        retract: (a, b, v) => `if (g.countDown(${a}[${b + 1}], ${v[0]}) && ${v[0]} === ${a}[${b}]) ${a}[${b}] = g.${call.fn === 'MIN' ? 'minKey' : 'maxKey'}(${a}[${b + 1}]);`,
        merge: (a, o, b) => `for (const [k, n] of ${o}[${b + 1}]) { g.countUp(${a}[${b + 1}], k, n); if (${a}[${b}] === null || k ${better} ${a}[${b}]) ${a}[${b}] = k; }`,
        value: (a, b) => `${a}[${b}]`,
      };
    }
    case 'FIRST_VALUE':
    case 'LAST_VALUE': {
      const first = call.fn === 'FIRST_VALUE';
      if (!retractable) {
        return {
          init: ['null'],
          accumulate: (a, b, v) => (first ? `if (${a}[${b}] === null) ${a}[${b}] = ${v[0]};` : `${a}[${b}] = ${v[0]};`),
          retract: () => '',
          merge: (a, o, b) => (first ? `if (${a}[${b}] === null) ${a}[${b}] = ${o}[${b}];` : `if (${o}[${b}] !== null) ${a}[${b}] = ${o}[${b}];`),
          value: (a, b) => `${a}[${b}]`,
        };
      }
      return {
        init: ['[]'],
        accumulate: (a, b, v) => `${a}[${b}].push(${v[0]});`,
        retract: (a, b, v) => `g.removeValue(${a}[${b}], ${v[0]});`,
        merge: (a, o, b) => `${a}[${b}].push(...${o}[${b}]);`,
        value: (a, b) => `(${a}[${b}].length === 0 ? null : ${a}[${b}][${first ? '0' : `${a}[${b}].length - 1`}])`,
      };
    }
    case 'LISTAGG':
      // Like ListAggWsWithRetractAggFunction: the values in order, joined with the latest separator.
      return {
        init: ['[]', "','"],
        accumulate: (a, b, v) => `${a}[${b}].push(${v[0]});${v[1] ? ` if (${v[1]} !== null) ${a}[${b + 1}] = ${v[1]};` : ''}`,
        retract: (a, b, v) => `g.removeValue(${a}[${b}], ${v[0]});`,
        merge: (a, o, b) => `${a}[${b}].push(...${o}[${b}]); ${a}[${b + 1}] = ${o}[${b + 1}];`,
        value: (a, b) => `(${a}[${b}].length === 0 ? null : ${a}[${b}].join(${a}[${b + 1}]))`,
      };
    default:
      return varianceCode(call);
  }
}

// Flink rewrites AVG to SUM / COUNT in the argument type: integers truncate, DECIMAL rounds half-up.
function average(sum: string, count: string, arg: DataType, result: DataType): string {
  if (isInteger(arg)) return `Math.trunc(${sum} / ${count})`;
  if (result.kind === 'DECIMAL' && arg.kind === 'DECIMAL') return `g.roundHalfUp(${sum} * ${10 ** (result.scale - arg.scale)} / ${count})`;
  if (arg.kind === 'FLOAT') return `Math.fround(${sum} / ${count})`;
  return `${sum} / ${count}`;
}

/**
 * VAR_POP, VAR_SAMP (VARIANCE), STDDEV_POP, STDDEV_SAMP (STDDEV) as Flink's
 * AggregateReduceFunctionsRule computes them: (SUM(x*x) - SUM(x)*SUM(x)/COUNT(x)) / COUNT(x)
 * (COUNT(x) - 1 for samples), square-rooted for STDDEV, in the argument type.
 */
function varianceCode(call: AggregateCall): AggregateCode {
  const arg = call.argTypes[0];
  const sample = call.fn === 'VAR_SAMP' || call.fn === 'VARIANCE' || call.fn === 'STDDEV_SAMP' || call.fn === 'STDDEV';
  const root = call.fn.startsWith('STDDEV');
  const integer = isInteger(arg);
  const scale = arg.kind === 'DECIMAL' ? 10 ** arg.scale : 1;
  return {
    init: ['0', '0', '0'],
    accumulate: (a, b, v) => `${a}[${b}] += ${v[0]}; ${a}[${b + 1}] += ${v[0]} * ${v[0]}; ${a}[${b + 2}]++;`,
    retract: (a, b, v) => `${a}[${b}] -= ${v[0]}; ${a}[${b + 1}] -= ${v[0]} * ${v[0]}; ${a}[${b + 2}]--;`,
    merge: (a, o, b) => `${a}[${b}] += ${o}[${b}]; ${a}[${b + 1}] += ${o}[${b + 1}]; ${a}[${b + 2}] += ${o}[${b + 2}];`,
    value: (a, b) => `g.variance(${a}[${b}], ${a}[${b + 1}], ${a}[${b + 2}], ${sample}, ${root}, ${integer}, ${scale})`,
  };
}
