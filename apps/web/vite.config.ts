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
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 2000 },
});
