import { randomUUID } from 'node:crypto';
import { isInteger, simple, type DataType } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { callHelper, defineFunction, STRING } from '../signature';
import { JavaRandom } from './numeric-code';

function toHex(value: number): string {
  return BigInt.asUintN(64, BigInt(value)).toString(16).toUpperCase();
}

function unhex(text: string): Uint8Array | null {
  const even = text.length % 2 === 0 ? text : `0${text}`;
  if (!/^[0-9a-fA-F]*$/.test(even)) return null;
  return new Uint8Array(Buffer.from(even, 'hex'));
}

/** RAND/RAND_INTEGER: a literal seed creates one java.util.Random per call site, as Flink's generated code. */
function random(name: 'RAND' | 'RAND_INTEGER'): ScalarFunction {
  const seeded = name === 'RAND' ? 1 : 2;
  return defineFunction({
    name, arity: name === 'RAND' ? [0, 1] : [1, 2], args: ['integer'], result: simple(name === 'RAND' ? 'DOUBLE' : 'INT'),
    generate(args, _types, _result, ctx) {
      const bound = name === 'RAND' ? undefined : args[args.length - 1];
      if (args.length < seeded) return bound === undefined ? 'Math.random()' : `Math.floor(Math.random() * ${bound})`;
      const seed = ctx.literal(0);
      const generator = typeof seed === 'number' ? ctx.constant(new JavaRandom(seed)) : `new (${ctx.constant(JavaRandom)})(${args[0]})`;
      return bound === undefined ? `${generator}.nextDouble()` : `${generator}.nextInt(${bound})`;
    },
  });
}

const MOD: ScalarFunction = defineFunction({
  name: 'MOD', arity: [2, 2], args: ['integer'],
  result: (args: DataType[]) => (args[1].kind === 'NULL' ? args[0] : args[1]),
  generate: (a) => `h.mod(${a[0]}, ${a[1]})`,
});

/** MOD, RAND, RAND_INTEGER, UUID, BIN, HEX and UNHEX. */
export const NUMBER_FUNCTIONS: ScalarFunction[] = [
  MOD,
  random('RAND'),
  random('RAND_INTEGER'),
  defineFunction({ name: 'UUID', arity: [0, 0], args: [], result: STRING, nullable: 'never', generate: (_a, _t, _r, ctx) => callHelper(ctx, randomUUID, []) }),
  defineFunction({ name: 'BIN', arity: [1, 1], args: ['integer'], result: STRING, generate: (a) => `BigInt.asUintN(64, BigInt(${a[0]})).toString(2)` }),
  defineFunction({
    name: 'HEX', arity: [1, 1], args: ['any'], result: (args) => (isInteger(args[0]) || args[0].kind === 'CHAR' || args[0].kind === 'VARCHAR' || args[0].kind === 'NULL' ? STRING : 'HEX expects an integer or a string'),
    generate: (a, types, _r, ctx) => (isInteger(types[0]) ? callHelper(ctx, toHex, a) : `Buffer.from(${a[0]}, 'utf8').toString('hex').toUpperCase()`),
  }),
  defineFunction({ name: 'UNHEX', arity: [1, 1], args: ['string'], result: simple('BYTES'), nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, unhex, a) }),
];
