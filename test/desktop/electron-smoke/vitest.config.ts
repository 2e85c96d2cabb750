import { defineConfig } from 'vitest/config';

/**
 * The release smoke test, in real Electron: the first steps of the harness's scenarios. Needs
 * Electron's binary and a display: `xvfb-run -a npm run smoke:electron` (see README). Not part of
 * `npm test`, which runs where the binary cannot be downloaded.
 */
export default defineConfig({
  test: {
    include: ['test/desktop/electron-smoke/**/*.smoke.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
