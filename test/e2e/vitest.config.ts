import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the real headless command with --ui against the simulator, in Debian's
 * chromium. Separate from the unit run because they need the built renderer (electron-vite build)
 * and a browser: `npm run test:e2e`.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    setupFiles: ['test/support/setup.ts'],
  },
});
