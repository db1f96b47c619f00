import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // org-create.spec boots the real API to open the link the CLI printed; Nest needs swc's decorator metadata.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    name: 'cli',
    include: ['test/**/*.spec.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Each case drives real sandbox runs; in parallel they would only compete for the same 2 cores.
    fileParallelism: false,
  },
});
