import { defineConfig } from 'vitest/config';

// The docker suites share one engine and assert that nothing labelled is left behind, so files run one
// after another; timeouts are generous because each case starts real containers.
export default defineConfig({
  test: {
    name: 'sandbox',
    root: import.meta.dirname,
    include: ['src/**/*.spec.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
