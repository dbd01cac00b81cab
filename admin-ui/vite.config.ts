import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// The API serves the build on its own port; in development Vite forwards /api to it, so the same
// relative base URL works in both places.
const apiProxy = { '/api': 'http://127.0.0.1:3000' };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // The console imports the contract (phases, roles, limits, input schemas) from domain/, never its own copy.
  resolve: { alias: { '@domain': fileURLToPath(new URL('../domain', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // react-admin with Material UI is one large vendor chunk; the app is an intranet back office.
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
