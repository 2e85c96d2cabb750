/**
 * When a job runs next. Pure: everything comes in as arguments.
 *
 * Catch-up rule: a job that is overdue (the machine slept, the app was paused or not running) runs
 * once, now, and never once per missed slot. After that run, an interval job continues from the
 * run's own start, and a cron job from its next slot after that start. Either way the next run is at
 * least 15 minutes after the last one started (MIN_SCHEDULE_GAP_MS).
 */
import { MIN_SCHEDULE_GAP_MS, parseCron } from '../../shared/cron';
import { durationToMs, type Schedule } from '../../shared/settings';

export interface ScheduleError extends Error {
  name: 'ScheduleError';
}

function scheduleError(message: string): ScheduleError {
  const error = new Error(message) as ScheduleError;
  error.name = 'ScheduleError';
  return error;
}

const knownZones = new Set<string>();

/** Throws a clear error for an unknown IANA zone; returns the zone to use (the system's by default). */
export function resolveTimeZone(timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (knownZones.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw scheduleError(`unknown time zone "${zone}"`);
  }
  knownZones.add(zone);
  return zone;
}

export interface CompiledSchedule {
  /** The first slot strictly after `t` (an interval's "slot" is `t` + the interval). */
  slotAfter(t: number): number;
  /**
   * The next run after a run that started at `start`: the first slot at least 15 minutes after it.
   * The settings schema already refuses closer schedules; this floor is the second layer (security
   * finding 9.2), so settings that bypassed it, or a daylight-saving jump that squeezes two cron
   * slots together, can never make the queue fire again at once or spin.
   */
  runAfter(start: number): number;
}

/** Parses once, answers many times. Throws a ScheduleError naming the bad expression. */
export function compileSchedule(schedule: Schedule, timeZone?: string): CompiledSchedule {
  if ('every' in schedule) {
    const every = durationToMs(schedule.every);
    if (!(every > 0)) throw scheduleError(`interval must be positive: "${schedule.every}"`);
    const floored = Math.max(every, MIN_SCHEDULE_GAP_MS);
    return { slotAfter: (t) => t + every, runAfter: (start) => start + floored };
  }
  const tz = resolveTimeZone(timeZone);
  let cron: ReturnType<typeof parseCron>;
  try {
    // the settings' own parser: exactly five fields, minute precision (no seconds field)
    cron = parseCron(schedule.cron, tz);
  } catch (error) {
    throw scheduleError(`invalid cron expression "${schedule.cron}": ${(error as Error).message}`);
  }
  if (!cron.nextRun(new Date(0))) throw scheduleError(`cron expression "${schedule.cron}" never fires`);
  // strictly after `t`; Infinity once the expression has no further slot. A slot not in the
  // future would be a croner bug: the floor below still keeps the queue from looping on it.
  const slotAfter = (t: number) => cron.nextRun(new Date(t))?.getTime() ?? Infinity;
  return {
    slotAfter,
    runAfter: (start) => Math.max(slotAfter(start + MIN_SCHEDULE_GAP_MS - 1), start + MIN_SCHEDULE_GAP_MS),
  };
}

/** The first scheduled slot strictly after `t`. */
export function scheduledAfter(schedule: Schedule, t: number, timeZone?: string): number {
  return compileSchedule(schedule, timeZone).slotAfter(t);
}

/** The nominal gap between runs, for display and forecasts: exact for intervals, measured for cron. */
export function typicalGapMs(schedule: Schedule, from: number, timeZone?: string): number {
  if ('every' in schedule) return Math.max(durationToMs(schedule.every), MIN_SCHEDULE_GAP_MS);
  const { slotAfter, runAfter } = compileSchedule(schedule, timeZone);
  let t = slotAfter(from);
  const first = t;
  const count = 50;
  for (let i = 0; i < count; i++) t = runAfter(t);
  return (t - first) / count;
}

export interface NextRunInput {
  schedule: Schedule;
  now: number;
  /** start of the job's last run, if it ever ran */
  lastRunAt?: number;
  /** the next-run time persisted before a restart */
  persistedNextRunAt?: number;
  timeZone?: string;
}

/**
 * The next run for a job being (re)loaded: at startup, after a resume from sleep, after a settings
 * change. Never earlier than `now`; an overdue job gets exactly `now` (one catch-up run).
 *
 * A persisted time is honoured, but never later than the schedule allows from the last run, so a
 * shortened interval takes effect without waiting out the old one.
 */
export function nextRunAt(input: NextRunInput): number {
  const { schedule, now, lastRunAt, persistedNextRunAt, timeZone } = input;
  const compiled = compileSchedule(schedule, timeZone);
  let due: number;
  if (lastRunAt !== undefined && persistedNextRunAt !== undefined) {
    due = Math.min(persistedNextRunAt, compiled.runAfter(lastRunAt));
  } else if (lastRunAt !== undefined) {
    due = compiled.runAfter(lastRunAt);
  } else if (persistedNextRunAt !== undefined) {
    due = persistedNextRunAt;
  } else {
    // never ran: an interval job starts right away, a cron job waits for its first slot
    due = 'every' in schedule ? now : compiled.slotAfter(now);
  }
  return Math.max(due, now);
}

/** The next run once a run that started at `runStartedAt` is over. Always later than that start. */
export function nextRunAfterRun(schedule: Schedule, runStartedAt: number, now: number, timeZone?: string): number {
  return Math.max(compileSchedule(schedule, timeZone).runAfter(runStartedAt), now);
}
