/**
 * Idle jobs give their budget share up (issue 4, "Throughput settings"): two jobs of one Radarr
 * share its budget with "auto" items per run. While the attended missing job has work it holds
 * half; once its cycle is done (unattended off: it will not restart) the upgrade job's next run
 * takes the whole daily budget, every rolling hour and day stays within the budget, and a restart
 * derives the same split from the persisted cycle documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import { FakeClock } from '../../../src/engine/scheduler';
import type { JobStatus } from '../../../src/shared/status';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { DAY, driveUntil, stopDriven, worstWindow, HOUR } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

const T0 = Date.UTC(2026, 4, 4, 0, 0);
const BUDGET = { maxPerHour: 20, maxPerDay: 20 };
const DAYS = 7;

let sim: Simulator;
let dir: { dir: string; remove: () => Promise<void> };
let missingIds: Set<number>;
/** per day: movies searched by each job; after the day's runs: the missing job's last result, the upgrade job's items per run */
const days: { missing: number; upgrade: number; missingResult?: string; upgradePerRun: number }[] = [];
const afterRestart = { itemsPerRun: 0, missingItemsPerRun: 0, queriesPerDay: 0 };

const jobOf = (host: EngineHost, id: string): JobStatus => host.status().instances[0].jobs.find((j) => j.jobId === id)!;

beforeAll(async () => {
  const clock = new FakeClock(T0);
  sim = await startSimulator({ app: 'radarr', seed: 43, size: { movies: 160 }, now: () => clock.now(), grabChance: 0 });
  dir = await tempDir('trawlarr-demand-');
  const settings = settingsOf([
    instanceOf(sim, 'radarr', {
      throughput: { ...BUDGET, minGapSeconds: 30, queueLimit: 1000 },
      jobs: [
        { id: 'missing', type: 'missing', schedule: { every: '24h' }, unattended: false },
        { id: 'upgrade', type: 'upgrade', schedule: { every: '24h' } },
      ],
    }),
  ]);
  missingIds = new Set(sim.groundTruth('missing', { id: 'missing', unattended: false }));
  const reopen = async () => (await openHost(settings, dir.dir, { clock })).host;
  const record = async (host: EngineHost, day: number) => {
    const searched = sim.searches.filter((s) => s.at >= T0 + day * DAY && s.at < T0 + (day + 1) * DAY).flatMap((s) => s.ids);
    const missing = searched.filter((id) => missingIds.has(id)).length;
    const upgradePerRun = (await host.ready()).itemsPerRun('radarr', 'upgrade');
    days.push({ missing, upgrade: searched.length - missing, missingResult: jobOf(host, 'missing').lastRun?.result, upgradePerRun });
  };

  let host = await reopen();
  await host.start();
  for (let day = 0; day < DAYS - 1; day++) {
    await driveUntil(clock, host, T0 + (day + 1) * DAY - HOUR);
    await record(host, day);
  }
  // a restart before the last day: the split comes from the persisted cycle documents
  await stopDriven(clock, host);
  host = await reopen();
  const scheduler = await host.ready();
  afterRestart.itemsPerRun = scheduler.itemsPerRun('radarr', 'upgrade');
  afterRestart.missingItemsPerRun = scheduler.itemsPerRun('radarr', 'missing');
  afterRestart.queriesPerDay = scheduler.forecast('radarr', 'upgrade', { cycle: 1, remainingItems: 1000, avgCostPerItem: 1 }).queriesPerDay;
  await host.start();
  await driveUntil(clock, host, T0 + DAYS * DAY - HOUR);
  await record(host, DAYS - 1);
  await stopDriven(clock, host);
  console.log(`demand simulation: missing ${missingIds.size}; ${JSON.stringify(days)}`);
}, 600_000);

afterAll(async () => {
  await sim?.close();
  await dir?.remove();
});

describe('an idle job gives its budget share up', () => {
  it('holds half while both jobs have work; the whole budget goes to the other once the attended cycle is done', () => {
    expect(missingIds.size).toBeGreaterThan(25);
    // both hold half of the 20 a day while the missing job has more than a half left
    expect(days[0]).toMatchObject({ missing: 10, upgrade: 10, upgradePerRun: 10 });
    expect(days[1]).toMatchObject({ missing: 10, upgrade: 10, upgradePerRun: 10 });
    // every missing movie searched once, then the cycle reports complete and stays so
    const searchedMissing = sim.searches.flatMap((s) => s.ids).filter((id) => missingIds.has(id));
    expect(new Set(searchedMissing)).toEqual(missingIds);
    expect(searchedMissing.length).toBe(missingIds.size);
    const lastSearchDay = days.findLastIndex((d) => d.missing > 0);
    const completeDay = days.findIndex((d) => d.missingResult === 'cycle-complete');
    expect(completeDay).toBe(lastSearchDay + 1);
    expect(completeDay).toBeLessThan(DAYS - 2);
    // the upgrade job's next run after the missing job ran out of work takes the whole daily budget…
    for (let d = lastSearchDay; d < DAYS; d++) expect(days[d].upgradePerRun, `day ${d}`).toBe(BUDGET.maxPerDay);
    // …and spends it, nearly all every day (where a command waits for the rolling day, a movie or
    // so spills into the next calendar day), against the half it had before
    for (let d = completeDay; d < DAYS; d++) {
      expect(days[d].missing, `day ${d}`).toBe(0);
      expect(days[d].upgrade, `day ${d}`).toBeGreaterThanOrEqual(0.9 * BUDGET.maxPerDay);
    }
  });

  it('never spends more than the budget in any rolling hour or day', () => {
    expect(worstWindow(sim.searches, HOUR)).toBeLessThanOrEqual(BUDGET.maxPerHour);
    expect(worstWindow(sim.searches, DAY)).toBeLessThanOrEqual(BUDGET.maxPerDay);
  });

  it('a restart derives the split from the persisted state', () => {
    expect(afterRestart.itemsPerRun).toBe(BUDGET.maxPerDay);
    expect(afterRestart.queriesPerDay).toBe(BUDGET.maxPerDay);
    // the idle job itself, when it runs again (its tags removed by hand), is sized from a fair share
    expect(afterRestart.missingItemsPerRun).toBe(BUDGET.maxPerDay / 2);
  });
});
