/**
 * The host is what the desktop shell expects (src/main/engine-port.ts): a factory with the
 * shell's dependencies gives a DesktopEngine whose settings changes go through the shell's store.
 */
import { describe, expect, it } from 'vitest';
import { createEngineHost } from '../../../src/engine/host';
import type { CreateDesktopEngine } from '../../../src/main/engine-port';
import type { Settings } from '../../../src/shared/settings';
import { startSimulator } from '../../../src/simulator';
import { instanceOf, settingsOf, tempDir } from './support';

const createDesktopEngine: CreateDesktopEngine = (deps) => createEngineHost({ ...deps, mode: 'desktop' });

describe('the engine host as the desktop engine', () => {
  it('starts, saves through the shell, replaces settings on import, resumes after sleep and stops', async () => {
    const sim = await startSimulator({ app: 'radarr', seed: 81, size: 'tiny' });
    const tmp = await tempDir();
    const stored: Settings[] = [];
    const lines: string[] = [];
    try {
      const settings = settingsOf([instanceOf(sim, 'radarr', { jobs: [{ id: 'missing', type: 'missing', schedule: { cron: '0 3 1 1 *' } }] })]);
      const engine = await createDesktopEngine({ settings, saveSettings: (s) => void stored.push(s), dataDir: tmp.dir, log: (l) => lines.push(l) });
      await engine.start();
      engine.resumeAfterSleep();
      const masked = await engine.replaceSettings({ ...settings, horizonDays: 12 });
      expect(masked.horizonDays).toBe(12);
      expect(stored.at(-1)?.horizonDays).toBe(12);
      expect(stored.at(-1)?.instances[0].apiKey).toBe(sim.apiKey);
      const status = await engine.service.getStatus({});
      expect(status.instances[0].jobs[0].nextRunAt).toBeDefined();
      const invalid = { ...settings, horizonDays: 0 };
      await expect(engine.replaceSettings(invalid)).rejects.toMatchObject({ name: 'ServiceError', code: 'invalid-request', message: 'horizonDays: Too small: expected number to be >=1' });
      await engine.stop();
    } finally {
      await sim.close();
      await tmp.remove();
    }
  });
});
