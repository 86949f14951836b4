import { formatType, simple } from '../../sql/data-type';
import type { ScalarFunction } from '../scalar-function';
import { checkArgs, defineFunction, helperFunction, STRING } from '../signature';

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** TYPEOF (answered at planning time), IS_VALID_UTF8 and MAKE_VALID_UTF8. */
export const CONVERSION_FUNCTIONS: ScalarFunction[] = [
  {
    name: 'TYPEOF',
    strict: false,
    infer(args) {
      const problem = checkArgs('TYPEOF', args, 1, 2, ['any', 'boolean']);
      return problem ?? { result: { ...STRING, nullable: false } };
    },
    generate: (_args, types) => JSON.stringify(formatType(types[0])),
  },
  helperFunction('IS_VALID_UTF8', [1, 1], ['bytes'], simple('BOOLEAN'), isValidUtf8),
  defineFunction({ name: 'MAKE_VALID_UTF8', arity: [1, 1], args: ['bytes'], result: STRING, generate: (a, _t, _r, ctx) => `${ctx.constant(lenientDecoder)}.decode(${a[0]})` }),
];
