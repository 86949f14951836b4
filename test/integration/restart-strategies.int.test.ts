import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, Failover, RestartStrategy } from '@weir/contracts';
import { failovers, sequenceToFiles } from '../support/deployment-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
/** A regular file where the sink wants its directory: every attempt fails at its first write (ENOTDIR), a real I/O failure the worker reports as a recoverable EXCEPTION. */
let notADirectory: string;

beforeAll(async () => {
  platform = await startTestPlatform('restarts', { workers: 1 });
  notADirectory = join(platform.dir, 'not-a-directory');
  await writeFile(notADirectory, 'the sink cannot make its folder here\n');
});

afterAll(async () => {
  await platform?.stop();
});

/** Deploys a job whose sink cannot write, with `restartStrategy`, and waits until the deployment is FAILED. */
async function failingDeployment(name: string, restartStrategy: RestartStrategy, timeoutMs: number): Promise<{ failed: Deployment; history: Failover[]; elapsedMs: number }> {
  const started = Date.now();
  const d = await platform.deploy(name, sequenceToFiles(join(notADirectory, name), 1000, 1000), { restartStrategy });
  const failed = await platform.waitFor(d.id, ['FAILED'], timeoutMs);
  const history = (await failovers(platform, d.id)).sort((a, b) => a.attempt - b.attempt);
  return { failed, history, elapsedMs: Date.now() - started };
}

/** The failures as one line each, for the log of a failed assertion. */
function describeHistory(history: Failover[]): string {
  return history.map((f) => `attempt ${f.attempt} ${f.cause} at ${f.at}: ${f.message?.slice(0, 120)}`).join('\n');
}

/**
 * Every attempt failed on its own (the worker stays alive throughout): a WORKER_LOST here is the
 * scheduler taking a run for lost that was never lost, and its `at` breaks the delay checks.
 */
function expectOnlyExceptions(history: Failover[], count: number): void {
  expect(history.map((f) => f.cause), describeHistory(history)).toEqual(Array.from({ length: count }, () => 'EXCEPTION'));
}

/** Milliseconds between consecutive failures. */
function gaps(history: Failover[]): number[] {
  return history.slice(1).map((f, i) => Date.parse(f.at) - Date.parse(history[i]!.at));
}

describe('restart strategies', () => {
  it("none: FAILED with the run's exception after the first failure, no restart", async () => {
    const { failed, history, elapsedMs } = await failingDeployment('strategy-none', { kind: 'none' }, 20_000);
    console.log(`none: FAILED ${elapsedMs} ms after deploy`);
    expect(failed.attempt).toBe(1);
    expect(failed.failureCause).toBe('EXCEPTION');
    expect(failed.failureMessage).toMatch(/restart strategy is 'none'.*not a directory/s);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ attempt: 1, cause: 'EXCEPTION', downtimeMs: null });
    expect(history[0]!.message).toMatch(/not a directory/);
    expect(history[0]!.stack).toMatch(/Error/);
  });

  it('fixed-delay: N restarts, each after the delay, then FAILED on failure N+1', async () => {
    const delayMs = 400;
    const { failed, history, elapsedMs } = await failingDeployment('strategy-fixed', { kind: 'fixed-delay', attempts: 2, delayMs }, 30_000);
    console.log(`fixed-delay (2 × ${delayMs} ms): FAILED ${elapsedMs} ms after deploy; gaps between failures ${gaps(history).join(', ')} ms`);
    expect(failed.attempt).toBe(3);
    expect(failed.failureCause).toBe('EXCEPTION');
    expect(failed.failureMessage).toMatch(/fixed-delay restart strategy used its 2 attempt\(s\)/);
    expect(history.map((f) => f.attempt)).toEqual([1, 2, 3]);
    expectOnlyExceptions(history, 3);
    for (const gap of gaps(history)) expect(gap, describeHistory(history)).toBeGreaterThanOrEqual(delayMs);
  });

  it('exponential-delay: each restart waits longer (initial × multiplier^n), FAILED once its attempts are used', async () => {
    // Backoffs of 1, 2 and 4 s: steps well above the spread of an attempt's start-and-fail time (±0.4 s seen in CI).
    const initialBackoffMs = 1_000;
    const strategy: RestartStrategy = {
      kind: 'exponential-delay', initialBackoffMs, maxBackoffMs: 60_000, multiplier: 2, resetBackoffThresholdMs: 3_600_000, jitterFactor: 0, attempts: 3,
    };
    const { failed, history, elapsedMs } = await failingDeployment('strategy-exponential', strategy, 30_000);
    const between = gaps(history);
    console.log(`exponential-delay (1000 ms × 2^n, 3 attempts): FAILED ${elapsedMs} ms after deploy; gaps between failures ${between.join(', ')} ms`);
    expect(failed.attempt).toBe(4);
    expect(failed.failureMessage).toMatch(/exponential-delay restart strategy used its 3 attempt\(s\)/);
    expectOnlyExceptions(history, 4);
    between.forEach((gap, i) => expect(gap, describeHistory(history)).toBeGreaterThanOrEqual(initialBackoffMs * 2 ** i));
    // The backoff doubles (+1, +2 s) while the time to start and fail an attempt stays about the same.
    expect(between[1]!).toBeGreaterThan(between[0]!);
    expect(between[2]!).toBeGreaterThan(between[1]!);
  });

  it('failure-rate: FAILED when more failures than allowed fall within the interval', async () => {
    const delayMs = 200;
    const { failed, history, elapsedMs } = await failingDeployment(
      'strategy-rate-exceeded', { kind: 'failure-rate', maxFailuresPerInterval: 2, failureRateIntervalMs: 20_000, delayMs }, 30_000,
    );
    console.log(`failure-rate (2 per 20 s, ${delayMs} ms delay): FAILED ${elapsedMs} ms after deploy; gaps ${gaps(history).join(', ')} ms`);
    expect(failed.attempt).toBe(3);
    expect(failed.failureMessage).toMatch(/failure-rate restart strategy: 3 failures within 20000 ms \(at most 2\)/);
    expect(history.map((f) => f.attempt)).toEqual([1, 2, 3]);
    expectOnlyExceptions(history, 3);
    for (const gap of gaps(history)) expect(gap, describeHistory(history)).toBeGreaterThanOrEqual(delayMs);
  });

  it('failure-rate: keeps restarting while the failures are spread wider than the interval', async () => {
    // One failure allowed per 500 ms and 700 ms between attempts: no interval ever holds two.
    const d = await platform.deploy('strategy-rate-spread', sequenceToFiles(join(notADirectory, 'spread'), 1000, 1000), {
      restartStrategy: { kind: 'failure-rate', maxFailuresPerInterval: 1, failureRateIntervalMs: 500, delayMs: 700 },
    });
    const deadline = Date.now() + 20_000;
    let history: Failover[] = [];
    while (history.length < 4 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      history = await failovers(platform, d.id);
    }
    expect(history.length).toBeGreaterThanOrEqual(4);
    const now = (await platform.api<Deployment>('GET', `/deployments/${d.id}`)).body;
    expect(now.status).not.toBe('FAILED');
    expect(now.attempt).toBeGreaterThanOrEqual(4);
    expect((await platform.api('POST', `/deployments/${d.id}/stop`, {})).status).toBeLessThan(300);
    await platform.waitFor(d.id, ['STOPPED'], 15_000);
  });
});
