import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');
const WEIR = join(REPO, 'packages/engine/bin/weir.js');

/** A `weir` CLI process started from the repository root, its stderr kept line by line. */
export interface WeirCli {
  child: ChildProcess;
  stderr: string[];
  exited: Promise<number | null>;
}

/** Runs `npx weir ARGS…` as a user would (the engine's bin with the connector plugin). */
export function weirCli(args: string[]): WeirCli {
  const child = spawn(process.execPath, [WEIR, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  child.stdout?.resume();
  return { child, stderr, exited: new Promise((done) => child.once('exit', (code) => done(code))) };
}

/** Resolves once `condition` holds, polling every 50 ms; rejects after `timeoutMs` naming `what`. */
export async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
