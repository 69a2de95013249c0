import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    // Generous: a test that builds the demo company (a year of documents) on a busy
    // PostgreSQL takes tens of seconds. Speed is measured by the benchmarks, not here.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
