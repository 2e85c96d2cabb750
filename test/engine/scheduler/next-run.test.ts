import { describe, expect, it } from 'vitest';
import {
  compileSchedule,
  nextRunAfterRun,
  nextRunAt,
  resolveTimeZone,
  scheduledAfter,
  typicalGapMs,
} from '../../../src/engine/scheduler/next-run';

const H = 3_600_000;
const T0 = Date.UTC(2026, 0, 5, 12);

describe('interval schedules', () => {
  const daily = { every: '24h' };

  it('a job that never ran runs now', () => {
    expect(nextRunAt({ schedule: daily, now: T0 })).toBe(T0);
  });

  it('honours a persisted next run in the future', () => {
    expect(nextRunAt({ schedule: daily, now: T0, lastRunAt: T0 - 2 * H, persistedNextRunAt: T0 + 22 * H })).toBe(T0 + 22 * H);
    expect(nextRunAt({ schedule: daily, now: T0, persistedNextRunAt: T0 + 5 * H })).toBe(T0 + 5 * H);
  });

  it('an overdue job runs once, now, however many runs were missed', () => {
    const lastRunAt = T0 - 30 * 24 * H; // 30 missed days
    const due = nextRunAt({ schedule: daily, now: T0, lastRunAt, persistedNextRunAt: lastRunAt + 24 * H });
    expect(due).toBe(T0);
    // and the run after the catch-up run continues from the catch-up run, not from the old grid
    expect(nextRunAfterRun(daily, due, due + 10 * 60_000)).toBe(T0 + 24 * H);
  });

  it('a shortened interval takes effect from the last run', () => {
    const lastRunAt = T0 - 2 * H;
    expect(nextRunAt({ schedule: { every: '1h' }, now: T0, lastRunAt, persistedNextRunAt: lastRunAt + 168 * H })).toBe(T0);
    expect(nextRunAt({ schedule: { every: '6h' }, now: T0, lastRunAt, persistedNextRunAt: lastRunAt + 168 * H })).toBe(T0 + 4 * H);
  });

  it('a run longer than the interval is followed by one run right away, not by a backlog', () => {
    expect(nextRunAfterRun({ every: '1h' }, T0, T0 + 5 * H)).toBe(T0 + 5 * H);
  });
});

describe('cron schedules', () => {
  const at3 = { cron: '0 3 * * *' };

  it('a job that never ran waits for its first slot, in the given zone', () => {
    expect(nextRunAt({ schedule: at3, now: T0, timeZone: 'UTC' })).toBe(Date.UTC(2026, 0, 6, 3));
    expect(nextRunAt({ schedule: at3, now: T0, timeZone: 'Europe/Berlin' })).toBe(Date.UTC(2026, 0, 6, 2));
    expect(nextRunAt({ schedule: at3, now: T0, timeZone: 'America/New_York' })).toBe(Date.UTC(2026, 0, 6, 8));
  });

  it('the next slot is strictly after the reference', () => {
    const slot = Date.UTC(2026, 0, 6, 3);
    expect(scheduledAfter(at3, slot, 'UTC')).toBe(slot + 24 * H);
    expect(scheduledAfter(at3, slot - 1, 'UTC')).toBe(slot);
  });

  it('after a week asleep: one run now, then the next slot after it', () => {
    const lastRunAt = Date.UTC(2025, 11, 29, 3);
    const due = nextRunAt({ schedule: at3, now: T0, lastRunAt, persistedNextRunAt: Date.UTC(2025, 11, 30, 3), timeZone: 'UTC' });
    expect(due).toBe(T0);
    expect(nextRunAfterRun(at3, due, due + H, 'UTC')).toBe(Date.UTC(2026, 0, 6, 3));
  });

  it('a slot in the spring-forward gap runs once that day, after the jump', () => {
    const at0230 = { cron: '30 2 * * *' };
    const before = Date.UTC(2026, 2, 28, 12); // Saturday; Berlin springs forward on Sunday 29 March
    const first = scheduledAfter(at0230, before, 'Europe/Berlin');
    expect(first).toBe(Date.UTC(2026, 2, 29, 1, 30)); // 03:30 CEST
    expect(scheduledAfter(at0230, first, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 30, 0, 30)); // 02:30 CEST
  });

  it('the typical gap of a cron schedule is measured', () => {
    expect(typicalGapMs({ cron: '0 */6 * * *' }, T0, 'UTC')).toBe(6 * H);
    expect(typicalGapMs({ every: '168h' }, T0)).toBe(168 * H);
  });
});

describe('bad input', () => {
  it('names a bad cron expression', () => {
    expect(() => compileSchedule({ cron: 'every day at 3' })).toThrow(/invalid cron expression "every day at 3"/);
  });

  it('names a cron expression that never fires', () => {
    expect(() => compileSchedule({ cron: '0 3 30 2 *' }, 'UTC')).toThrow(/cron expression "0 3 30 2 \*" never fires/);
  });

  it('names an unknown time zone', () => {
    expect(() => resolveTimeZone('Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(() => compileSchedule({ cron: '0 3 * * *' }, 'Mars/Olympus')).toThrow(/Mars\/Olympus/);
  });

  it('names a bad interval', () => {
    expect(() => compileSchedule({ every: 'daily' })).toThrow(/daily/);
  });
});
