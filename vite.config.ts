import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'client'),
  publicDir: false,
  build: { outDir: path.join(here, 'dist/client'), emptyOutDir: true, sourcemap: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [
    // A Workbox service worker that precaches the app shell (HTML, script, styles) and answers
    // every page navigation with it, so a signed-in person can reload offline. API and sync
    // requests never go through its cache: the app keeps what it needs itself, per account.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
