import { createHash } from 'node:crypto';
import type { ScalarFunction } from '../scalar-function';
import { callHelper, defineFunction, helperFunction, STRING } from '../signature';

const digest = (algorithm: string) => (text: string | Uint8Array): string => createHash(algorithm).update(text).digest('hex');

function sha2(text: string | Uint8Array, bits: number): string | null {
  const algorithm = { 224: 'sha224', 256: 'sha256', 384: 'sha384', 512: 'sha512', 0: 'sha256' }[bits];
  return algorithm ? createHash(algorithm).update(text).digest('hex') : null;
}

/** MD5, SHA1, SHA224, SHA256, SHA384, SHA512 and SHA2 as lower-case hex of the UTF-8 bytes. */
export const HASH_FUNCTIONS: ScalarFunction[] = [
  ...(['MD5', 'SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512'] as const).map((name) => helperFunction(name, [1, 1], ['binaryOrString'], STRING, digest(name.toLowerCase()))),
  defineFunction({ name: 'SHA2', arity: [2, 2], args: ['binaryOrString', 'integer'], result: STRING, nullable: 'always', generate: (a, _t, _r, ctx) => callHelper(ctx, sha2, a) }),
];
