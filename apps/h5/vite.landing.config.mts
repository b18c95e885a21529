import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sharedAlias } from './vite.shared-alias.mjs';

/** The landing page's progressive-enhancement script: one small IIFE, no framework. */
export default defineConfig({
  publicDir: false,
  resolve: { alias: sharedAlias },
  build: {
    outDir: fileURLToPath(new URL('./dist/landing', import.meta.url)),
    emptyOutDir: true,
    // WeChat's web views (XWeb / WKWebView) and phones' browsers from 2020 on; older ones keep the no-JS form.
    target: 'es2020',
    sourcemap: true,
    lib: {
      entry: fileURLToPath(new URL('./src/landing/client-main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'FenjiLanding',
      fileName: () => 'landing.js',
    },
  },
});
