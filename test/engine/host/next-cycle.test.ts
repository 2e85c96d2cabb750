/**
 * Issue 10 defect 6: "Start the next cycle" for an attended job (unattended off). Once its cycle is
 * complete it searches nothing more; asked, the engine removes the job's tags as an unattended
 * reset does, the cycle number moves on and the job searches again. Fake clock, simulated Radarr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import { FakeClock } from '../../../src/engine/scheduler';
import type { JobStatus } from '../../../src/shared/status';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { caller, type Caller } from './caller';
import { driveUntil, stopDriven } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

const T0 = Date.UTC(2026, 4, 4, 12, 0);
const MIN = 60_000;
let sim: Simulator;
let host: EngineHost;
let clock: FakeClock;
let api: Caller;
let dir: { dir: string; remove: () => Promise<void> };

const job = (jobId: string): JobStatus => host.status().instances[0].jobs.find((j) => j.jobId === jobId)!;
const searches = () => sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/command').length;
const tagged = () => [...sim.library.movies.values()].filter((m) => m.tags.length > 0).length;

beforeAll(async () => {
  clock = new FakeClock(T0);
  sim = await startSimulator({ app: 'radarr', seed: 21, size: 'tiny', now: () => clock.now(), grabChance: 0 });
  dir = await tempDir('trawlarr-next-cycle-');
  const settings = settingsOf([
    instanceOf(sim, 'radarr', {
      throughput: { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 1000 },
      jobs: [
        { id: 'missing', type: 'missing', unattended: false, itemsPerRun: 100, schedule: { every: '24h' } },
        { id: 'cutoff-unmet', type: 'cutoff-unmet', itemsPerRun: 1, schedule: { every: '24h' } },
      ],
    }),
  ]);
  host = (await openHost(settings, dir.dir, { clock, random: () => 0.5 })).host;
  api = caller(host.service);
  await host.start();
  await driveUntil(clock, host, T0 + 30 * MIN);
}, 60_000);

afterAll(async () => {
  if (host) await stopDriven(clock, host);
  await sim?.close();
  await dir?.remove();
});

describe('Start the next cycle', () => {
  it('is refused while the cycle is not complete, and for an unattended job', async () => {
    expect(job('missing').nextCycleReady).toBeUndefined();
    expect(await api.ok('startNextCycle', { instanceId: 'radarr', jobId: 'missing' })).toMatchObject({ started: false, message: expect.stringMatching(/not complete yet/) });
    expect(await api.ok('startNextCycle', { instanceId: 'radarr', jobId: 'cutoff-unmet' })).toMatchObject({ started: false, message: expect.stringMatching(/on its own/) });
  });

  it('an attended job stops at the end of its cycle; asked, it starts the next and searches again', async () => {
    const first = job('missing');
    expect(first.cycle).toBe(1);
    expect(first.done).toBeGreaterThan(0);
    // the next run finds every candidate searched: attended, it stops there
    await api.ok('runJobNow', { instanceId: 'radarr', jobId: 'missing' });
    await driveUntil(clock, host, clock.now() + 10 * MIN);
    const complete = job('missing');
    expect(complete.lastRun?.result).toBe('cycle-complete');
    expect(complete.nextCycleReady).toBe(true);
    expect(complete.cycle).toBe(1);
    const before = searches();
    const taggedBefore = tagged();
    expect(taggedBefore).toBeGreaterThan(0);

    const r = await api.ok('startNextCycle', { instanceId: 'radarr', jobId: 'missing' });
    expect(r).toMatchObject({ started: true, message: 'Missing on Radarr radarr: cycle 2 starts now' });
    await driveUntil(clock, host, clock.now() + 10 * MIN);
    const next = job('missing');
    expect(next.cycle).toBe(2);
    expect(next.nextCycleReady).toBeUndefined();
    expect(searches()).toBeGreaterThan(before);
    // the cycle-2 searches tagged again what they searched; nothing kept a cycle-1 tag it was not searched for
    expect(next.done).toBeGreaterThan(0);
  });
});
