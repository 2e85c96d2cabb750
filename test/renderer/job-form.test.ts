import { describe, expect, it } from 'vitest';
import { ContractError } from '../../src/shared/contract/errors';
import { jobSchema } from '../../src/shared/settings';
import { serverFieldErrors } from '../../src/renderer/lib/errors';
import { fromJob, jobTypesFor, newJob, toJob, validateJob, formField } from '../../src/renderer/pages/jobs/jobForm';

const base = () => newJob('missing', []);

describe('job form model', () => {
  it('round-trips a configured job through the form unchanged', () => {
    const job = jobSchema.parse({
      id: 'missing-4k',
      type: 'missing',
      schedule: { cron: '0 3 * * *' },
      itemsPerRun: 25,
      tag: 'my-tag',
      unattended: false,
      minCycleDays: 7,
      filters: { qualityProfileIds: [4], includeTags: ['kids'], excludeTags: ['4k'], statuses: ['released'], addedAfter: '2020-01-01' },
      order: 'random',
      granularity: 'season',
      graceHours: 6,
    });
    expect(jobSchema.parse(toJob(fromJob(job)))).toEqual(job);
  });

  it('leaves schedule and tag out when the user keeps the defaults', () => {
    const j = toJob(base());
    expect(j.schedule).toBeUndefined();
    expect(j.tag).toBeUndefined();
    expect(j.itemsPerRun).toBe('auto');
  });

  it('names a new job after its type, avoiding ids already taken', () => {
    expect(newJob('upgrade', ['upgrade', 'upgrade-2']).id).toBe('upgrade-3');
  });

  it('offers new-episodes only for Sonarr', () => {
    expect(jobTypesFor('radarr')).not.toContain('new-episodes');
    expect(jobTypesFor('sonarr')).toContain('new-episodes');
  });

  it('gives a specific message for a schedule that is not a duration, instead of throwing', () => {
    expect(validateJob({ ...base(), scheduleMode: 'every', every: 'daily' }, { isNew: false, others: [] }).every).toBe('use a number followed by m, h or d, e.g. "24h"');
    expect(validateJob({ ...base(), scheduleMode: 'every', every: '' }, { isNew: false, others: [] }).every).toBe('enter how often, e.g. "24h"');
    expect(validateJob({ ...base(), scheduleMode: 'every', every: '10m' }, { isNew: false, others: [] }).every).toBe('runs must be at least 15 minutes apart');
    expect(validateJob({ ...base(), scheduleMode: 'every', every: '12h' }, { isNew: false, others: [] })).toEqual({});
  });

  it('checks a cron expression has five fields', () => {
    expect(validateJob({ ...base(), scheduleMode: 'cron', cron: '0 3 * * * *' }, { isNew: false, others: [] }).cron).toMatch(/five fields/);
    expect(validateJob({ ...base(), scheduleMode: 'cron', cron: '0 3 * * *' }, { isNew: false, others: [] })).toEqual({});
  });

  it('maps schema paths to the form fields that show them', () => {
    const errors = validateJob({ ...base(), itemsMode: 'number', items: 500, tag: 'Bad Tag', addedAfter: '2024-02-30x' }, { isNew: false, others: [] });
    expect(errors.items).toBe('must be at most 100');
    expect(errors.tag).toBe('tag may contain only a-z, 0-9 and -');
    expect(errors.addedAfter).toBe('use a date such as 2025-01-31');
    expect(formField('filters.includeTags')).toBe('includeTags');
  });

  it('refuses an id or a tag another job of the instance already uses (including default tags)', () => {
    const others = [{ id: 'missing', tag: undefined }, { id: 'upgrade', tag: 'custom' }];
    expect(validateJob(base(), { isNew: true, others }).id).toBe('this instance already has a job with id "missing"');
    expect(validateJob({ ...base(), id: 'missing-2', tag: 'trawlarr-missing' }, { isNew: true, others }).tag).toBe('tag "trawlarr-missing" is used by another job of this instance');
    expect(validateJob({ ...base(), id: 'missing-2', tag: 'custom' }, { isNew: true, others }).tag).toMatch(/used by another job/);
    expect(validateJob({ ...base(), id: 'missing-2' }, { isNew: true, others })).toEqual({});
  });

  it('refuses an "added before" that is not after "added after"', () => {
    expect(validateJob({ ...base(), addedAfter: '2024-05-01', addedBefore: '2024-01-01' }, { isNew: false, others: [] }).addedBefore).toBe('must be after "added after"');
  });
});

describe('security finding 9.2: the job form shows a bad cron schedule on its cron field', () => {
  const cronErrors = (cron: string) => validateJob({ ...base(), scheduleMode: 'cron', cron }, { isNew: false, others: [] });
  const fiveFields = (n: number) => `a cron expression has exactly five fields (minute hour day-of-month month weekday), e.g. "0 3 * * *"; this one has ${n}`;

  it('checks what the engine checks: five fields, readable, runs at least 15 minutes apart', () => {
    expect(cronErrors('*/5 * * * *')).toEqual({ cron: 'runs must be at least 15 minutes apart; this expression runs 5 minutes apart (00:00 and 00:05)' });
    expect(cronErrors('0,5 * * * *')).toEqual({ cron: 'runs must be at least 15 minutes apart; this expression runs 5 minutes apart (00:00 and 00:05)' });
    expect(cronErrors('* * * * * *')).toEqual({ cron: fiveFields(6) });
    expect(cronErrors('aaaaaaaaa')).toEqual({ cron: fiveFields(1) });
    expect(cronErrors('0 3 * * 8')).toEqual({ cron: 'not a valid cron expression: Invalid value for dayOfWeek: 8' });
    expect(cronErrors('*/15 * * * *')).toEqual({});
  });

  it('puts the save path’s refusal of a schedule on the cron field', () => {
    const refusal = new ContractError('saveJob', { code: 'invalid-request', message: 'job.schedule.cron: …', issues: [{ path: ['job', 'schedule', 'cron'], field: 'job.schedule.cron', message: fiveFields(6) }] });
    const fields = Object.entries(serverFieldErrors(refusal, ['job'])).map(([k, v]) => [formField(k), v]);
    expect(fields).toEqual([['cron', fiveFields(6)]]);
  });
});
