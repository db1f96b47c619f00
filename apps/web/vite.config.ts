import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

const apiUrl = process.env.TAKEHOME_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The browser compiles the shared contracts from source; Node uses their CommonJS build.
    alias: { '@takehome/contracts': path.resolve(__dirname, '../../packages/contracts/src/index.ts') },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': apiUrl, '/health': apiUrl },
  },
  // Source maps only when asked for (WEB_SOURCE_MAPS=true): they publish the whole client source. The API
  // serves .map files only when its own WEB_SOURCE_MAPS is on too.
  build: { outDir: 'dist', sourcemap: process.env.WEB_SOURCE_MAPS === 'true', chunkSizeWarningLimit: 2000 },
});
