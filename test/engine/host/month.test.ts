/**
 * Issue 4's acceptance: the daemon (the real host, a fake clock) against a simulated Radarr over
 * a month. Every eligible movie is searched once, within 10 % of the forecast time; no rolling
 * hour or day ever costs more than the budget; a restart in the middle (a new host on the same
 * data directory) honours the persisted budget use and next-run times; after days off, an overdue
 * job runs once, not once per missed run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHost } from '../../../src/engine/host';
import { FakeClock } from '../../../src/engine/scheduler';
import type { JobStatus } from '../../../src/shared/status';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { DAY, driveUntil, HOUR, runsBetween, stopDriven, worstWindow } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

const T0 = Date.UTC(2026, 2, 2, 0, 0);
const BUDGET = { maxPerHour: 2, maxPerDay: 5 };

let sim: Simulator;
let clock: FakeClock;
let dir: { dir: string; remove: () => Promise<void> };
const figures: Record<string, number> = {};
const result = {
  truth: [] as number[],
  etaAt: 0,
  coveredAt: undefined as number | undefined,
  quick: { resumedAt: 0, nextBefore: '', nextAfter: '', before: { usedLastHour: 0, usedLastDay: 0 }, after: { usedLastHour: 0, usedLastDay: 0 } },
  long: { stoppedAt: 0, resumedAt: 0, nextAfter: '' },
};

const job = (host: EngineHost): JobStatus => host.status().instances[0].jobs[0];
const searchedIds = () => new Set(sim.searches.flatMap((s) => s.ids));
const spentBetween = (from: number, to: number) => sim.searches.filter((s) => s.at > from && s.at <= to).reduce((n, s) => n + s.cost, 0);

beforeAll(async () => {
  clock = new FakeClock(T0);
  sim = await startSimulator({ app: 'radarr', seed: 41, size: { movies: 300 }, now: () => clock.now(), grabChance: 0 });
  dir = await tempDir('trawlarr-month-');
  const settings = settingsOf([
    instanceOf(sim, 'radarr', { throughput: { ...BUDGET, minGapSeconds: 30, queueLimit: 20 }, jobs: [{ id: 'upgrade', type: 'upgrade', schedule: { every: '24h' } }] }),
  ]);
  result.truth = sim.groundTruth('upgrade', { id: 'upgrade' });
  const covered = () => {
    if (result.coveredAt === undefined && result.truth.every((id) => searchedIds().has(id))) result.coveredAt = clock.now();
    return false;
  };
  const reopen = async () => (await openHost(settings, dir.dir, { clock })).host;

  let host = await reopen();
  await host.start();
  // the forecast after the first day of runs (the cycle's size is known by then)
  await driveUntil(clock, host, T0 + DAY, covered);
  result.etaAt = Date.parse(job(host).etaAt!);

  // day 8: stop right after a search, start again a minute later on the same data directory
  await driveUntil(clock, host, T0 + 8 * DAY, covered);
  const spends = sim.searches.length;
  await driveUntil(clock, host, T0 + 9 * DAY, () => covered() || sim.searches.length > spends);
  await stopDriven(clock, host);
  result.quick.nextBefore = job(host).nextRunAt!;
  result.quick.before = host.status().instances[0].budget;
  clock.jump(60_000);
  host = await reopen();
  result.quick.resumedAt = clock.now();
  result.quick.nextAfter = job(host).nextRunAt!;
  result.quick.after = host.status().instances[0].budget;
  await host.start();

  // after the cycle: off for three days and four hours (three daily runs missed), then back
  await driveUntil(clock, host, T0 + 23 * DAY + 20 * HOUR, covered);
  await stopDriven(clock, host);
  result.long.stoppedAt = clock.now();
  clock.jump(3 * DAY + 4 * HOUR);
  host = await reopen();
  result.long.resumedAt = clock.now();
  result.long.nextAfter = job(host).nextRunAt!;
  await host.start();
  await driveUntil(clock, host, T0 + 30 * DAY, covered);
  await stopDriven(clock, host);

  Object.assign(figures, {
    eligible: result.truth.length,
    forecastDays: (result.etaAt - T0) / DAY,
    coveredDays: result.coveredAt === undefined ? NaN : (result.coveredAt - T0) / DAY,
    searches: sim.searches.length,
    queries: sim.searches.reduce((n, s) => n + s.cost, 0),
    worstHour: worstWindow(sim.searches, HOUR),
    worstDay: worstWindow(sim.searches, DAY),
  });
  console.log(`month simulation: ${JSON.stringify(figures)}`);
}, 600_000);

afterAll(async () => {
  await sim?.close();
  await dir?.remove();
});

describe('the daemon over a simulated month', () => {
  it('covers every eligible movie within 10 % of the forecast time', () => {
    expect(result.truth.length).toBeGreaterThan(50);
    expect(result.coveredAt).toBeDefined();
    const actual = result.coveredAt! - T0;
    const forecast = result.etaAt - T0;
    expect(Math.abs(actual - forecast) / forecast).toBeLessThan(0.1);
  });

  it('searches nothing outside the budget in any rolling hour or day, and nothing ineligible', () => {
    expect(figures.worstHour).toBeLessThanOrEqual(BUDGET.maxPerHour);
    expect(figures.worstDay).toBeLessThanOrEqual(BUDGET.maxPerDay);
    const firstCycle = sim.searches.filter((s) => s.at <= result.coveredAt!).flatMap((s) => s.ids);
    expect(firstCycle.every((id) => result.truth.includes(id))).toBe(true);
    // each once in the cycle
    expect(new Set(firstCycle).size).toBe(firstCycle.length);
    // and the budget is used: five a day on the days before coverage
    const fullDays = Math.floor((result.coveredAt! - T0) / DAY) - 1;
    for (let d = 1; d < fullDays; d++) {
      const used = sim.searches.filter((s) => s.at >= T0 + d * DAY && s.at < T0 + (d + 1) * DAY).reduce((n, s) => n + s.cost, 0);
      expect(used, `day ${d}`).toBe(BUDGET.maxPerDay);
    }
  });

  it('a restart keeps the budget use and the next run', () => {
    const { before, after, resumedAt, nextBefore, nextAfter } = result.quick;
    expect(before.usedLastHour).toBeGreaterThan(0);
    expect(after).toMatchObject({ usedLastHour: spentBetween(resumedAt - HOUR, resumedAt), usedLastDay: spentBetween(resumedAt - DAY, resumedAt) });
    expect(after.usedLastDay).toBe(before.usedLastDay);
    expect(nextAfter).toBe(nextBefore);
  });

  it('after days off, an overdue job runs once, not once per missed run', () => {
    const { stoppedAt, resumedAt, nextAfter } = result.long;
    expect(runsBetween(sim, stoppedAt, resumedAt)).toEqual([]);
    expect(Date.parse(nextAfter)).toBe(resumedAt);
    expect(runsBetween(sim, resumedAt, resumedAt + HOUR)).toEqual([resumedAt]);
    expect(spentBetween(resumedAt - 1, resumedAt + DAY)).toBeLessThanOrEqual(BUDGET.maxPerDay);
  });
});
