/**
 * The data directory's lock lost while the engine runs (its directory deleted by hand or by a
 * cleaner, or taken over after the process stalled past the stale time): the engine stops itself
 * and says so, instead of a throw from proper-lockfile's timer crashing the process.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, LOCK_TIMING } from '../../../src/engine/store/data-dir-lock';
import { startSimulator } from '../../../src/simulator';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

describe('reliability finding 9.4: a lost data-directory lock', () => {
  it('stops the engine cleanly and tells the embedding app', { timeout: 30_000 }, async () => {
    const sim = await startSimulator({ app: 'radarr', seed: 93, size: 'tiny' });
    const tmp = await tempDir();
    const logs: string[] = [];
    let lost: Error | undefined;
    const { host } = await openHost(settingsOf([instanceOf(sim, 'radarr', { jobs: [{ id: 'missing', type: 'missing', schedule: { every: '24h' } }] })]), tmp.dir, {
      log: (l) => logs.push(l),
      onLockLost: (e) => (lost = e),
    });
    try {
      await host.start();
      await rm(join(tmp.dir, LOCK_FILE), { recursive: true });
      const end = Date.now() + LOCK_TIMING.updateMs * 3;
      while (!lost && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      expect(lost?.message).toContain(`lost the lock on data directory ${tmp.dir}`);
      expect(logs).toContainEqual(expect.stringMatching(/lost the lock on data directory .*: stopping$/));
      await expect(host.start()).rejects.toThrow('the engine was stopped');
    } finally {
      await host.stop();
      await sim.close();
      await tmp.remove();
    }
  });
});
