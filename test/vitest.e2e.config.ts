import { defineConfig } from 'vitest/config';

// Browser tests start the whole platform (and may build the console), so hooks get minutes;
// a flaky step must fail loudly, never pass on a second try.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    retry: 0,
    fileParallelism: false,
  },
});
