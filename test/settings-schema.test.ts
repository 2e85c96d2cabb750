import { describe, expect, it } from 'vitest';
import { describeSettingsPath, jobTag, settingsSchema } from '../src/shared/settings';

const radarr = { id: 'radarr', name: 'Radarr', kind: 'radarr', url: 'http://localhost:7878', apiKey: 'k' };

describe('settings schema', () => {
  it('fills conservative defaults', () => {
    const s = settingsSchema.parse({ version: 1, instances: [{ ...radarr, jobs: [{ id: 'upgrade', type: 'upgrade' }] }] });
    expect(s.instances[0].throughput).toMatchObject({ maxPerHour: 10, maxPerDay: 100 });
    expect(jobTag(s.instances[0].jobs[0])).toBe('trawlarr-upgrade');
  });

  it('rejects a Sonarr-only job on Radarr and names where', () => {
    const raw = { version: 1, instances: [{ ...radarr, jobs: [{ id: 'new', type: 'new-episodes' }] }] };
    const r = settingsSchema.safeParse(raw);
    expect(r.success).toBe(false);
    const issue = r.error!.issues[0];
    expect(issue.message).toBe('new-episodes is a Sonarr job');
    expect(describeSettingsPath(issue.path, raw)).toBe('instances["radarr"].jobs["new"].type');
  });

  it('refuses budgets above the hard caps', () => {
    const r = settingsSchema.safeParse({ version: 1, instances: [{ ...radarr, throughput: { maxPerHour: 500 } }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['instances', 0, 'throughput', 'maxPerHour']);
  });
});

describe('schedule field', () => {
  const withSchedule = (schedule: unknown) =>
    settingsSchema.safeParse({ version: 1, instances: [{ ...radarr, jobs: [{ id: 'upgrade', type: 'upgrade', schedule }] }] });

  it('reports a malformed interval as a field message instead of throwing', () => {
    const r = withSchedule({ every: 'daily' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['instances.0.jobs.0.schedule.every', 'use a number followed by m, h or d, e.g. "24h"']]);
  });

  it('refuses runs closer than 15 minutes', () => {
    const r = withSchedule({ every: '5m' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error!.issues)).toContain('runs must be at least 15 minutes apart');
    expect(withSchedule({ every: '15m' }).success).toBe(true);
  });
});
