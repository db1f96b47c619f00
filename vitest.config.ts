import { defineConfig } from 'vitest/config';

// Every workspace keeps its own vitest.config.ts; this file only gathers them so `vitest run` at the root
// runs every suite in one process with one summary.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tests/vitest.config.ts'],
  },
});
