/**
 * Security finding 9.2, the scheduler side: whatever text a schedule holds, either the settings
 * schema refuses it or its runs are at least 15 minutes apart, and the scheduler itself holds that
 * floor too (the second layer), so settings that bypassed the schema, or a daylight-saving jump,
 * cannot make a job fire again at once or the daemon spin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { FakeClock, Scheduler, type JobRunContext } from '../../../src/engine/scheduler';
import { simulateRunStarts } from '../../../src/engine/scheduler/items-per-run';
import { nextRunAfterRun, nextRunAt, scheduledAfter } from '../../../src/engine/scheduler/next-run';
import { scheduleSchema, type JobSettings, type Schedule, type Settings } from '../../../src/shared/settings';
import { instance, settings } from './settings-fixture';

const MIN = 60_000;
const FLOOR = 15 * MIN;
const DAY = 24 * 60 * MIN;
const TZ = 'Europe/Berlin';

/** Cron-like text: five fields from pools of real values, a seconds or year field added, broken tokens, or anything. */
const pick = (values: string[], max: number) => fc.oneof(fc.constantFrom(...values), fc.integer({ min: 0, max }).map(String));
const fiveFields = fc
  .tuple(
    pick(['*', '0', '5', '30', '59', '*/5', '*/14', '*/15', '*/20', '*/30', '0,30', '0,50', '0,5', '10-40/15', '0,15,30,45'], 59),
    pick(['*', '0', '3', '23', '0,23', '*/4', '1-5', '9-17', '*/1'], 23),
    pick(['*', '?', '1', '15', 'L', '28,29', '1,31', '*/2'], 31),
    pick(['*', '1', '2', '1,12', '2,3', '*/3'], 12),
    pick(['*', '?', '1', '1-5', '1,3,5', '0,6', '5#5', '5L', 'MON'], 7),
  )
  .map((fields) => fields.join(' '));
const broken = fc.constantFrom('*', 'L', 'W', '60', '-1', '*/0', '1#9', '', 'x');
const scheduleText = fc.oneof(
  { weight: 6, arbitrary: fiveFields },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('*', '0', '*/10', '30'), fiveFields).map(([extra, rest]) => `${extra} ${rest}`) },
  { weight: 1, arbitrary: fc.tuple(fiveFields, fc.constantFrom('*', '2027')).map(([rest, year]) => `0 ${rest} ${year}`) },
  { weight: 1, arbitrary: fc.array(broken, { minLength: 1, maxLength: 8 }).map((fields) => fields.join(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

function compiles(schedule: Schedule): boolean {
  try {
    scheduledAfter(schedule, 0, TZ);
    return true;
  } catch {
    return false;
  }
}

describe('security finding 9.2: no schedule text makes runs closer than 15 minutes or the scheduler spin', () => {
  it('property: the schema refuses it, or its slots are ≥ 15 min apart; any schedule the scheduler takes runs ≥ 15 min apart in bounded steps', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scheduleText, fc.integer({ min: 0, max: 4 * 365 * 24 * 60 }), (text, minutes) => {
        const from = Date.UTC(2026, 0, 1) + minutes * MIN;
        const schedule: Schedule = { cron: text };
        if (scheduleSchema.safeParse(schedule).success) {
          accepted++;
          // accepted: a day of slots (in UTC: no daylight-saving jump) keeps the floor
          let t = scheduledAfter(schedule, from, 'UTC');
          for (let i = 0; i < 100 && t < from + DAY; i++) {
            const next = scheduledAfter(schedule, t, 'UTC');
            expect(next - t, `"${text}" at ${new Date(t).toISOString()}`).toBeGreaterThanOrEqual(FLOOR);
            t = next;
          }
        }
        // the second layer, for whatever the scheduler takes, accepted by the schema or not
        if (!compiles(schedule)) return;
        let start = nextRunAt({ schedule, now: from, timeZone: TZ });
        for (let i = 0; i < 8 && Number.isFinite(start); i++) {
          const next = nextRunAfterRun(schedule, start, start, TZ);
          expect(next - start, `"${text}" after a run at ${new Date(start).toISOString()}`).toBeGreaterThanOrEqual(FLOOR);
          start = next;
        }
        // a day of run starts (what sizing a run and the forecast measure) is at most one per 15 minutes
        expect(simulateRunStarts(schedule, new ActiveHours([], TZ), from, from + DAY).length).toBeLessThanOrEqual(DAY / FLOOR + 1);
      }),
      { numRuns: 100 },
    );
    // the property did look at accepted schedules, not only at refused ones
    expect(accepted).toBeGreaterThan(10);
  });
});

