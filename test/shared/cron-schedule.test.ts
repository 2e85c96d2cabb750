/**
 * Security finding 9.2, the settings side: a job's cron schedule has exactly five fields, read by
 * the scheduler's own parser, and runs at least 15 minutes apart; a bad one is reported at its
 * place in the settings (instance and job by id) when the config is loaded.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile } from '../../src/engine/config';
import { settingsSchema } from '../../src/shared/settings';

const radarr = { id: 'radarr', name: 'Radarr', kind: 'radarr', url: 'http://localhost:7878', apiKey: 'env:RADARR_API_KEY' };
const withCron = (cron: string) => ({ version: 1, instances: [{ ...radarr, jobs: [{ id: 'upgrade', type: 'upgrade', schedule: { cron } }] }] });

/** [path, message] of every issue the schema reports for this cron expression. */
function issues(cron: string): [string, string][] {
  const r = settingsSchema.safeParse(withCron(cron));
  return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
}

const AT = 'instances.0.jobs.0.schedule.cron';

describe('security finding 9.2: a cron schedule has exactly five fields', () => {
  it.each([
    ['* * * * * *', 6],
    ['*/10 * * * * *', 6],
    ['0 0 3 * * * *', 7],
    ['aaaaaaaaa', 1],
    ['@daily', 1],
    ['0 3 * *', 4],
    ['', 0],
  ])('refuses "%s" (%i fields), saying what a cron expression is', (cron, n) => {
    expect(issues(cron)).toEqual([[AT, `a cron expression has exactly five fields (minute hour day-of-month month weekday), e.g. "0 3 * * *"; this one has ${n}`]]);
  });

  it('refuses five fields the parser cannot read, or that never match a date, with the reason', () => {
    expect(issues('0 3 * * 8')).toEqual([[AT, 'not a valid cron expression: Invalid value for dayOfWeek: 8']]);
    expect(issues('a b c d e')).toHaveLength(1);
    expect(issues('0 3 30 2 *')).toEqual([[AT, 'never runs: no date matches this expression']]);
  });

  it('accepts ordinary five-field schedules, the README’s among them', () => {
    for (const cron of ['0 3 * * *', '0 3 * * 1', '30 2 * * *', '0 */4 * * 1-5', '0 0 L * *', '0 0 * * 5#5', '  0  3 * * *  ']) expect(issues(cron), cron).toEqual([]);
  });
});

describe('security finding 9.2: cron runs are at least 15 minutes apart', () => {
  it.each([
    ['* * * * *', 1, '00:00 and 00:01'],
    ['*/5 * * * *', 5, '00:00 and 00:05'],
    ['0,5 * * * *', 5, '00:00 and 00:05'],
    ['*/14 * * * *', 14, '00:00 and 00:14'],
    ['0,10 3 * * 1', 10, '03:00 and 03:10'],
    // the last run of a day and the first of the next, on days that follow each other
    ['0,50 0,23 * * *', 10, '23:50 and 00:00 the next day'],
    ['0,50 0,23 1,31 1,12 *', 10, '23:50 and 00:00 the next day'], // 31 December, then 1 January
    ['0,50 0,23 28,29 2 *', 10, '23:50 and 00:00 the next day'], // 28 and 29 February in a leap year
    ['0,50 0,23 L * 1', 10, '23:50 and 00:00 the next day'], // a month ending on a Sunday
  ])('refuses "%s": %i minutes apart', (cron, minutes, where) => {
    expect(issues(cron)).toEqual([[AT, `runs must be at least 15 minutes apart; this expression runs ${minutes} minutes apart (${where})`]]);
  });

  it('accepts runs exactly 15 minutes apart, and close times on days that never follow each other', () => {
    for (const cron of ['*/15 * * * *', '0,15,30,45 * * * *', '0 3 * * *', '5,55 0,23 * * 1', '0,50 0,23 * * 1,3,5', '0,50 0,23 29 2 *']) {
      expect(issues(cron), cron).toEqual([]);
    }
  });
});

describe('security finding 9.2: a bad cron schedule is a config error naming the instance and job', () => {
  it('loadConfigFile throws a ConfigError (the CLI exits 2) with the field by instance and job id', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'trawlarr-cron-'));
    try {
      for (const [cron, why] of [['* * * * * *', 'exactly five fields'], ['aaaaaaaaa', 'exactly five fields'], ['*/10 * * * *', 'at least 15 minutes apart']]) {
        const path = join(dir, 'trawlarr.json');
        await writeFile(path, JSON.stringify(withCron(cron)));
        const error = await loadConfigFile(path).then(() => undefined, (e: unknown) => e);
        expect(error, cron).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).issues).toEqual([{ path: 'instances["radarr"].jobs["upgrade"].schedule.cron', message: expect.stringContaining(why) as string }]);
        expect((error as Error).message).toContain(`instances["radarr"].jobs["upgrade"].schedule.cron: `);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
