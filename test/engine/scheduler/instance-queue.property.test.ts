/**
 * Random job mixes, schedules, active hours in a DST zone, run lengths, early stops, sleeps,
 * restarts from snapshots, pauses at every level and "run now": the queue never runs a paused job,
 * never runs two at once, never starts a scheduled run outside active hours, and never bursts —
 * two regular runs of a job are always at least one scheduled slot apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { FakeClock } from '../../../src/engine/scheduler/fake-clock';
import { InstanceQueue, type InstanceQueueSnapshot, type QueueJob, type RunReason } from '../../../src/engine/scheduler/instance-queue';
import { scheduledAfter } from '../../../src/engine/scheduler/next-run';
import { PauseRegistry, type PauseScope, type PauseSnapshot } from '../../../src/engine/scheduler/pause';
import { JOB_TYPES, type Schedule } from '../../../src/shared/settings';
import { prng } from './support';

const MIN = 60_000;
const H = 60 * MIN;
const TZ = 'Europe/Berlin';
const T0 = Date.parse('2026-03-27T10:00:00Z'); // two days before Berlin springs forward

const schedules: Schedule[] = [
  { every: '15m' }, { every: '1h' }, { every: '6h' }, { every: '24h' }, { every: '168h' },
  { cron: '0 3 * * *' }, { cron: '*/30 * * * *' }, { cron: '30 2 * * *' }, { cron: '0 */4 * * 1-5' },
];
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const scope = fc.oneof(
  fc.constant<PauseScope>({ level: 'all' }),
  fc.constant<PauseScope>({ level: 'instance', instanceId: 'i' }),
  fc.integer({ min: 0, max: 3 }).map((j): PauseScope => ({ level: 'job', instanceId: 'i', jobId: `j${j}` })),
);
const event = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 30 * H }) }),
  fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: MIN, max: 10 * 24 * H }) }),
  fc.record({ kind: fc.constant('restart' as const), ms: fc.integer({ min: 0, max: 5 * 24 * H }) }),
  fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const), scope }),
  fc.record({ kind: fc.constant('runNow' as const), job: fc.integer({ min: 0, max: 3 }) }),
);
const scenario = fc.record({
  seed: fc.integer(),
  jobs: fc.array(fc.record({ type: fc.constantFrom(...JOB_TYPES), schedule: fc.constantFrom(...schedules), enabled: fc.integer({ min: 0, max: 9 }).map((n) => n > 0) }), { minLength: 1, maxLength: 4 }),
  windows: fc.array(fc.record({ start: hhmm, end: hhmm }).filter((w) => w.start !== w.end), { maxLength: 2 }),
  events: fc.array(event, { maxLength: 25 }),
});

describe('instance queue property', () => {
  it('no paused run, no overlap, no scheduled run outside active hours, no burst — across sleeps and restarts', async () => {
    let totalRuns = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const random = prng(s.seed);
        const clock = new FakeClock(T0);
        const hours = new ActiveHours(s.windows, TZ);
        const jobs: QueueJob[] = s.jobs.map((j, i) => ({ id: `j${i}`, ...j }));
        const runs: { jobId: string; reason: RunReason; at: number }[] = [];
        const violations: string[] = [];
        let inFlight = 0;
        let pauses = new PauseRegistry();

        const make = (snapshot?: InstanceQueueSnapshot, pauseState?: PauseSnapshot) => {
          pauses = new PauseRegistry(pauseState);
          const queue = new InstanceQueue({
            instanceId: 'i', clock, jobs, priority: [...JOB_TYPES], hours, pauses, snapshot,
            run: async (job, ctx) => {
              if (++inFlight > 1) violations.push(`two runs at once at ${ctx.startedAt}`);
              if (pauses.isPaused('i', job.id)) violations.push(`${job.id} started while paused`);
              if (!job.enabled) violations.push(`${job.id} is disabled`);
              runs.push({ jobId: job.id, reason: ctx.reason, at: ctx.startedAt });
              await clock.sleep(Math.floor(random() * 3 * H), ctx.signal).catch(() => undefined);
              inFlight--;
              return random() < 0.3 ? { continueAt: clock.now() + Math.floor(random() * 5 * H), remaining: 3 } : undefined;
            },
          });
          queue.start();
          return queue;
        };

        let queue = make();
        for (const e of s.events) {
          if (e.kind === 'advance') await clock.advance(e.ms);
          else if (e.kind === 'sleep') {
            clock.jump(e.ms);
            queue.wake();
            await clock.advance(0);
          } else if (e.kind === 'restart') {
            await queue.dispose();
            const snapshot = JSON.parse(JSON.stringify(queue.snapshot()));
            const pauseState = JSON.parse(JSON.stringify(pauses.snapshot()));
            clock.jump(e.ms);
            queue = make(snapshot, pauseState);
            await clock.advance(0);
          } else if (e.kind === 'pause') pauses.pause(e.scope);
          else if (e.kind === 'resume') pauses.resume(e.scope);
          else if (e.kind === 'runNow' && e.job < jobs.length) queue.runNow(`j${e.job}`);
        }
        await clock.advance(2 * 24 * H);
        await queue.dispose();

        expect(violations).toEqual([]);
        totalRuns += runs.length;
        for (const r of runs) if (r.reason !== 'manual') expect(hours.isActive(r.at), `${r.jobId} ${r.reason} at ${new Date(r.at).toISOString()}`).toBe(true);
        for (const job of jobs) {
          const own = runs.filter((r) => r.jobId === job.id && r.reason !== 'continue');
          for (let k = 1; k < own.length; k++) {
            if (own[k].reason === 'manual') continue;
            const earliest = scheduledAfter(job.schedule, own[k - 1].at, TZ);
            expect(own[k].at, `${job.id} ${JSON.stringify(job.schedule)} ran at ${own[k - 1].at} and ${own[k].at}`).toBeGreaterThanOrEqual(earliest);
          }
        }
      }),
      { numRuns: 60 },
    );
    expect(totalRuns).toBeGreaterThan(60 * 5);
  });
});
