import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'challenge', include: ['src/**/*.spec.ts'], env: { TZ: 'UTC' } },
});
