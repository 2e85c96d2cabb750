/**
 * A settings change while a run is searching: the scheduler is rebuilt after the current command
 * (recorded, not abandoned), the new scheduler starts from the old one's state (budget spent, next
 * runs) with the new limits, and the interrupted run goes on with the rest of its items.
 */
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../src/simulator';
import { caller } from './caller';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

async function until(what: string, check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a settings change in the middle of a run', () => {
  it('rebuilds after the current command, keeps the state, and the run goes on', async () => {
    const sim = await startSimulator({ app: 'radarr', seed: 91, size: 'small', grabChance: 0 });
    const tmp = await tempDir();
    const throughput = { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 1000 };
    const { host, saved } = await openHost(settingsOf([instanceOf(sim, 'radarr', { throughput, jobs: [{ id: 'missing', type: 'missing', itemsPerRun: 15 }] })]), tmp.dir);
    const api = caller(host.service);
    try {
      await host.start();
      const posts = () => sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/command').length;
      await until('the first command', () => posts() === 1);
      await api.ok('saveThroughput', { scope: 'instance', instanceId: 'radarr', throughput: { ...throughput, maxPerHour: 50 } });
      expect(saved.at(-1)?.instances[0].throughput.maxPerHour).toBe(50);
      await host.whenIdle();
      const status = host.status().instances[0];
      expect(status.budget).toMatchObject({ maxPerHour: 50 });
      expect(status.budget.usedLastHour).toBeGreaterThanOrEqual(5); // the old scheduler's spends
      await until('the rest of the run', () => sim.searches.flatMap((s) => s.ids).length === 15);
      await host.whenIdle();
      const ids = sim.searches.flatMap((s) => s.ids);
      expect(new Set(ids).size).toBe(15);
      const history = await api.ok('queryHistory', { status: ['searched', 'grabbed'] });
      expect(history.entries.map((e) => e.commandId).sort()).toEqual(sim.searches.map((s) => s.commandId).sort());
      expect(host.status().instances[0].jobs[0]).toMatchObject({ done: 15 });
      expect(host.status().instances[0].budget.usedLastHour).toBe(15);
    } finally {
      await host.stop();
      await sim.close();
      await tmp.remove();
    }
  });
});
