import { defineConfig } from 'vitest/config';

/**
 * One project per layer, so `npx vitest --project core` runs the core's tests alone in seconds.
 * The e2e project drives Debian's Chromium against built pages and real servers.
 */
const layer = (name: string, include: string[]) => ({ extends: true as const, test: { name, include } });

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and server suites start their own processes; two cores, so keep files from piling up.
    maxWorkers: 2,
    // CI reads the JSON report for its pass/fail count (.ci/run).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.test-results/vitest.json' }]] : ['default'],
    projects: [
      layer('core', ['tests/core/**/*.test.ts']),
      layer('game', ['tests/game/**/*.test.ts']),
      layer('server', ['tests/server/**/*.test.ts']),
      layer('cli', ['tests/cli/**/*.test.ts']),
      layer('e2e', ['tests/e2e/**/*.test.ts']),
    ],
  },
});
