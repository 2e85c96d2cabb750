/**
 * What goes wrong: a command that fails leaves its items untagged and they are searched on a later
 * run; an item deleted between listing and tagging does not cost the others their tag; a dry run
 * sends no POST or PUT (asserted from the simulator's request log); a command that outlasts the
 * poll timeout is finished by the next run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../src/simulator';
import { FAST_POLL, harness, jobOf, sorted, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

const tagOf = (label: string) => h.sim.library.tags.find((t) => t.label === label)?.id;

describe('failed commands', () => {
  it('leave their items untagged; a later run searches them', async () => {
    h = await harness({ app: 'radarr', seed: 8, size: { movies: 200 }, grabChance: 0 });
    const job = jobOf({ type: 'missing', order: 'alphabetical' });
    h.sim.faults.failCommands = 1;
    const first = await h.run(job, { limit: 10 });
    expect(first.commands.map((c) => c.status)).toEqual(['failed', 'searched']);
    expect(first.result).toBe('searched');
    const failedIds = first.commands[0].items.map((i) => i.id);
    const tag = tagOf('trawlarr-missing')!;
    for (const id of failedIds) expect(h.sim.library.movies.get(id)!.tags).not.toContain(tag);
    for (const id of first.commands[1].items.map((i) => i.id)) expect(h.sim.library.movies.get(id)!.tags).toContain(tag);
    const failures = await h.history.query({ status: ['failed'] });
    expect(failures.entries).toHaveLength(1);
    expect(failures.entries[0].items.map((i) => i.id)).toEqual(failedIds);
    expect(failures.entries[0].message).toMatch(/^command failed: Simulated failure/);

    const second = await h.run(job, { limit: 5 });
    expect(second.commands[0].items.map((i) => i.id)).toEqual(failedIds);
    expect(second.commands[0].status).toBe('searched');
    for (const id of failedIds) expect(h.sim.library.movies.get(id)!.tags).toContain(tag);
  });

  it('a failed Sonarr command keeps its series untagged until the failed episodes are searched', async () => {
    h = await harness({ app: 'sonarr', seed: 21, size: { series: 40 } });
    const job = jobOf({ type: 'missing', granularity: 'episode', order: 'alphabetical' });
    h.sim.faults.failCommands = 1;
    const first = await h.run(job, { limit: 20 });
    const failed = first.commands[0];
    expect(failed.status).toBe('failed');
    const seriesId = h.sim.library.episodes.get(failed.items[0].id)!.seriesId;
    const tag = tagOf('trawlarr-missing')!;
    expect(h.sim.library.series.get(seriesId)!.tags).not.toContain(tag);
    const second = await h.run(job, { limit: 1 });
    expect(second.commands[0].items).toEqual(failed.items);
    expect(h.sim.library.series.get(seriesId)!.tags).toContain(tag);
  });
});

describe('an item deleted between listing and tagging', () => {
  it('does not cost the other items of the command their tag', async () => {
    let onExchange: ((x: Exchange) => void) | undefined;
    h = await harness({ app: 'radarr', seed: 8, size: { movies: 120 }, grabChance: 0, onExchange: (x) => onExchange?.(x) });
    const job = jobOf({ type: 'missing', order: 'alphabetical' });
    const victim = h.sim.groundTruth('missing', job).map((id) => h.sim.library.movies.get(id)!).sort((a, b) => (a.title < b.title ? -1 : 1))[1];
    onExchange = (x) => {
      const body = x.responseBody as { status?: string } | undefined;
      if (x.method === 'GET' && x.path.startsWith('/api/v3/command/') && body?.status === 'completed') {
        h.sim.library.movies.delete(victim.id);
        onExchange = undefined;
      }
    };
    const report = await h.run(job, { limit: 5 });
    const command = report.commands[0];
    expect(command.items.map((i) => i.id)).toContain(victim.id);
    expect(command.status).toBe('searched');
    const others = command.items.map((i) => i.id).filter((id) => id !== victim.id);
    expect(sorted(command.tagged)).toEqual(sorted(others));
    const tag = tagOf('trawlarr-missing')!;
    for (const id of others) expect(h.sim.library.movies.get(id)!.tags).toContain(tag);
    // the editor was called with the victim and refused (500), then without it
    const puts = h.sim.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/movie/editor'));
    expect(puts.some((r) => r.status === 500)).toBe(true);
    expect(puts.filter((r) => r.status === 202).flatMap((r) => (r.body as { movieIds: number[] }).movieIds)).not.toContain(victim.id);
  });
});

describe('dry run', () => {
  it.each(['radarr', 'sonarr'] as const)('%s: sends no POST or PUT, creates no tag, and returns the chosen items and reasons', async (app) => {
    h = await harness({ app, seed: 3, size: app === 'radarr' ? { movies: 150 } : { series: 20 } });
    const before = h.sim.requests.length;
    const job = jobOf({ type: 'missing' });
    const report = await h.run(job, { dryRun: true, limit: 5 });
    const requests = h.sim.requests.slice(before);
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(tagOf('trawlarr-missing')).toBeUndefined();
    expect(report.dryRun).toBe(true);
    expect(report.commands.length).toBeGreaterThan(0);
    expect(report.commands.every((c) => c.status === 'planned')).toBe(true);
    expect(Object.keys(report.reasons).length).toBeGreaterThan(1);
    expect(h.sim.searches).toEqual([]);
    const entries = await h.history.query({});
    expect(entries.entries.map((e) => [e.status, e.dryRun])).toEqual([['skipped', true]]);
    expect(entries.entries[0].reasons).toEqual(report.reasons);
    // a live run afterwards starts from scratch: nothing was written to the state
    const live = await h.run(job, { limit: 5 });
    expect(live.cycle).toBe(1);
    expect(live.commands.map((c) => c.items)).toEqual(report.commands.map((c) => c.items));
  });
});

describe('a command that outlasts the poll timeout', () => {
  it('is recorded as unresolved, kept out of plans, and finished by the next run', async () => {
    h = await harness({ app: 'radarr', seed: 8, size: { movies: 100 } });
    const job = jobOf({ type: 'missing', order: 'alphabetical' });
    // a poll that gives up before the command moves on
    const first = await h.run(job, { limit: 5, poll: { ...FAST_POLL, timeoutMs: 0 } });
    expect(first.result).toBe('error');
    expect(first.commands[0].status).toBe('running');
    expect(first.message).toMatch(/still (queued|started) after 0 min; checked again on the next run/);
    const ids = first.commands[0].items.map((i) => i.id);
    const second = await h.run(job, { limit: 5 });
    // the unresolved command was finished (tagged, recorded), not sent again
    const tag = tagOf('trawlarr-missing')!;
    for (const id of ids) expect(h.sim.library.movies.get(id)!.tags).toContain(tag);
    expect(second.commands.flatMap((c) => c.items.map((i) => i.id)).some((id) => ids.includes(id))).toBe(false);
    expect(h.sim.searches.filter((s) => s.ids.some((id) => ids.includes(id)))).toHaveLength(1);
    const recorded = await h.history.query({ status: ['searched', 'grabbed'] });
    expect(recorded.entries.filter((e) => e.commandId === first.commands[0].commandId)).toHaveLength(1);
  });
});
