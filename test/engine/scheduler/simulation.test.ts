/**
 * The building blocks wired the way the daemon will wire them — queue → runner → permit → ledger,
 * auto items per run from the budget shares, continuations — over weeks of fake time. Checks that
 * budgets hold, that "auto" really spreads a budget over the day and uses it, and that the
 * forecast's ETA matches the simulated end of a cycle within 10 %.
 */
import { describe, expect, it } from 'vitest';
import {
  ActiveHours, allocateShares, BudgetLedger, DAY_MS, FakeClock, forecastCycle, HOUR_MS, InstancePermit, InstanceQueue,
  itemsPerRun, PauseRegistry, runsPerDay, type BudgetSnapshot, type InstanceQueueSnapshot, type QueueJob, type SpendRecord,
} from '../../../src/engine/scheduler';
import { JOB_TYPES } from '../../../src/shared/settings';
import { worstWindow } from './support';

const T0 = Date.parse('2026-03-20T10:00:00Z');
const TZ = 'Europe/Berlin';

interface SimJob extends QueueJob { instance: string; items: number; cost: number }
interface SimSetup {
  jobs: SimJob[];
  budgets: Record<string, { maxPerHour: number; maxPerDay: number }>;
  keyOf: Record<string, string>;
  windows?: { start: string; end: string }[];
  days: number;
  restartEveryDays?: number;
}

async function simulate(setup: SimSetup) {
  const clock = new FakeClock(T0);
  const hours = new ActiveHours(setup.windows ?? [], TZ);
  const remaining = new Map(setup.jobs.map((j) => [j.id, j.items]));
  const finishedAt = new Map<string, number>();
  const spends = new Map<string, SpendRecord[]>();
  const pauses = new PauseRegistry();
  // shares: the jobs on one key split its daily budget; the hourly cap likewise
  const share = new Map<string, { day: number; hour: number }>();
  for (const [key, limits] of Object.entries(setup.budgets)) {
    const onKey = setup.jobs.filter((j) => setup.keyOf[j.instance] === key);
    const day = allocateShares(limits.maxPerDay, onKey.map(() => undefined));
    onKey.forEach((j, i) => share.set(j.id, { day: day[i], hour: limits.maxPerHour / onKey.length }));
  }
  const perRun = new Map(setup.jobs.map((j) => [j.id, itemsPerRun({ setting: 'auto', dailyShare: share.get(j.id)!.day, avgCostPerItem: j.cost, runsPerDay: runsPerDay(j.schedule, hours, T0) })]));

  let ledgerState: BudgetSnapshot | undefined;
  const queueState = new Map<string, InstanceQueueSnapshot>();
  const lastGrant = new Map<string, number>();
  const instances = [...new Set(setup.jobs.map((j) => j.instance))];
  const end = T0 + setup.days * DAY_MS;
  while (clock.now() < end) {
    const ledger = new BudgetLedger(setup.budgets, ledgerState);
    const permits = new Map(instances.map((id) => [id, new InstancePermit({ clock, ledger, budgetKey: setup.keyOf[id], minGapMs: 5000, activeHours: hours, lastCommandAt: lastGrant.get(id) })]));
    const queues = instances.map((id) => new InstanceQueue({
      instanceId: id, clock, priority: [...JOB_TYPES], hours, pauses, snapshot: queueState.get(id),
      jobs: setup.jobs.filter((j) => j.instance === id),
      run: async (job, ctx) => {
        const sim = job as SimJob;
        const quota = ctx.quota ?? perRun.get(job.id)!;
        for (let done = 0; done < quota && remaining.get(job.id)! > 0; done++) {
          const grant = await permits.get(sim.instance)!.acquire(sim.cost, { signal: ctx.signal });
          if (!grant.ok) return grant.code === 'stopped' ? undefined : { continueAt: grant.retryAt, remaining: quota - done };
          await clock.sleep(20_000); // the command runs
          grant.commit();
          const key = setup.keyOf[sim.instance];
          spends.set(key, [...(spends.get(key) ?? []), { at: grant.at, cost: sim.cost }]);
          remaining.set(job.id, remaining.get(job.id)! - 1);
          if (remaining.get(job.id) === 0) finishedAt.set(job.id, clock.now());
        }
      },
    }));
    queues.forEach((q) => q.start());
    const until = Math.min(end, clock.now() + (setup.restartEveryDays ?? setup.days) * DAY_MS);
    await clock.runUntil(until);
    for (const q of queues) await q.dispose();
    queues.forEach((q) => queueState.set(q.instanceId, JSON.parse(JSON.stringify(q.snapshot()))));
    permits.forEach((p, id) => p.lastGrantAt !== undefined && lastGrant.set(id, p.lastGrantAt));
    ledgerState = JSON.parse(JSON.stringify(ledger.snapshot(clock.now())));
    clock.jump(setup.restartEveryDays ? 7 * 60_000 : 0); // the restart itself takes a few minutes
  }
  return { spends, finishedAt, share, hours, perRun };
}

