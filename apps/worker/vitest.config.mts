import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'worker',
    include: ['src/**/*.spec.ts', 'test/**/*.int-spec.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Worker suites drive real Docker containers; one file at a time keeps 2 cores from thrashing.
    fileParallelism: false,
  },
});
