/**
 * Rename and refresh go through the permit like searches (Houndarr #386: disks that
 * should sleep outside active hours): outside the windows they send nothing and say why; inside
 * they run without touching the budget; a full download queue does not hold them back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ActiveHours } from '../../../src/engine/scheduler/active-hours';
import { systemClock } from '../../../src/engine/scheduler/clock';
import { queueGate } from '../../../src/engine/scheduler/gates';
import { InstancePermit, type PermitGate } from '../../../src/engine/scheduler/permit';
import type { ActiveWindow } from '../../../src/shared/settings';
import { harness, jobOf, sorted, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

const HOUR = 3_600_000;
const hhmm = (t: number) => new Date(t).toISOString().slice(11, 16);
/** a UTC window from `from` to `to` hours around the real now (the runner polls on the real clock) */
const windowAround = (from: number, to: number): ActiveWindow => {
  const now = systemClock.now();
  return { start: hhmm(now + from * HOUR), end: hhmm(now + to * HOUR) };
};

function permitWith(windows: ActiveWindow[], gates: PermitGate[] = []): InstancePermit {
  return new InstancePermit({ clock: systemClock, ledger: h.ledger, budgetKey: 'instance:sim', minGapMs: 0, activeHours: new ActiveHours(windows, 'UTC'), gates });
}

const writes = () => h.sim.requests.filter((r) => r.method === 'POST' || r.method === 'PUT' || r.method === 'DELETE');
const commandsSent = () => h.sim.requests.filter((r) => r.method === 'POST' && r.path === '/api/v3/command');

describe('rename and refresh respect active hours', () => {
  it('Radarr rename: outside the windows nothing is sent and the report says why and when; inside it runs, budget untouched', async () => {
    h = await harness({ app: 'radarr', seed: 13, size: { movies: 300 } });
    const job = jobOf({ type: 'rename' });
    const truth = h.sim.groundTruth('rename', job);
    expect(truth.length).toBeGreaterThan(3);
    const later = windowAround(2, 3);

    const outside = await h.run(job, { limit: 100, permit: permitWith([later]) });
    expect(outside.result).toBe('waiting');
    expect(outside.message).toMatch(/outside active hours/);
    expect(outside.searched).toBe(0);
    expect(outside.commands).toEqual([]);
    expect(hhmm(outside.retryAt!)).toBe(later.start);
    expect(outside.retryAt! - systemClock.now()).toBeGreaterThan(HOUR);
    expect(commandsSent()).toEqual([]);
    // nothing tagged either: the tag marks renamed items only
    const tag = h.sim.library.tags.find((t) => t.label === 'trawlarr-rename');
    expect([...h.sim.library.movies.values()].filter((m) => tag && m.tags.includes(tag.id))).toEqual([]);
    expect(h.sim.groundTruth('rename', { ...job, tag: 'none' })).toEqual(truth);

    const inside = await h.run(job, { limit: 100, permit: permitWith([windowAround(-1, 1)]) });
    expect(inside.result).toBe('searched');
    expect(sorted(inside.commands.flatMap((c) => c.items.map((i) => i.id)))).toEqual(truth);
    expect(commandsSent().length).toBe(inside.commands.length);
    expect(h.sim.groundTruth('rename', { ...job, tag: 'none' })).toEqual([]);
    expect(h.ledger.usage('instance:sim', systemClock.now())).toEqual({ lastHour: 0, lastDay: 0 });
  });

  it('Sonarr refresh: outside the windows no RefreshSeries and no tag edit; inside every series is refreshed, budget untouched', async () => {
    h = await harness({ app: 'sonarr', seed: 13, size: { series: 30 } });
    const job = jobOf({ type: 'refresh', refreshAfterDays: 30 });

    const outside = await h.run(job, { limit: 100, permit: permitWith([windowAround(5, 7), windowAround(9, 10)]) });
    expect(outside).toMatchObject({ result: 'waiting', searched: 0, commands: [] });
    expect(outside.message).toMatch(/outside active hours/);
    expect(writes().filter((r) => r.path !== '/api/v3/tag')).toEqual([]);

    const inside = await h.run(job, { limit: 100, permit: permitWith([windowAround(-1, 1)]) });
    expect(sorted(inside.commands.flatMap((c) => c.items.map((i) => i.id)))).toEqual(sorted(h.sim.library.series.keys()));
    expect(inside.commands.every((c) => c.body.name === 'RefreshSeries' && c.status === 'searched')).toBe(true);
    expect(h.ledger.usage('instance:sim', systemClock.now())).toEqual({ lastHour: 0, lastDay: 0 });
  });

  it('a download queue over its limit holds back searches, not renames', async () => {
    h = await harness({ app: 'radarr', seed: 13, size: { movies: 300 }, grabChance: 0 });
    const { totalCount } = await h.client.queueStatus();
    expect(totalCount).toBeGreaterThan(0);
    const gate = queueGate(() => h.client.queueStatus(), totalCount - 1, systemClock);
    const search = await h.run(jobOf({ type: 'missing' }), { limit: 5, permit: permitWith([], [gate]) });
    expect(search).toMatchObject({ result: 'waiting', commands: [] });
    expect(search.message).toMatch(/download queue holds/);
    const rename = await h.run(jobOf({ type: 'rename' }), { limit: 100, permit: permitWith([], [gate]) });
    expect(rename.result).toBe('searched');
    expect(commandsSent().length).toBe(rename.commands.length);
  });
});
