import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and server suites start their own processes; two cores, so keep files from piling up.
    maxWorkers: 2,
    // CI reads the JSON report for its pass/fail count (.ci/run).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.test-results/vitest.json' }]] : ['default'],
  },
});