const job = (id: string, instance: string, type: SimJob['type'], every: string, items: number, cost = 1): SimJob =>
  ({ id, instance, type, schedule: { every }, enabled: true, items, cost });

describe('scheduler simulation', () => {
  it('auto spreads a daily budget, uses it, and ends the cycle when the forecast says (±10 %)', async () => {
    const setup: SimSetup = {
      jobs: [job('up', 'radarr', 'upgrade', '24h', 1500)],
      budgets: { r: { maxPerHour: 10, maxPerDay: 100 } },
      keyOf: { radarr: 'r' },
      days: 20,
    };
    const { spends, finishedAt, hours } = await simulate(setup);
    const f = forecastCycle({
      jobLabel: 'upgrade', cycle: 1, remainingItems: 1500, avgCostPerItem: 1, dailyShare: 100, hourlyShare: 10, budgetPerDay: 100,
      budgetPerHour: 10, itemsPerRun: 'auto', schedule: { every: '24h' }, hours, now: T0, horizonDays: 90,
    });
    expect(worstWindow(spends.get('r')!, HOUR_MS)).toBeLessThanOrEqual(10);
    expect(worstWindow(spends.get('r')!, DAY_MS)).toBeLessThanOrEqual(100);
    const simulatedDays = (finishedAt.get('up')! - T0) / DAY_MS;
    expect(Math.abs(simulatedDays - f.days) / f.days).toBeLessThan(0.1);
  });

  it('active hours across the spring-forward night, a shared budget group, restarts every 2 days', async () => {
    const setup: SimSetup = {
      jobs: [
        job('miss', 'radarr', 'missing', '1h', 100_000),
        job('up', 'radarr', 'upgrade', '24h', 100_000),
        job('miss4k', 'radarr4k', 'missing', '6h', 100_000),
        job('new', 'sonarr', 'new-episodes', '1h', 100_000, 2),
      ],
      budgets: { prowlarr: { maxPerHour: 20, maxPerDay: 120 }, s: { maxPerHour: 6, maxPerDay: 30 } },
      keyOf: { radarr: 'prowlarr', radarr4k: 'prowlarr', sonarr: 's' },
      windows: [{ start: '22:00', end: '06:00' }],
      days: 14,
      restartEveryDays: 2,
    };
    const { spends, hours } = await simulate(setup);
    for (const [key, limits] of Object.entries(setup.budgets)) {
      const list = spends.get(key)!;
      expect(worstWindow(list, HOUR_MS)).toBeLessThanOrEqual(limits.maxPerHour);
      expect(worstWindow(list, DAY_MS)).toBeLessThanOrEqual(limits.maxPerDay);
      for (const s of list) expect(hours.isActive(s.at)).toBe(true);
      // the budget is used, not left idle: at least 85 % of the daily cap on every full day after the first
      for (let d = 1; d < setup.days - 1; d++) {
        const from = T0 + d * DAY_MS;
        const used = list.filter((s) => s.at >= from && s.at < from + DAY_MS).reduce((a, s) => a + s.cost, 0);
        expect(used, `${key} day ${d}`).toBeGreaterThanOrEqual(0.85 * limits.maxPerDay);
      }
    }
  });
});
