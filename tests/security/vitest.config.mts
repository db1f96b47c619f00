import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// The security probes: one booted app (production-style, serving the built web app), every probe against it.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    name: 'security',
    include: ['**/*.security-spec.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
