/**
 * Cron schedules: the one parser the settings schema, the job form and the scheduler all use, and
 * the check that a schedule keeps runs at least 15 minutes apart.
 *
 * Pure (croner is plain JS, no Node built-ins) so the renderer validates forms with it too.
 * Security finding 9.2: croner alone accepts a seconds field ("* * * * * *") and a year field, and
 * a per-second schedule made the daemon spin; here only five fields, minute precision, are read.
 */
import { Cron } from 'croner';

/** Runs of one job are never closer than this: a schedule's `every`, or consecutive cron slots. */
export const MIN_SCHEDULE_GAP_MINUTES = 15;
export const MIN_SCHEDULE_GAP_MS = MIN_SCHEDULE_GAP_MINUTES * 60_000;

const CRON_FIELDS = 'minute hour day-of-month month weekday';
const EXAMPLE = '"0 3 * * *"';
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/**
 * The gap check runs in UTC from 2001-01-01 over 28 years: in the Gregorian calendar (no skipped
 * leap year between 1901 and 2099) every date meets every weekday and every month length in that
 * span, so the day-of-month/month/weekday fields show every pair of consecutive days they ever match.
 */
const FROM = Date.UTC(2001, 0, 1);
const TO = Date.UTC(2029, 0, 1);

/**
 * Parses exactly five fields with croner. `timeZone` absent: UTC through a fixed offset, which is
 * what the validation uses (DST-free gaps, and ~40× faster than a named zone). Throws an Error
 * whose message says what is wrong, in words for the settings' users.
 */
export function parseCron(expression: string, timeZone?: string): Cron {
  const fields = fieldsOf(expression);
  if (fields.length !== 5) {
    // a nickname such as "@daily" is one field too: the settings promise five fields, nothing else
    throw new Error(`a cron expression has exactly five fields (${CRON_FIELDS}), e.g. ${EXAMPLE}; this one has ${fields.length}`);
  }
  try {
    // paused: only computes times, never fires (the scheduler's timers go through its Clock)
    return new Cron(fields.join(' '), { ...(timeZone ? { timezone: timeZone } : { utcOffset: 0 }), paused: true, mode: '5-part' });
  } catch (error) {
    throw new Error(`not a valid cron expression: ${(error as Error).message.replace(/^CronPattern: /, '')}`, { cause: error });
  }
}

function fieldsOf(expression: string): string[] {
  return expression.trim().split(/\s+/).filter(Boolean);
}

/** The first slot strictly after `t`, or Infinity when there is none. */
function slotAfter(cron: Cron, t: number): number {
  return cron.nextRun(new Date(t))?.getTime() ?? Infinity;
}

const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);

/**
 * What is wrong with a cron expression for a job's schedule, or undefined when it is fine: five
 * fields croner reads, at least one run, and consecutive runs at least 15 minutes apart (in UTC,
 * so a daylight-saving jump may still squeeze one pair a year: the scheduler holds the floor then).
 *
 * Bounded work whatever the text: at most 97 slots of one day, plus, only when a day's last and
 * first runs are close, the matching days of the 28-year span.
 */
export function cronProblem(expression: string): string | undefined {
  let full: Cron;
  let times: Cron;
  try {
    full = parseCron(expression);
    const [minute, hour] = fieldsOf(expression);
    // the minute and hour fields give the same times on every day the other fields match
    times = parseCron(`${minute} ${hour} * * *`);
  } catch (error) {
    return (error as Error).message;
  }
  if (!Number.isFinite(slotAfter(full, FROM - 1))) return 'never runs: no date matches this expression';

  const day: number[] = [];
  for (let t = slotAfter(times, FROM - 1); t < FROM + DAY; t = slotAfter(times, t)) {
    const previous = day[day.length - 1];
    if (previous !== undefined && t - previous < MIN_SCHEDULE_GAP_MS) return tooClose(t - previous, `${hhmm(previous)} and ${hhmm(t)}`);
    day.push(t);
  }
  const overnight = day[0] + DAY - day[day.length - 1];
  if (overnight >= MIN_SCHEDULE_GAP_MS) return undefined;

  // the last run of a day and the first of the next are close: a problem only if two consecutive days match
  const [, , dayOfMonth, month, weekday] = fieldsOf(expression);
  const days = parseCron(`0 0 ${dayOfMonth} ${month} ${weekday}`);
  for (let d = slotAfter(days, FROM - 1), next = slotAfter(days, d); next < TO; d = next, next = slotAfter(days, next)) {
    if (next - d === DAY) return tooClose(overnight, `${hhmm(day[day.length - 1])} and ${hhmm(day[0])} the next day`);
  }
  return undefined;
}

function tooClose(gap: number, where: string): string {
  return `runs must be at least ${MIN_SCHEDULE_GAP_MINUTES} minutes apart; this expression runs ${gap / MINUTE} minutes apart (${where})`;
}
