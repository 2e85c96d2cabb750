import { describe, expect, it } from 'vitest';
import { instanceSchema, jobSchema, throughputSchema } from '../../src/shared/settings';
import { errorsUnder, fieldErrors, issueMessage } from '../../src/renderer/forms/issues';
import { getIn, setIn } from '../../src/renderer/forms/path';

const errorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const r = schema.safeParse(value);
  return fieldErrors(r.success ? undefined : (r.error as never));
};

describe('form messages from the settings schema', () => {
  it('rewrites zod generic bounds into specific per-field messages', () => {
    const errors = errorsOf(throughputSchema, { maxPerHour: 61, maxPerDay: 0, minGapSeconds: 1, queueLimit: 2.5, activeHours: [] });
    expect(errors).toEqual({
      maxPerHour: 'must be at most 60',
      maxPerDay: 'must be at least 1',
      minGapSeconds: 'must be at least 2',
      queueLimit: 'must be a whole number',
    });
  });

  it('says "enter a number" for an empty number field (NaN), not zod\'s "expected number, received NaN"', () => {
    expect(errorsOf(throughputSchema, { maxPerHour: Number.NaN }).maxPerHour).toBe('enter a number');
  });

  it('keeps the schema\'s own messages and keys nested fields by their dotted path', () => {
    const errors = errorsOf(throughputSchema, { activeHours: [{ start: '01:00', end: '07:00' }, { start: '25:00', end: '02:00' }, { start: '03:00', end: '03:00' }] });
    expect(errors).toEqual({ 'activeHours.1.start': 'use HH:MM', 'activeHours.2': 'start and end must differ' });
  });

  it('reports the branch of a union the user is filling in (schedule: every)', () => {
    const errors = errorsOf(jobSchema, { id: 'missing', type: 'missing', schedule: { every: '5m' } });
    expect(errors['schedule.every']).toBe('runs must be at least 15 minutes apart');
    expect(Object.keys(errors)).toEqual(['schedule.every']);
  });

  it('reports the url refinement with the schema\'s message', () => {
    const errors = errorsOf(instanceSchema, { id: 'Bad Id', name: ' ', kind: 'radarr', url: 'ftp://x', apiKey: 'k' });
    expect(errors.url).toBe('url must start with http:// or https://');
    expect(errors.name).toBe('name is required');
    expect(errors.id).toMatch(/^instance id must be/);
  });

  it('issueMessage falls back to the schema message for custom issues', () => {
    expect(issueMessage({ code: 'custom', path: [], message: 'duplicate job id "x"', input: undefined } as never)).toBe('duplicate job id "x"');
  });

  it('errorsUnder re-keys a sub-form\'s errors', () => {
    expect(errorsUnder({ 'job.tag': 'bad', job: 'whole', other: 'x' }, 'job')).toEqual({ tag: 'bad', '': 'whole' });
  });
});

describe('setIn / getIn', () => {
  it('updates nested objects and arrays without touching the original', () => {
    const before = { a: { list: [{ x: 1 }, { x: 2 }] }, b: 1 };
    const after = setIn(before, 'a.list.1.x', 5);
    expect(after).toEqual({ a: { list: [{ x: 1 }, { x: 5 }] }, b: 1 });
    expect(before.a.list[1].x).toBe(2);
    expect(Array.isArray(after.a.list)).toBe(true);
    expect(after.a.list[0]).toBe(before.a.list[0]);
    expect(getIn(after, 'a.list.1.x')).toBe(5);
  });

  it('creates missing containers', () => {
    expect(setIn({} as Record<string, unknown>, 'notifications.grabs', false)).toEqual({ notifications: { grabs: false } });
  });
});
