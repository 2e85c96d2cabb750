import { describe, expect, it } from 'vitest';
import { NotificationPolicy, type NotificationSwitches } from '../../src/main/notifications/policy';
import type { EngineEvent, GrabInfo } from '../../src/shared/status';

const ON: NotificationSwitches = { cycleComplete: true, grabs: true, instanceDown: true, budgetWarning: true };
const t0 = new Date('2025-01-31T12:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const down = (state: 'down' | 'key-rejected' = 'down'): EngineEvent => ({ type: 'instance-down', instanceId: 'radarr', name: 'Radarr 4K', kind: 'radarr', state, message: 'connect ECONNREFUSED 127.0.0.1:7878', at: t0.toISOString() });
const recovered: EngineEvent = { type: 'instance-recovered', instanceId: 'radarr', name: 'Radarr 4K', kind: 'radarr', at: t0.toISOString() };
const grab = (title: string): GrabInfo => ({ itemId: 1, itemTitle: title, releaseTitle: `${title}.2160p` });
const grabs = (instanceId: string, ...titles: string[]): EngineEvent => ({ type: 'grabs', instanceId, jobId: 'upgrade', grabs: titles.map(grab), at: t0.toISOString() });

describe('instance down and recovered', () => {
  it('announces an outage once, however often the engine reports it, and its recovery once', () => {
    const policy = new NotificationPolicy();
    const first = policy.onEvent(down(), ON, t0);
    expect(first).toEqual([
      { kind: 'instanceDown', title: 'Radarr 4K is unreachable', body: 'connect ECONNREFUSED 127.0.0.1:7878\nTrawlarr pauses its searches there and retries.', target: { page: 'instances', instanceId: 'radarr' } },
    ]);
    expect(policy.onEvent(down(), ON, at(5))).toEqual([]);
    expect(policy.onEvent(down('key-rejected'), ON, at(10))).toEqual([]);
    expect(policy.onEvent(recovered, ON, at(15)).map((n) => n.title)).toEqual(['Radarr 4K is back']);
    expect(policy.onEvent(recovered, ON, at(16))).toEqual([]);
    // a new outage is a new announcement
    expect(policy.onEvent(down('key-rejected'), ON, at(20)).map((n) => n.title)).toEqual(['Radarr 4K rejected the API key']);
  });

  it('says nothing when turned off, and no "back" for an outage it never announced', () => {
    const policy = new NotificationPolicy();
    expect(policy.onEvent(down(), { ...ON, instanceDown: false }, t0)).toEqual([]);
    expect(policy.onEvent(recovered, ON, at(1))).toEqual([]);
  });
});

describe('grab digest', () => {
  it('collects grabs into one notification per window', () => {
    const policy = new NotificationPolicy({ digestWindowMs: 10 * 60_000 });
    policy.onEvent({ type: 'status', status: { at: t0.toISOString(), paused: false, searching: false, instances: [{ id: 'radarr', name: 'Radarr 4K', kind: 'radarr', enabled: true, paused: false, state: 'ok', budget: { key: 'radarr', usedLastHour: 0, usedLastDay: 0, maxPerHour: 1, maxPerDay: 1 }, jobs: [] }] } }, ON, t0);
    expect(policy.onEvent(grabs('radarr', 'Heat (1995)'), ON, t0)).toEqual([]);
    expect(policy.onEvent(grabs('radarr', 'Alien (1979)', 'Ronin (1998)', 'Thief (1981)', 'Heat (1995)'), ON, at(4))).toEqual([]);
    expect(policy.nextDueAt()).toEqual(at(10));
    expect(policy.flushDue(ON, at(9))).toEqual([]);
    expect(policy.flushDue(ON, at(10))).toEqual([
      { kind: 'grabs', title: '5 releases grabbed in Radarr 4K', body: 'Heat (1995), Alien (1979), Ronin (1998) and 1 more', target: { page: 'history', instanceId: 'radarr' } },
    ]);
    expect(policy.flushDue(ON, at(30))).toEqual([]);
    expect(policy.nextDueAt()).toBeUndefined();
  });

  it('a digest across instances links to all history; a single grab reads naturally', () => {
    const policy = new NotificationPolicy({ digestWindowMs: 60_000 });
    policy.onEvent(grabs('radarr', 'Heat (1995)'), ON, t0);
    policy.onEvent(grabs('sonarr', 'Dark S01E01'), ON, t0);
    expect(policy.flushDue(ON, at(1))[0]).toMatchObject({ title: '2 releases grabbed', target: { page: 'history' } });
    policy.onEvent(grabs('radarr', 'Heat (1995)'), ON, at(2));
    expect(policy.flushDue(ON, at(3))[0]).toMatchObject({ title: '1 release grabbed in radarr', body: 'Heat (1995)' });
  });

  it('turned off: nothing collected, and a digest pending when turned off is dropped', () => {
    const policy = new NotificationPolicy({ digestWindowMs: 60_000 });
    policy.onEvent(grabs('radarr', 'Heat (1995)'), { ...ON, grabs: false }, t0);
    expect(policy.nextDueAt()).toBeUndefined();
    policy.onEvent(grabs('radarr', 'Heat (1995)'), ON, t0);
    expect(policy.flushDue({ ...ON, grabs: false }, at(2))).toEqual([]);
  });
});

describe('cycle complete and budget warnings', () => {
  const cycle: EngineEvent = { type: 'cycle-complete', instanceId: 'radarr', jobId: 'upgrade', jobType: 'upgrade', cycle: 3, searched: 1530, grabbed: 42, at: t0.toISOString() };

  it('announces a completed cycle once with its counts, opening the job', () => {
    const policy = new NotificationPolicy();
    expect(policy.onEvent(cycle, ON, t0)).toEqual([
      { kind: 'cycleComplete', title: 'radarr · Upgrade: cycle 3 complete', body: '1,530 searched, 42 grabbed.', target: { page: 'dashboard', instanceId: 'radarr', jobId: 'upgrade' } },
    ]);
    expect(policy.onEvent(cycle, ON, at(1))).toEqual([]);
    expect(policy.onEvent({ ...cycle, cycle: 4 }, ON, at(2))).toHaveLength(1);
    expect(policy.onEvent({ ...cycle, cycle: 5 }, { ...ON, cycleComplete: false }, at(3))).toEqual([]);
  });

  it('warns about a budget at most once a day per job, on the throughput page', () => {
    const policy = new NotificationPolicy();
    const warning: EngineEvent = { type: 'budget-warning', instanceId: 'radarr', jobId: 'upgrade', jobType: 'upgrade', message: 'needs 40 queries a day to finish within 90 days', at: t0.toISOString() };
    expect(policy.onEvent(warning, ON, t0)).toEqual([
      { kind: 'budgetWarning', title: 'radarr · Upgrade: budget too small', body: 'needs 40 queries a day to finish within 90 days', target: { page: 'throughput', instanceId: 'radarr' } },
    ]);
    expect(policy.onEvent(warning, ON, at(60))).toEqual([]);
    expect(policy.onEvent({ ...warning, jobId: 'missing' }, ON, at(60))).toHaveLength(1);
    expect(policy.onEvent(warning, ON, at(24 * 60))).toHaveLength(1);
    expect(policy.onEvent(warning, { ...ON, budgetWarning: false }, at(48 * 60))).toEqual([]);
  });

  it('names jobs by their label and instances as the other surfaces do (words.ts)', () => {
    const policy = new NotificationPolicy();
    const tvDown: EngineEvent = { type: 'instance-down', instanceId: 'tv', name: 'TV', kind: 'sonarr', state: 'down', message: 'connection refused', at: t0.toISOString() };
    expect(policy.onEvent(tvDown, ON, t0).map((n) => n.title)).toEqual(['Sonarr "TV" is unreachable']);
    const cycle: EngineEvent = { type: 'cycle-complete', instanceId: 'tv', jobId: 'missing-anime', jobType: 'missing', cycle: 2, searched: 10, grabbed: 1, at: t0.toISOString() };
    expect(policy.onEvent(cycle, ON, t0).map((n) => n.title)).toEqual(['Sonarr "TV" · Missing (missing-anime): cycle 2 complete']);
  });
});
