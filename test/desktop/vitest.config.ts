import { defineConfig } from 'vitest/config';

/**
 * The desktop harness: the built app (out/, from `electron-vite build`) on a strict fake of
 * Electron, its real preload and renderer in Debian's Chromium, against simulated Radarr and
 * Sonarr. Part of `npm run test:e2e` (after the build it shares with the browser tests).
 */
export default defineConfig({
  test: {
    include: ['test/desktop/**/*.desktop.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // two cores: each scenario runs its own app process; two files at a time at most
    maxWorkers: 2,
    globalSetup: ['test/desktop/support/browser-server.ts'],
    setupFiles: ['test/support/setup.ts'],
  },
});
