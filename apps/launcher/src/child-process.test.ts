import { describe, expect, it } from 'vitest';
import { startProcess, superviseProcess } from './child-process';

const node = process.execPath;

describe('superviseProcess', () => {
  it('starts a process again after it dies on its own, and not after stop()', async () => {
    const exits: (number | null)[] = [];
    let starts = 0;
    const supervised = superviseProcess(
      'crasher',
      (onExit) => {
        starts++;
        return startProcess('crasher', node, ['-e', starts === 1 ? 'process.exit(3)' : 'setInterval(() => {}, 1000)'], {
          cwd: process.cwd(),
          env: process.env,
          quiet: true,
          onExit,
        });
      },
      { restartDelayMs: 50, onExit: (code) => exits.push(code) },
    );
    const firstPid = supervised.pid();
    while (starts < 2) await new Promise((r) => setTimeout(r, 20));
    expect(exits).toEqual([3]);
    expect(supervised.pid()).not.toBe(firstPid);
    const secondPid = supervised.pid()!;
    await supervised.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(starts).toBe(2);
    expect(() => process.kill(secondPid, 0)).toThrow();
  });
});
