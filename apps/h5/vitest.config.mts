import './vitest.node20-polyfills.mjs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { sharedAlias } from './vite.shared-alias.mjs';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: sharedAlias },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // DOM tests opt in with a `@vitest-environment jsdom` docblock.
    environment: 'node',
    setupFiles: ['src/console/testing/setup-dom.ts'],
    // antd pages in jsdom are slow on a shared 2-core machine: a page test may take tens of seconds.
    testTimeout: 90_000,
  },
});
