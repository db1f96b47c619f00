import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'cli',
    include: ['test/**/*.spec.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 300_000,
    // Each case drives real sandbox runs; in parallel they would only compete for the same 2 cores.
    fileParallelism: false,
  },
});
