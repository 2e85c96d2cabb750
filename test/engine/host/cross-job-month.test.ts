/**
 * Issue 11: one search per item across the jobs of an instance. The README's Radarr (missing,
 * cutoff-unmet and an upgrade that includes items at the cutoff) run by the daemon on a fake clock
 * for a month against a simulated Radarr: no item is searched by two jobs within the instance's
 * 7-day cross-job window, and every item any of the jobs is there for is still searched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/engine/scheduler';
import { HistoryStore, historyDir } from '../../../src/engine/store';
import type { HistoryEntry } from '../../../src/shared/status';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { DAY, driveUntil, stopDriven, worstWindow } from './simulation';
import { instanceOf, openHost, settingsOf, tempDir } from './support';

const T0 = Date.UTC(2026, 3, 6, 0, 0);
const WINDOW_DAYS = 7;
const BUDGET = { maxPerHour: 12, maxPerDay: 12 };

let sim: Simulator;
let dir: { dir: string; remove: () => Promise<void> };
const result = { union: [] as number[], searches: [] as HistoryEntry[], coveredAt: undefined as number | undefined, byJob: {} as Record<string, number> };

beforeAll(async () => {
  const clock = new FakeClock(T0);
  sim = await startSimulator({ app: 'radarr', seed: 77, size: { movies: 120 }, now: () => clock.now(), grabChance: 0 });
  dir = await tempDir('trawlarr-cross-job-');
  const jobs = [
    { id: 'missing', type: 'missing' as const, schedule: { every: '24h' } },
    { id: 'cutoff-unmet', type: 'cutoff-unmet' as const, schedule: { every: '24h' } },
    { id: 'upgrade', type: 'upgrade' as const, schedule: { every: '24h' }, includeAtCutoff: true },
  ];
  result.union = [...new Set(jobs.flatMap((j) => sim.groundTruth(j.type, j)))];
  const settings = settingsOf([instanceOf(sim, 'radarr', { throughput: { ...BUDGET, minGapSeconds: 30, queueLimit: 20 }, jobs })]);
  const { host } = await openHost(settings, dir.dir, { clock });
  await host.start();
  const searched = () => new Set(sim.searches.flatMap((s) => s.ids));
  await driveUntil(clock, host, T0 + 30 * DAY, () => {
    if (result.coveredAt === undefined && result.union.every((id) => searched().has(id))) result.coveredAt = clock.now();
    return false;
  });
  await stopDriven(clock, host);

  const history = await HistoryStore.open({ dir: historyDir(dir.dir), readOnly: true });
  for (let before: number | undefined; ; ) {
    const page = await history.query({ status: ['searched', 'grabbed'], limit: 1000, ...(before !== undefined ? { before } : {}) });
    result.searches.push(...page.entries);
    if (page.entries.length < 1000) break;
    before = page.entries[page.entries.length - 1].id;
  }
  await history.close();
  for (const e of result.searches) result.byJob[e.jobId] = (result.byJob[e.jobId] ?? 0) + e.items.length;
  console.log(`cross-job month: ${JSON.stringify({ union: result.union.length, coveredDays: result.coveredAt === undefined ? null : (result.coveredAt - T0) / DAY, byJob: result.byJob, worstDay: worstWindow(sim.searches, DAY) })}`);
}, 600_000);

afterAll(async () => {
  await sim?.close();
  await dir?.remove();
});

describe('one search per item across jobs, over a simulated month', () => {
  it('no item is searched by two jobs within the window', () => {
    const byItem = new Map<number, { jobId: string; at: number }[]>();
    for (const e of result.searches) for (const item of e.items) byItem.set(item.id, [...(byItem.get(item.id) ?? []), { jobId: e.jobId, at: Date.parse(e.at) }]);
    const clashes: string[] = [];
    for (const [id, list] of byItem) {
      list.sort((a, b) => a.at - b.at);
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length && list[j].at - list[i].at < WINDOW_DAYS * DAY; j++) {
          if (list[j].jobId !== list[i].jobId) clashes.push(`${id}: ${list[i].jobId} then ${list[j].jobId} after ${((list[j].at - list[i].at) / DAY).toFixed(1)} d`);
        }
      }
    }
    expect(clashes).toEqual([]);
    // the overlap is real: both jobs that share the items searched some of them
    expect(result.byJob['cutoff-unmet']).toBeGreaterThan(0);
    expect(result.byJob.upgrade).toBeGreaterThan(0);
  });

  it('every item one of the jobs is there for is still searched, within the budget', () => {
    expect(result.union.length).toBeGreaterThan(50);
    expect(result.coveredAt).toBeDefined();
    expect(worstWindow(sim.searches, DAY)).toBeLessThanOrEqual(BUDGET.maxPerDay);
  });
});
