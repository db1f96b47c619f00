import { defineConfig } from 'vitest/config';

// Every workspace keeps its own vitest.config.ts; this file only gathers them so `vitest run` at the root
// runs every suite in one process with one summary.
export default defineConfig({
  test: {
    // Once per run, before any project: the migrated template every test database is cloned from.
    globalSetup: ['tests/support/global-setup.ts'],
    projects: ['packages/*/vitest.config.{ts,mts}', 'apps/*/vitest.config.{ts,mts}', 'tests/vitest.config.{ts,mts}'],
  },
});
