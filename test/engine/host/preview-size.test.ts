/**
 * Issue 11: a dry run (and the job page's Preview) says how many items a run started now would
 * search, and a real run from the same state searches exactly that many. For every job type on
 * both apps, against the simulator on a fake clock, in three states: the hourly budget holds the
 * run back, the item limit does, and the budget frees during the run (spends of almost an hour ago
 * age out within the permit's 2-minute wait, paced by a 60 s minimum gap).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportsApp } from '../../../src/engine/jobs/registry';
import { FakeClock } from '../../../src/engine/scheduler';
import { JOB_TYPES, type JobType } from '../../../src/shared/settings';
import type { RunPreviewSize } from '../../../src/shared/run-preview';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { driven, HOUR, stopDriven } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

type Scenario = 'budget' | 'items-per-run' | 'min-gap';
const SCENARIOS: Record<Scenario, { throughput: Record<string, number>; itemsPerRun: number | 'auto' }> = {
  budget: { throughput: { maxPerHour: 3, maxPerDay: 100, minGapSeconds: 2, queueLimit: 1000 }, itemsPerRun: 'auto' },
  'items-per-run': { throughput: { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 1000 }, itemsPerRun: 2 },
  'min-gap': { throughput: { maxPerHour: 3, maxPerDay: 100, minGapSeconds: 60, queueLimit: 1000 }, itemsPerRun: 3 },
};

interface Seen {
  app: string;
  type: JobType;
  scenario: Scenario;
  dry: number;
  size?: RunPreviewSize;
  preview: number;
  previewSize?: RunPreviewSize;
  live: number;
}
const seen: Seen[] = [];
const sims: Simulator[] = [];
const dirs: { remove: () => Promise<void> }[] = [];

async function measure(app: 'radarr' | 'sonarr', scenario: Scenario, seed: number): Promise<void> {
  const clock = new FakeClock(Date.UTC(2026, 6, 1, 9, 0));
  const sim = await startSimulator({ app, seed, size: 'tiny', now: () => clock.now(), grabChance: 0 });
  sims.push(sim);
  const dir = await tempDir('trawlarr-preview-size-');
  dirs.push(dir);
  const types = JOB_TYPES.filter((t) => supportsApp(t, app));
  const { throughput, itemsPerRun } = SCENARIOS[scenario];
  const settings = settingsOf([instanceOf(sim, app, { throughput, jobs: types.map((type) => ({ id: type, type, itemsPerRun })) })]);
  const { host } = await openHost(settings, dir.dir, { clock });
  for (const type of types) {
    const ref = { instanceId: app, jobId: type };
    if (scenario === 'min-gap') {
      // spend the hour's budget, then come back when those spends are about to age out
      await driven(clock, host, host.runOnce([ref]));
      clock.jump(58 * 60_000);
    }
    const [dry] = await driven(clock, host, host.runOnce([ref], { dryRun: true }));
    const preview = await host.service.previewJob(ref);
    const [live] = await driven(clock, host, host.runOnce([ref]));
    const items = dry.report.commands.reduce((n, c) => n + c.items.length, 0);
    seen.push({ app, type, scenario, dry: items, size: dry.size, preview: preview.chosen.length, previewSize: preview.size, live: live.report.searched });
    clock.jump(2 * HOUR); // the next job type starts from a budget of its own
  }
  await stopDriven(clock, host);
}

beforeAll(async () => {
  let seed = 300;
  for (const app of ['radarr', 'sonarr'] as const) for (const scenario of Object.keys(SCENARIOS) as Scenario[]) await measure(app, scenario, seed++);
  console.log(`preview vs run: ${JSON.stringify(seen.map((s) => [s.app, s.type, s.scenario, s.dry, s.live, s.size?.limit.kind]))}`);
}, 300_000);

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
  await Promise.all(dirs.map((d) => d.remove()));
});

describe('a dry run sizes the run as the run will', () => {
  it('covers every job type of both apps in every state', () => {
    for (const app of ['radarr', 'sonarr']) {
      const types = JOB_TYPES.filter((t) => supportsApp(t, app as 'radarr' | 'sonarr'));
      for (const scenario of Object.keys(SCENARIOS)) expect(seen.filter((s) => s.app === app && s.scenario === scenario).map((s) => s.type)).toEqual(types);
    }
  });

  it('searches, live, exactly the count the dry run and the Preview announced', () => {
    for (const s of seen) {
      const label = `${s.app} ${s.type} (${s.scenario})`;
      expect(s.live, label).toBe(s.dry);
      expect(s.preview, label).toBe(s.dry);
      expect(s.size?.now, label).toBe(s.dry);
      expect(s.previewSize, label).toEqual(s.size);
    }
  });

  it('names the limit: the hourly budget, the item limit', () => {
    const radarrMissing = (scenario: Scenario) => seen.find((s) => s.app === 'radarr' && s.type === 'missing' && s.scenario === scenario)!;
    expect(radarrMissing('budget').size).toMatchObject({ now: 3, limit: { kind: 'hourly-budget', value: 3 } });
    expect(radarrMissing('items-per-run').size).toMatchObject({ now: 2, limit: { kind: 'items-per-run', value: 2, auto: false } });
    expect(radarrMissing('budget').size!.rest).toBeGreaterThan(0);
  });

  it('counts the budget that frees within the permit’s wait, paced by the minimum gap', () => {
    // the hour's 3 queries were spent 58 minutes ago, a minute apart: they age out during the run
    const gap = seen.find((s) => s.app === 'radarr' && s.type === 'missing' && s.scenario === 'min-gap')!;
    expect(gap.dry).toBeGreaterThan(0);
    expect(gap.live).toBe(gap.dry);
  });

  it('finds something to search for most job types (the equality is not 0 = 0)', () => {
    const nonzero = seen.filter((s) => s.dry > 0).map((s) => `${s.app}/${s.type}`);
    expect(new Set(nonzero).size).toBeGreaterThanOrEqual(6);
  });
});
