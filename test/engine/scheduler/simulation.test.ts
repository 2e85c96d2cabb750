/**
 * The Scheduler (the blocks wired as the daemon uses them: queue → run → permit → ledger, auto
 * items per run from the budget shares, continuations, restarts from state()) over weeks of fake
 * time, with a stand-in for the job runner that spends one permit per item. Checks that budgets
 * hold, that "auto" spreads a budget over the day and uses it, and that the forecast's ETA matches
 * the simulated end of a cycle within 10 %.
 */
import { describe, expect, it } from 'vitest';
import { DAY_MS, FakeClock, HOUR_MS, Scheduler, type JobRunContext, type SchedulerState, type SpendRecord } from '../../../src/engine/scheduler';
import type { JobSettings, Settings } from '../../../src/shared/settings';
import { instance, settings } from './settings-fixture';
import { worstWindow } from './support';

const T0 = Date.parse('2026-03-20T10:00:00Z');
const TZ = 'Europe/Berlin';

async function simulate(s: Settings, o: { items: Record<string, number>; cost?: Record<string, number>; days: number; restartEveryDays?: number }) {
  const clock = new FakeClock(T0);
  const remaining = new Map(Object.entries(o.items));
  const finishedAt = new Map<string, number>();
  const spends = new Map<string, SpendRecord[]>();
  const run = async (job: JobSettings, ctx: JobRunContext) => {
    const key = ctx.instance.budgetGroup ?? ctx.instance.id;
    const id = `${ctx.instance.id}/${job.id}`;
    const cost = o.cost?.[id] ?? 1;
    for (let done = 0; done < ctx.limit && (remaining.get(id) ?? 0) > 0; done++) {
      const grant = await ctx.permit.acquire(cost, { signal: ctx.signal });
      if (!grant.ok) return grant.code === 'stopped' ? undefined : { continueAt: grant.retryAt, remaining: ctx.limit - done };
      await clock.sleep(20_000); // the command runs
      grant.commit();
      spends.set(key, [...(spends.get(key) ?? []), { at: grant.at, cost }]);
      remaining.set(id, remaining.get(id)! - 1);
      if (remaining.get(id) === 0) finishedAt.set(id, clock.now());
    }
  };
  let state: SchedulerState | undefined;
  let first: Scheduler | undefined;
  const end = T0 + o.days * DAY_MS;
  while (clock.now() < end) {
    const scheduler = new Scheduler({ settings: s, clock, run, state, timeZone: TZ });
    first ??= scheduler;
    scheduler.start();
    await clock.runUntil(Math.min(end, clock.now() + (o.restartEveryDays ?? o.days) * DAY_MS));
    await scheduler.stop();
    state = JSON.parse(JSON.stringify(scheduler.state()));
    if (o.restartEveryDays) clock.jump(7 * 60_000); // the restart itself takes a few minutes
  }
  return { spends, finishedAt, first: first! };
}

describe('scheduler simulation', () => {
  it('auto spreads a daily budget, uses it, and ends the cycle when the forecast says (±10 %)', async () => {
    const s = settings({
      instances: [instance('radarr', { throughput: { maxPerHour: 10, maxPerDay: 100 }, jobs: [{ id: 'upgrade', type: 'upgrade', schedule: { every: '24h' } }] })],
    });
    const { spends, finishedAt, first } = await simulate(s, { items: { 'radarr/upgrade': 1500 }, days: 20 });
    const f = first.forecast('radarr', 'upgrade', { cycle: 1, remainingItems: 1500, avgCostPerItem: 1 });
    expect(f.limitedBy).toBe('daily budget');
    expect(worstWindow(spends.get('radarr')!, HOUR_MS)).toBeLessThanOrEqual(10);
    expect(worstWindow(spends.get('radarr')!, DAY_MS)).toBeLessThanOrEqual(100);
    const simulatedDays = (finishedAt.get('radarr/upgrade')! - T0) / DAY_MS;
    expect(Math.abs(simulatedDays - f.days) / f.days).toBeLessThan(0.1);
  });

  it('active hours across the spring-forward night, a shared budget group, restarts every 2 days', async () => {
    const night = [{ start: '22:00', end: '06:00' }];
    const s = settings({
      budgetGroups: [{ id: 'prowlarr', name: 'Prowlarr', maxPerHour: 20, maxPerDay: 120 }],
      instances: [
        instance('radarr', { budgetGroup: 'prowlarr', throughput: { activeHours: night }, jobs: [{ id: 'missing', type: 'missing', schedule: { every: '1h' } }, { id: 'upgrade', type: 'upgrade', schedule: { every: '24h' } }] }),
        instance('radarr4k', { budgetGroup: 'prowlarr', throughput: { activeHours: night }, jobs: [{ id: 'missing', type: 'missing', schedule: { every: '6h' } }] }),
        instance('sonarr', { kind: 'sonarr', throughput: { maxPerHour: 6, maxPerDay: 30, activeHours: night }, jobs: [{ id: 'new', type: 'new-episodes' }] }),
      ],
    });
    const items = { 'radarr/missing': 1e5, 'radarr/upgrade': 1e5, 'radarr4k/missing': 1e5, 'sonarr/new': 1e5 };
    const { spends, first } = await simulate(s, { items, cost: { 'sonarr/new': 2 }, days: 14, restartEveryDays: 2 });
    const hours = first.instance('radarr').hours;
    for (const [key, limits] of [['prowlarr', { perHour: 20, perDay: 120 }], ['sonarr', { perHour: 6, perDay: 30 }]] as const) {
      const list = spends.get(key)!;
      expect(worstWindow(list, HOUR_MS)).toBeLessThanOrEqual(limits.perHour);
      expect(worstWindow(list, DAY_MS)).toBeLessThanOrEqual(limits.perDay);
      for (const sp of list) expect(hours.isActive(sp.at)).toBe(true);
      // the budget is used, not left idle: at least 85 % of the daily cap on every full day after the first
      for (let d = 1; d < 13; d++) {
        const from = T0 + d * DAY_MS;
        const used = list.filter((x) => x.at >= from && x.at < from + DAY_MS).reduce((a, x) => a + x.cost, 0);
        expect(used, `${key} day ${d}`).toBeGreaterThanOrEqual(0.85 * limits.perDay);
      }
    }
  });
});
