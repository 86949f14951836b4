import { afterAll, describe, expect, it } from 'vitest';
import { JobThreadPool } from './job-thread-pool';

const pool = new JobThreadPool({ stackSizeMb: 4, prewarm: true, prewarmDelayMs: 0, defaultMemoryLimitMb: 128 });
afterAll(() => pool.close());

describe('JobThreadPool', () => {
  it('hands out threads with the heap limit asked for, warm or new', async () => {
    const warm = pool.take(128);
    const other = pool.take(200);
    await new Promise((r) => setTimeout(r, 50));
    const again = pool.take(200);
    expect(warm.resourceLimits?.maxOldGenerationSizeMb).toBe(128);
    expect(other.resourceLimits?.maxOldGenerationSizeMb).toBe(200);
    expect(again.resourceLimits?.maxOldGenerationSizeMb).toBe(200);
    expect(new Set([warm, other, again]).size).toBe(3);
    await Promise.all([warm, other, again].map((t) => t.terminate()));
  });
});