/** Settings made through the schema, then given a schedule the schema would refuse (a bypass). */
function bypassed(schedules: Record<string, Schedule>): Settings {
  const valid = settings({ instances: [instance('radarr', { jobs: Object.keys(schedules).map((id) => ({ id, type: 'missing' as const, tag: `t-${id}` })) })] });
  for (const job of valid.instances[0].jobs) job.schedule = schedules[job.id];
  return valid;
}

describe('security finding 9.2: the scheduler holds the 15-minute floor when the schema is bypassed', () => {
  it('a per-minute cron and a one-minute interval run at most every 15 minutes, sizing and forecasting every run', async () => {
    const start = Date.UTC(2026, 0, 5, 12);
    const clock = new FakeClock(start);
    const runs: Record<string, number[]> = { cron: [], every: [] };
    const scheduler: Scheduler = new Scheduler({
      settings: bypassed({ cron: { cron: '* * * * *' }, every: { every: '1m' } }),
      clock,
      timeZone: TZ,
      run: async (job: JobSettings, ctx: JobRunContext) => {
        const previous = runs[job.id].at(-1);
        runs[job.id].push(ctx.startedAt);
        expect(ctx.limit).toBeGreaterThan(0);
        // what the status publishes after every change; skipped once the floor is broken, which
        // fails the test anyway (measuring a per-minute schedule each run would only slow it down)
        if (previous === undefined || ctx.startedAt - previous >= FLOOR) scheduler.forecast('radarr', job.id, { cycle: 1, remainingItems: 100, avgCostPerItem: 1 });
        await clock.sleep(MIN, ctx.signal).catch(() => undefined);
      },
    });
    scheduler.start();
    await clock.advance(3 * 60 * MIN);
    await scheduler.stop();
    for (const [id, starts] of Object.entries(runs)) {
      expect(starts.length, id).toBeGreaterThanOrEqual(10);
      expect(starts.length, id).toBeLessThanOrEqual(3 * 4 + 1);
      for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1], `${id} run ${i}`).toBeGreaterThanOrEqual(FLOOR);
    }
  });

  it('refuses a seconds field outright, naming the expression, instead of firing every second', () => {
    const make = () => new Scheduler({ settings: bypassed({ spin: { cron: '* * * * * *' } }), clock: new FakeClock(Date.UTC(2026, 0, 5)), timeZone: TZ, run: async () => undefined });
    expect(make).toThrow(/invalid cron expression "\* \* \* \* \* \*": a cron expression has exactly five fields/);
  });

  it('a daylight-saving jump that squeezes two slots together still leaves 15 minutes between runs', () => {
    // 01:50 CET and 03:00 CEST on the night Berlin springs forward are 10 minutes apart
    const schedule: Schedule = { cron: '0,50 1,3 * * *' };
    expect(scheduleSchema.safeParse(schedule).success).toBe(true);
    const run = Date.parse('2026-03-29T00:50:00Z'); // 01:50 CET
    expect(scheduledAfter(schedule, run, TZ)).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(nextRunAfterRun(schedule, run, run + MIN, TZ)).toBe(Date.parse('2026-03-29T01:50:00Z')); // 03:50 CEST
  });
});
