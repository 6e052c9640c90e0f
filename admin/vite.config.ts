import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the API under /admin/ in production; in development Vite proxies /api to the local API.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // react-admin and MUI make one large vendor bundle; the back office is used on office machines.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
