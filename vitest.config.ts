import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Browser and server suites start their own processes; two cores, so keep files from piling up.
    maxWorkers: 2,
  },
});
