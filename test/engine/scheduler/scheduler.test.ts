import { describe, expect, it } from 'vitest';
import { FakeClock, HOUR_MS, Scheduler, type JobRunContext, type OutageEvent, type PermitGate } from '../../../src/engine/scheduler';
import type { JobSettings } from '../../../src/shared/settings';
import { instance, settings } from './settings-fixture';

const T0 = Date.UTC(2026, 0, 5, 12);

const grouped = () =>
  settings({
    budgetGroups: [{ id: 'prowlarr', name: 'Prowlarr', maxPerHour: 12, maxPerDay: 120 }],
    instances: [
      instance('radarr', { budgetGroup: 'prowlarr', jobs: [{ id: 'missing', type: 'missing' }, { id: 'upgrade', type: 'upgrade', itemsPerRun: 7 }] }),
      instance('radarr4k', { budgetGroup: 'prowlarr', jobs: [{ id: 'missing', type: 'missing', schedule: { every: '6h' } }, { id: 'off', type: 'rename', enabled: false }] }),
      instance('sonarr', { kind: 'sonarr', throughput: { maxPerHour: 5, maxPerDay: 40 }, jobs: [{ id: 'new', type: 'new-episodes' }] }),
      instance('old', { enabled: false, jobs: [{ id: 'missing', type: 'missing' }] }),
    ],
  });

function build(over: Partial<ConstructorParameters<typeof Scheduler>[0]> = {}) {
  const clock = new FakeClock(T0);
  const runs: { instance: string; job: string; limit: number; max: number; quota?: number }[] = [];
  const scheduler = new Scheduler({
    settings: grouped(),
    clock,
    timeZone: 'UTC',
    run: async (job: JobSettings, ctx: JobRunContext) => {
      runs.push({ instance: ctx.instance.id, job: job.id, limit: ctx.limit, max: ctx.maxCostPerCommand, quota: ctx.quota });
    },
    ...over,
  });
  return { clock, scheduler, runs };
}

describe('Scheduler', () => {
  it('shares a group budget among the enabled jobs of all its instances, max-min fair', () => {
    const { scheduler } = build();
    expect(scheduler.share('radarr', 'missing')).toEqual({ perDay: 40, perHour: 4 });
    expect(scheduler.share('radarr4k', 'missing')).toEqual({ perDay: 40, perHour: 4 });
    expect(scheduler.share('radarr4k', 'off')).toEqual({ perDay: 0, perHour: 0 });
    expect(scheduler.share('sonarr', 'new')).toEqual({ perDay: 40, perHour: 5 });
    scheduler.setDemand('radarr4k', 'missing', 10);
    expect(scheduler.share('radarr', 'missing').perDay).toBe(55);
  });

  it('hands each run its item limit, the largest affordable command and the permit of its instance', async () => {
    const { scheduler, clock, runs } = build();
    scheduler.start();
    await clock.advance(HOUR_MS);
    await scheduler.stop();
    expect(runs).toEqual(
      expect.arrayContaining([
        { instance: 'radarr', job: 'missing', limit: 40, max: 12, quota: undefined }, // auto: 40/day over one run
        { instance: 'radarr', job: 'upgrade', limit: 7, max: 12, quota: undefined },
        { instance: 'radarr4k', job: 'missing', limit: 10, max: 12, quota: undefined }, // 40/day over 4 runs
        { instance: 'sonarr', job: 'new', limit: 2, max: 5, quota: undefined }, // 40/day over 24 runs, rounded up
      ]),
    );
    expect(runs.some((r) => r.instance === 'old' || r.job === 'off')).toBe(false);
  });

  it('budget status names the group and its limits; usage is shared', async () => {
    const { scheduler, clock } = build();
    const grant = await scheduler.instance('radarr4k').permit.acquire(3);
    if (!grant.ok) throw new Error(grant.reason);
    grant.commit();
    expect(scheduler.budgetStatus('radarr')).toEqual({ key: 'prowlarr', usedLastHour: 3, usedLastDay: 3, maxPerHour: 12, maxPerDay: 120 });
    expect(scheduler.budgetStatus('sonarr')).toMatchObject({ key: 'sonarr', usedLastHour: 0, maxPerDay: 40 });
    expect(clock.now()).toBe(T0);
  });

  it('state() is plain JSON and a scheduler built from it keeps budget use, runs, pauses, pacing and outages', async () => {
    const events: string[] = [];
    const first = build({ onOutage: (id, e: OutageEvent) => events.push(`${id} ${e.type}`) });
    first.scheduler.start();
    await first.clock.advance(HOUR_MS);
    const grant = await first.scheduler.instance('radarr').permit.acquire(5);
    if (!grant.ok) throw new Error(grant.reason);
    grant.commit();
    first.scheduler.pauses.pause({ level: 'job', instanceId: 'sonarr', jobId: 'new' });
    first.scheduler.instance('radarr4k').tracker.recordFailure('down', 'connect ECONNREFUSED');
    await first.scheduler.stop();
    const state = JSON.parse(JSON.stringify(first.scheduler.state()));

    const second = build({ state, onOutage: (id, e: OutageEvent) => events.push(`${id} ${e.type}`) });
    second.clock.jump(HOUR_MS);
    expect(second.scheduler.budgetStatus('radarr').usedLastDay).toBe(5);
    expect(second.scheduler.pauses.isPaused('sonarr', 'new')).toBe(true);
    expect(second.scheduler.instance('radarr4k').tracker.isDown).toBe(true);
    expect(second.scheduler.instance('radarr').permit.lastGrantAt).toBe(T0 + HOUR_MS);
    const next = second.scheduler.instance('radarr').queue.status().find((j) => j.jobId === 'missing')!;
    expect(next.lastRunAt).toBe(T0);
    expect(next.nextRunAt).toBe(T0 + 24 * HOUR_MS);
    second.scheduler.instance('radarr4k').tracker.recordSuccess();
    expect(events).toEqual(['radarr4k down', 'radarr4k recovered']);
  });

  it('the reachability gate comes first: a down instance refuses without calling the others', async () => {
    let calls = 0;
    const counting: PermitGate = { name: 'queue', check: async () => (calls++, { ok: true }) };
    const { scheduler } = build({ gates: () => [counting] });
    scheduler.instance('radarr').tracker.recordFailure('key-rejected', '401 Unauthorized');
    expect(await scheduler.instance('radarr').permit.acquire(1)).toMatchObject({ ok: false, state: 'key-rejected' });
    expect(calls).toBe(0);
    expect(scheduler.budgetStatus('radarr').usedLastDay).toBe(0);
  });

  it('run now and lookups name unknown or disabled instances', () => {
    const { scheduler } = build();
    expect(scheduler.runNow('old', 'missing')).toEqual({ ok: false, reason: 'no enabled instance "old"' });
    expect(scheduler.runNow('radarr', 'missing')).toEqual({ ok: true });
    expect(() => scheduler.instance('nope')).toThrow(/no enabled instance "nope"/);
    expect(() => scheduler.itemsPerRun('radarr', 'nope')).toThrow(/no job "nope" on instance "radarr"/);
  });

  it('forecasts a job with its share of the group budget (a suggestion keeps the other jobs\' 80)', () => {
    const { scheduler } = build();
    const f = scheduler.forecast('radarr', 'missing', { cycle: 3, remainingItems: 8000, avgCostPerItem: 1 });
    expect(f).toMatchObject({ queriesPerDay: 40, limitedBy: 'daily budget', days: 200 });
    expect(f.warning).toBe('Cycle 3 of Missing needs 200 days at 40 queries/day; 169 queries/day would finish it in 90 days');
  });
});
