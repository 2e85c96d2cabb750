import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // generous: child-process tests start the CLI several times, slow on a loaded 2-core machine;
    // speed is measured in bench/, never here
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // two cores: keep the pool small so simulator-backed tests are not starved
    maxWorkers: 2,
    setupFiles: ['test/support/setup.ts'],
  },
});
