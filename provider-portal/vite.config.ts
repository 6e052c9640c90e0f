import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built portal under /portal/ (falling back to index.html for client routes);
// in development Vite serves it and forwards /api to a locally running API.
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
