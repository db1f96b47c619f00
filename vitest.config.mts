import { defineConfig } from 'vitest/config';

// Every workspace keeps its own vitest.config.ts; this file only gathers them so `vitest run` at the root
// runs every suite in one process with one summary.
export default defineConfig({
  test: {
    // Once per run, before any project: the migrated template every test database is cloned from.
    globalSetup: ['tests/support/global-setup.ts'],
    // One test file at a time across all projects: the suites share one Docker engine and 2 cores, and timing-
    // sensitive challenge tests (the rate limiter's) must not compete with a parallel sandbox run for CPU.
    maxWorkers: 1,
    projects: ['packages/*/vitest.config.{ts,mts}', 'apps/*/vitest.config.{ts,mts}', 'tests/vitest.config.{ts,mts}', 'tests/security/vitest.config.mts', 'tests/faults/vitest.config.{ts,mts}'],
  },
});
