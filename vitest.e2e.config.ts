import { defineConfig } from 'vitest/config';

// End-to-end tests: playwright-core driving Debian's Chromium against the built renderer
// (served by tests/e2e/support/server.ts). Run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
