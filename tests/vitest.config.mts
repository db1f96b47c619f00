import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // These suites boot the Nest API in-process, which needs decorator metadata (swc emits it, esbuild does not).
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e-spec.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One Chromium at a time is plenty for 2 cores.
    fileParallelism: false,
  },
});
