import { defineConfig } from 'vitest/config';

/**
 * The README's commands in a fresh clone (`npm run test:readme`): separate from the unit run
 * because it installs a second node_modules and builds, which takes a minute or two.
 */
export default defineConfig({
  test: {
    include: ['test/readme/**/*.readme.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    setupFiles: ['test/support/setup.ts'],
  },
});
