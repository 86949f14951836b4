import { simple, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { defineFunction } from '../signature';
import { asDouble } from './numeric-code';

const DOUBLE = simple('DOUBLE');

/** A DOUBLE function of DOUBLE arguments; DECIMAL and integer arguments are read as doubles. */
function doubleFunction(name: string, arity: number, body: (args: string[]) => string): ScalarFunction {
  return defineFunction({
    name, arity: [arity, arity], args: ['numeric'], result: DOUBLE,
    generate: (args, types) => body(args.map((a, i) => asDouble(a, types[i]))),
  });
}

const keepType = (args: DataType[]): DataType => args[0];

/** Powers, logarithms, trigonometry and constants: DOUBLE results as Java's Math gives them. */
export const MATH_FUNCTIONS: ScalarFunction[] = [
  doubleFunction('POWER', 2, ([a, b]) => `Math.pow(${a}, ${b})`),
  doubleFunction('SQRT', 1, ([a]) => `Math.sqrt(${a})`),
  doubleFunction('LN', 1, ([a]) => `Math.log(${a})`),
  doubleFunction('LOG10', 1, ([a]) => `Math.log10(${a})`),
  doubleFunction('LOG2', 1, ([a]) => `(Math.log(${a}) / Math.LN2)`),
  defineFunction({
    name: 'LOG', arity: [1, 2], args: ['numeric'], result: DOUBLE,
    generate: (args, types) => (args.length === 1 ? `Math.log(${asDouble(args[0], types[0])})` : `(Math.log(${asDouble(args[1], types[1])}) / Math.log(${asDouble(args[0], types[0])}))`),
  }),
  doubleFunction('EXP', 1, ([a]) => `Math.exp(${a})`),
  doubleFunction('SIN', 1, ([a]) => `Math.sin(${a})`),
  doubleFunction('SINH', 1, ([a]) => `Math.sinh(${a})`),
  doubleFunction('COS', 1, ([a]) => `Math.cos(${a})`),
  doubleFunction('COSH', 1, ([a]) => `Math.cosh(${a})`),
  doubleFunction('TAN', 1, ([a]) => `Math.tan(${a})`),
  doubleFunction('TANH', 1, ([a]) => `Math.tanh(${a})`),
  doubleFunction('COT', 1, ([a]) => `(1 / Math.tan(${a}))`),
  doubleFunction('ASIN', 1, ([a]) => `Math.asin(${a})`),
  doubleFunction('ACOS', 1, ([a]) => `Math.acos(${a})`),
  doubleFunction('ATAN', 1, ([a]) => `Math.atan(${a})`),
  doubleFunction('ATAN2', 2, ([a, b]) => `Math.atan2(${a}, ${b})`),
  doubleFunction('DEGREES', 1, ([a]) => `(${a} * 180 / Math.PI)`),
  doubleFunction('RADIANS', 1, ([a]) => `(${a} / 180 * Math.PI)`),
  defineFunction({ name: 'PI', arity: [0, 0], args: [], result: DOUBLE, nullable: 'never', generate: () => 'Math.PI' }),
  defineFunction({ name: 'E', arity: [0, 0], args: [], result: DOUBLE, nullable: 'never', generate: () => 'Math.E' }),
  defineFunction({ name: 'ABS', arity: [1, 1], args: ['numeric'], result: keepType, generate: (a) => `Math.abs(${a[0]})` }),
  defineFunction({
    name: 'SIGN', arity: [1, 1], args: ['numeric'], result: keepType,
    generate: (a, types) => (types[0].kind === 'DECIMAL' ? `(Math.sign(${a[0]}) * ${10 ** types[0].scale})` : `Math.sign(${a[0]})`),
  }),
];
