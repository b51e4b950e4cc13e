import './tests/node-polyfills.ts';
import { defineConfig } from 'vitest/config';

/** Unit tests: pure modules in Node. Browser tests live in vitest.e2e.config.ts. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup-i18n.ts'],
    testTimeout: 180_000,
  },
});
