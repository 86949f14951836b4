import { performance } from 'node:perf_hooks';
import { UdfSandbox } from '../src/runtime/udf-sandbox';

// Cost of a user function call through the sandbox (copying arguments and result across the
// isolate boundary) against the same function called directly, in one process.

const CALLS = Number(process.argv[2] ?? 1_000_000);
const source = 'function (s, c) { if (s === null) return null; let n = 0; for (const ch of s) if (ch === c) n++; return n; }';
const inputs = Array.from({ length: 1000 }, (_, i) => `bid-${i}-${(i * 7919) % 100_000}-url-1111`);

function measure(label: string, fn: (s: string, c: string) => unknown): number {
  let sink = 0;
  for (let i = 0; i < 10_000; i++) sink += Number(fn(inputs[i % inputs.length]!, '1'));
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) sink += Number(fn(inputs[i % inputs.length]!, '1'));
  const ns = ((performance.now() - start) * 1e6) / CALLS;
  console.log(`${label.padEnd(10)} ${ns.toFixed(0).padStart(6)} ns/call  ${(1e9 / ns / 1e6).toFixed(2)} M calls/s  (checksum ${sink})`);
  return ns;
}

const direct = (0, eval)(`(${source})`) as (s: string, c: string) => unknown;
const sandbox = await UdfSandbox.open([{ identifier: 'CountChar', language: 'javascript', source, resultType: 'BIGINT' }], { memoryMb: 64, callTimeoutMs: 1000 });
if (!sandbox) throw new Error('no sandbox');
const sandboxed = sandbox.functions.CountChar!.eval as (s: string, c: string) => unknown;

console.log(`user function CountChar, ${CALLS.toLocaleString('en')} calls`);
const base = measure('direct', direct);
const boxed = measure('sandboxed', sandboxed);
console.log(`ratio sandboxed / direct: ${(boxed / base).toFixed(1)}x`);
sandbox.dispose();
