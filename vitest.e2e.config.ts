import './tests/node-polyfills.ts';
import { defineConfig } from 'vitest/config';

/** Browser tests: Playwright driving Debian's Chromium against the built app. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    // Software WebGL on 2 cores: the UI can take seconds to settle; poll patiently.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 120_000,
    // Software WebGL is CPU-bound on 2 cores: one browser at a time.
    fileParallelism: false,
  },
});
