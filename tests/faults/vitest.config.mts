import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The suite reuses the API tests' factories, which import Nest code (decorator metadata needs swc).
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    name: 'faults',
    include: ['**/*.fault-spec.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
