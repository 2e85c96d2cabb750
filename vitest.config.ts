import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // two cores: keep the pool small so simulator-backed tests are not starved
    maxWorkers: 2,
    setupFiles: ['test/support/setup.ts'],
  },
});
