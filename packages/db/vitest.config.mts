import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'db', include: ['test/**/*.int-spec.ts'], env: { TZ: 'UTC' }, testTimeout: 30_000, hookTimeout: 60_000 },
});
