import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChaos, summary } from '../chaos/chaos-scenario';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform('chaos', { workers: 2 });
});

afterAll(async () => {
  await platform?.stop();
});

describe('chaos (short; `npm run chaos` does 20 kills)', () => {
  it('survives kill -9 of its worker three times at random moments with window output exactly once', async () => {
    const report = await runChaos(platform, { kills: 3, log: (line) => console.log(line) });
    console.log(`seed ${report.seed}: recovery ${JSON.stringify(summary(report.recoveryMs))} ms`);
    expect(report.failovers).toHaveLength(3);
    expect(report.failovers.every((f) => f.cause === 'WORKER_LOST')).toBe(true);
    expect(Math.max(...report.recoveryMs)).toBeLessThanOrEqual(5000);
    expect(report.rows.missing).toEqual([]);
    expect(report.rows.doubled).toEqual([]);
    expect(report.rows.actual).toBe(report.rows.expected);
    expect(report.rows.expected).toBeGreaterThan(1000);
  }, 180_000);
});
