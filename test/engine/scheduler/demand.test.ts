/**
 * The scheduler asks for demands whenever it computes shares: an idle job (demand 0) leaves its
 * share to the others, except while it runs or its own run is being sized; a run made outside the
 * queue (`trawlarr once`) moves the job's schedule on as a queued run does.
 */
import { describe, expect, it } from 'vitest';
import { DAY_MS, FakeClock, HOUR_MS, Scheduler } from '../../../src/engine/scheduler';
import { instance, settings } from './settings-fixture';

const T0 = Date.UTC(2026, 0, 5, 12);

function build(demand: (instanceId: string, jobId: string, running: boolean) => number | undefined) {
  const clock = new FakeClock(T0);
  const sized: number[] = [];
  const scheduler = new Scheduler({
    settings: settings({
      instances: [instance('radarr', { throughput: { maxPerHour: 10, maxPerDay: 100 }, jobs: [{ id: 'missing', type: 'missing', schedule: { every: '24h' } }, { id: 'upgrade', type: 'upgrade', schedule: { every: '24h' } }] })],
    }),
    clock,
    timeZone: 'UTC',
    demand,
    run: async (_job, ctx) => void sized.push(ctx.limit),
  });
  return { clock, scheduler, sized };
}

describe('Scheduler demands', () => {
  it('gives an idle job\'s share to the others, but sizes its own run from a fair share', async () => {
    const asked: boolean[] = [];
    const { scheduler, clock, sized } = build((_i, jobId, running) => {
      if (jobId === 'missing') asked.push(running);
      return jobId === 'missing' && !running ? 0 : undefined;
    });
    expect(scheduler.share('radarr', 'upgrade').perDay).toBe(100);
    expect(scheduler.itemsPerRun('radarr', 'upgrade')).toBe(100);
    expect(scheduler.share('radarr', 'missing').perDay).toBe(0);
    // its own run is sized as if it were not idle: it runs, so it may have found work
    expect(scheduler.itemsPerRun('radarr', 'missing')).toBe(50);
    expect(asked).toContain(true);
    scheduler.start();
    await clock.advance(HOUR_MS);
    await scheduler.stop();
    expect(sized).toEqual([50, 100]); // missing first (priority), then upgrade with the freed share
  });

  it('a small demand is met and the rest goes to the others; setDemand overrides the callback', () => {
    const { scheduler } = build((_i, jobId) => (jobId === 'missing' ? 12 : undefined));
    expect(scheduler.share('radarr', 'missing').perDay).toBe(12);
    expect(scheduler.share('radarr', 'upgrade').perDay).toBe(88);
    scheduler.setDemand('radarr', 'missing', 30);
    expect(scheduler.share('radarr', 'upgrade').perDay).toBe(70);
  });

  it('records a run made outside the queue: the next run counts from it', async () => {
    const { scheduler, clock, sized } = build(() => undefined);
    const next = () => scheduler.instance('radarr').queue.status().find((s) => s.jobId === 'missing')!;
    expect(next().startsAt).toBe(T0);
    scheduler.recordRun('radarr', 'missing', T0);
    expect(next()).toMatchObject({ lastRunAt: T0, nextRunAt: T0 + DAY_MS, startsAt: T0 + DAY_MS });
    // with a continuation (stopped by the budget): it goes on then, with the rest of its items
    scheduler.recordRun('radarr', 'upgrade', T0, { continueAt: T0 + HOUR_MS, remaining: 3 });
    scheduler.start();
    await clock.advance(2 * HOUR_MS);
    await scheduler.stop();
    expect(sized).toEqual([3]);
  });
});
