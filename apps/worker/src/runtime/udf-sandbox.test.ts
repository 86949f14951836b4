import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserFunctionSource } from '@weir/contracts';
import { UdfSandbox } from './udf-sandbox';

const limits = { memoryMb: 32, callTimeoutMs: 200 };
const opened: UdfSandbox[] = [];

async function sandboxOf(source: string, extra: Partial<UserFunctionSource> = {}): Promise<(...args: unknown[]) => unknown> {
  const sandbox = await UdfSandbox.open([{ identifier: 'com.example.F', language: 'javascript', source, resultType: 'STRING', ...extra }], limits);
  if (!sandbox) throw new Error('no sandbox');
  opened.push(sandbox);
  return sandbox.functions['com.example.F'].eval as (...args: unknown[]) => unknown;
}

afterEach(() => {
  for (const s of opened.splice(0)) s.dispose();
});

describe('UdfSandbox', () => {
  it('runs a function over copied SQL values: strings, numbers, null, arrays and maps', async () => {
    const f = await sandboxOf('(s, n, xs, m) => [s === null ? "null" : s.toUpperCase(), n * 2, xs.length, m.get("k")]');
    expect(f('abc', 21, [1, 2, 3], new Map([['k', 'v']]))).toEqual(['ABC', 42, 3, 'v']);
    expect(f(null, 0, [], new Map())).toEqual(['null', 0, 0, undefined]);
  });

  it('accepts a function declaration with a trailing line comment', async () => {
    const f = await sandboxOf('function countChar(s, c) { return s.split(c).length - 1; } // counts');
    expect(f('a,b,c', ',')).toBe(2);
  });

  it('has none of the worker: no process, require, fetch, timers, or host objects through constructors', async () => {
    const f = await sandboxOf(`() => [
      typeof process, typeof require, typeof fetch, typeof setTimeout, typeof module, typeof Buffer,
      (function () {}).constructor('return typeof process')(),
      typeof globalThis.constructor.constructor('return this')().process,
    ].join(',')`);
    expect(f()).toBe('undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined');
  });

  it('fails a function that reads the environment, the filesystem or the network, saying what is missing', async () => {
    const env = await sandboxOf('() => process.env.HOME');
    expect(() => env()).toThrow(expect.objectContaining({ code: 'UDF_FAILED', domain: 'user', message: "user function 'com.example.F' failed: ReferenceError: process is not defined" }));
    const file = await sandboxOf('() => require("node:fs").readFileSync("/etc/passwd", "utf8")');
    expect(() => file()).toThrow("user function 'com.example.F' failed: ReferenceError: require is not defined");
    const net = await sandboxOf('() => fetch("http://127.0.0.1:4000/api/v1/health")');
    expect(() => net()).toThrow("user function 'com.example.F' failed: ReferenceError: fetch is not defined");
  });

  it('cannot import modules', async () => {
    const f = await sandboxOf('() => import("node:fs")');
    expect(() => f()).toThrow(/user function 'com.example.F' failed/);
  });

  it('stops an endless loop at the call timeout and names the function', async () => {
    const f = await sandboxOf('() => { for (;;) {} }');
    expect(() => f()).toThrow(expect.objectContaining({ code: 'UDF_TIMEOUT', domain: 'user', message: "user function 'com.example.F' ran longer than 200 ms in one call and was stopped" }));
  });

  it('fails a huge allocation at the memory limit without touching the worker heap', async () => {
    const f = await sandboxOf('() => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }');
    expect(() => f()).toThrow(expect.objectContaining({ code: 'UDF_OUT_OF_MEMORY', message: "user function 'com.example.F' ran out of memory: its sandbox may use at most 32 MB" }));
  });

  it('reports what the function threw, as a user error', async () => {
    const f = await sandboxOf('(s) => { throw new RangeError("bad input " + s); }');
    expect(() => f('x')).toThrow(expect.objectContaining({ code: 'UDF_FAILED', domain: 'user', message: expect.stringContaining('RangeError: bad input x') }));
  });

  it('refuses a source that is not a function, or does not parse', async () => {
    await expect(sandboxOf('42')).rejects.toThrow("user function 'com.example.F': its source must evaluate to a function, got number");
    await expect(sandboxOf('(s) => {')).rejects.toThrow(/user function 'com.example.F' could not be loaded: SyntaxError/);
  });

  it('opens nothing for a run without functions', async () => {
    await expect(UdfSandbox.open([], limits)).resolves.toBeUndefined();
  });

  it("refuses to open in a node started without '--no-node-snapshot', which would abort at random", () => {
    const module = fileURLToPath(new URL('./udf-sandbox.ts', import.meta.url));
    const script = `const { UdfSandbox } = await import(${JSON.stringify(module)});
      await UdfSandbox.open([{ identifier: 'f', language: 'javascript', source: '() => 1', resultType: 'INT' }], { memoryMb: 16, callTimeoutMs: 100 })
        .then(() => console.log('opened'), (e) => console.log(e.code + ': ' + e.message));`;
    const env = { ...process.env, NODE_OPTIONS: '' };
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env, encoding: 'utf8' });
    expect(out).toContain("UDF_SANDBOX_UNAVAILABLE: this worker cannot run user functions: its node was started without '--no-node-snapshot'");
  });
});
