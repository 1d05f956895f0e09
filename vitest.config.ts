import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'eval/**/*.test.ts', 'bench/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    // The CLI's default is one analysis thread per core; tests use one unless they test the pool.
    env: { CHRONICLE_WORKERS: '1' },
    hookTimeout: 120_000,
  },
});
