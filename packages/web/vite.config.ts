import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

/** The server API in development (`weframe serve` listens on 8080 by default). */
const apiTarget = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  // Core's TypeScript sources directly: no build order between the packages.
  resolve: { conditions: ['weframe-source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
    },
  },
});
