import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['architecture/**/*.test.ts', 'integration/**/*.int.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
