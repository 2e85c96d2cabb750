/**
 * `trawlarr once` records its live runs in the job's schedule (persisted), so a following
 * `trawlarr run` continues from the once-run instead of running the job again at once; a dry run
 * leaves the schedule as it was. The real host on a fake clock against a simulated Radarr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import { FakeClock } from '../../../src/engine/scheduler';
import type { JobStatus } from '../../../src/shared/status';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { DAY, driveUntil, driven, HOUR, runsBetween, stopDriven } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir, writes } from './support';

const T0 = Date.UTC(2026, 5, 1, 9, 0);
const T1 = T0 + HOUR;
const MISSING = { instanceId: 'radarr', jobId: 'missing' };

let sim: Simulator;
let clock: FakeClock;
let dir: { dir: string; remove: () => Promise<void> };
const seen = {
  dry: { result: '', nextRunAt: '', writes: -1 },
  live: { result: '', searched: 0, nextRunAt: '' },
  reopened: { nextRunAt: '' },
  searchesBeforeDue: -1,
  searchesAfterDue: -1,
  runsAfterStart: [] as number[],
};

const job = (host: EngineHost): JobStatus => host.status().instances[0].jobs[0];

beforeAll(async () => {
  clock = new FakeClock(T0);
  sim = await startSimulator({ app: 'radarr', seed: 17, size: 'small', now: () => clock.now(), grabChance: 0 });
  dir = await tempDir('trawlarr-once-schedule-');
  const throughput = { maxPerHour: 60, maxPerDay: 1000, minGapSeconds: 2, queueLimit: 1000 };
  const settings = settingsOf([instanceOf(sim, 'radarr', { throughput, jobs: [{ id: 'missing', type: 'missing', schedule: { every: '24h' }, itemsPerRun: 2 }] })]);

  let host = (await openHost(settings, dir.dir, { clock })).host;
  const [dry] = await driven(clock, host, host.runOnce([MISSING], { dryRun: true }));
  seen.dry = { result: dry.report.result, nextRunAt: job(host).nextRunAt!, writes: writes(sim).length };

  clock.jump(HOUR);
  const [live] = await driven(clock, host, host.runOnce([MISSING]));
  seen.live = { result: live.report.result, searched: live.report.searched, nextRunAt: job(host).nextRunAt! };
  await stopDriven(clock, host);

  // `trawlarr run` afterwards: a new host on the same data directory
  host = (await openHost(settings, dir.dir, { clock })).host;
  seen.reopened.nextRunAt = job(host).nextRunAt!;
  await host.start();
  await driveUntil(clock, host, T1 + DAY - 1);
  seen.searchesBeforeDue = sim.searches.length;
  await driveUntil(clock, host, T1 + DAY + HOUR);
  seen.runsAfterStart = runsBetween(sim, T1 + 1, T1 + DAY + HOUR);
  seen.searchesAfterDue = sim.searches.length;
  await stopDriven(clock, host);
}, 120_000);

afterAll(async () => {
  await sim?.close();
  await dir?.remove();
});

describe('trawlarr once and the schedule', () => {
  it('a dry run leaves the schedule as it was: the job is still due now', () => {
    expect(seen.dry.result).toBe('searched'); // it would search
    expect(seen.dry.writes).toBe(0);
    expect(Date.parse(seen.dry.nextRunAt)).toBe(T0);
  });

  it('a live run is recorded: the next run counts from it, also after a restart', () => {
    expect(seen.live).toMatchObject({ result: 'searched', searched: 2 });
    expect(Date.parse(seen.live.nextRunAt)).toBe(T1 + DAY);
    expect(seen.reopened.nextRunAt).toBe(seen.live.nextRunAt);
  });

  it('`run` afterwards does not run the job again at once, but a day after the once-run', () => {
    expect(seen.searchesBeforeDue).toBe(1); // the once-run's one command (two movies)
    expect(seen.runsAfterStart).toEqual([T1 + DAY]);
    expect(seen.searchesAfterDue).toBe(2);
  });
});
