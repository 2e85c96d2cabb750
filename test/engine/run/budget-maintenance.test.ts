/**
 * The runner under a budget (the scheduler's real permit and ledger), the maintenance jobs (rename,
 * refresh) end to end, and request counts on larger libraries: scores only for the candidates a
 * run needs, episodes only for the series it considers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { jobJournalDoc } from '../../../src/engine/run/journal';
import { systemClock } from '../../../src/engine/scheduler/clock';
import { harness, jobOf, sorted, type Harness } from './harness';

let h: Harness;
afterEach(() => h?.close());

const count = (method: string, path: string) => h.sim.requests.filter((r) => r.method === method && r.path === path);

describe('budget', () => {
  it('stops at the first refusal, tags nothing it did not search, and never spends more than the budget', async () => {
    h = await harness({ app: 'radarr', seed: 12, size: { movies: 200 }, grabChance: 0 }, { maxPerHour: 7, maxPerDay: 50 });
    const job = jobOf({ type: 'missing', order: 'alphabetical' });
    const report = await h.run(job, { limit: 10, maxCostPerCommand: 7 });
    expect(report.commands.map((c) => [c.cost, c.status])).toEqual([[5, 'searched']]);
    expect(report.result).toBe('searched');
    expect(report.message).toMatch(/waiting for the hourly budget \(next command costs 5, 2 left\) until \d\d:\d\d UTC/);
    expect(report.retryAt).toBeGreaterThan(systemClock.now());
    expect(h.ledger.usage('instance:sim', systemClock.now()).lastHour).toBe(5);
    const tag = h.sim.library.tags.find((t) => t.label === 'trawlarr-missing')!.id;
    const tagged = [...h.sim.library.movies.values()].filter((m) => m.tags.includes(tag)).map((m) => m.id);
    expect(sorted(tagged)).toEqual(sorted(h.sim.searches.flatMap((s) => s.ids)));
    expect((await h.store.read(jobJournalDoc, 'sim/missing')).entries).toEqual([]);
    // the next run waits without sending anything
    const waiting = await h.run(job, { limit: 10, maxCostPerCommand: 7 });
    expect(waiting.result).toBe('waiting');
    expect(waiting.commands).toEqual([]);
  });

  it('keeps every command within the largest single spend of the budget', async () => {
    h = await harness({ app: 'radarr', seed: 12, size: { movies: 200 }, grabChance: 0 }, { maxPerHour: 3, maxPerDay: 50 });
    const report = await h.run(jobOf({ type: 'missing' }), { limit: 3, maxCostPerCommand: h.ledger.maxSingleCost('instance:sim') });
    expect(report.commands.map((c) => c.cost)).toEqual([3]);
  });
});

describe('maintenance jobs', () => {
  it('rename: renames what the preview lists, then the cycle has nothing left', async () => {
    h = await harness({ app: 'radarr', seed: 13, size: { movies: 300 } });
    const job = jobOf({ type: 'rename' });
    const truth = h.sim.groundTruth('rename', job);
    expect(truth.length).toBeGreaterThan(3);
    const report = await h.run(job, { limit: 100 });
    expect(sorted(report.commands.flatMap((c) => c.items.map((i) => i.id)))).toEqual(truth);
    expect(report.commands.every((c) => c.body.name === 'RenameMovie' && c.cost === 0)).toBe(true);
    expect(h.sim.groundTruth('rename', { ...job, tag: 'none' })).toEqual([]);
    expect(h.ledger.usage('instance:sim', systemClock.now()).lastDay).toBe(0);
  });

  it('refresh (Sonarr): refreshes every series once, then none until refreshAfterDays pass', async () => {
    h = await harness({ app: 'sonarr', seed: 13, size: { series: 30 } });
    const job = jobOf({ type: 'refresh', refreshAfterDays: 30 });
    const first = await h.run(job, { limit: 100 });
    expect(sorted(first.commands.flatMap((c) => c.items.map((i) => i.id)))).toEqual(sorted(h.sim.library.series.keys()));
    expect(first.commands.every((c) => c.body.name === 'RefreshSeries')).toBe(true);
    const second = await h.run(job, { limit: 100 });
    expect(second.commands).toEqual([]);
    expect(second.reasons['refreshed recently']).toBe(30);
    expect(h.sim.groundTruth('refresh', job)).toEqual([]);
  });
});

describe('requests grow with what a run considers, not with the library', () => {
  it('Radarr upgrade over 5,000 movies fetches files for a few candidates only', async () => {
    h = await harness({ app: 'radarr', seed: 14, size: 'medium' });
    const before = h.sim.requests.length;
    const report = await h.run(jobOf({ type: 'upgrade' }), { limit: 10 });
    expect(report.searched).toBe(10);
    const fileRequests = h.sim.requests.slice(before).filter((r) => r.path === '/api/v3/moviefile');
    const idsAsked = fileRequests.flatMap((r) => r.query.movieId ?? []);
    expect(fileRequests.length).toBeLessThanOrEqual(3);
    expect(idsAsked.length).toBeLessThan(200);
    // most candidates were never examined: the estimate of what is left comes from those that were
    const truth = h.sim.groundTruth('upgrade', jobOf({ type: 'upgrade' })).length;
    expect(report.remaining).toBeGreaterThan(truth * 0.5);
    expect(report.remaining).toBeLessThan(truth * 1.5);
  });

  it('Sonarr missing over 500 series fetches episodes only for the series it examines', async () => {
    h = await harness({ app: 'sonarr', seed: 14, size: 'medium' });
    const report = await h.run(jobOf({ type: 'missing', granularity: 'auto', order: 'alphabetical' }), { limit: 5 });
    expect(report.commands).toHaveLength(5);
    const episodeRequests = count('GET', '/api/v3/episode');
    const commandSeries = new Set(report.commands.map((c) => (c.body.name === 'EpisodeSearch' ? h.sim.library.episodes.get(c.items[0].id)!.seriesId : (c.body as { seriesId: number }).seriesId)));
    expect(episodeRequests.length).toBeLessThanOrEqual(commandSeries.size + 2);
    expect(count('GET', '/api/v3/episodefile')).toEqual([]);
  });
});
