import { describe, expect, it } from 'vitest';
import type { MediaFile, Movie } from '../../../src/arr/model';
import { JOB_DEFINITIONS } from '../../../src/engine/jobs/registry';
import { createPlanContext } from '../../../src/engine/plan/context';
import { planJob } from '../../../src/engine/plan/job';
import { cycleExhausted, estimatedEligible } from '../../../src/engine/plan/types';
import type { JobSettingsInput } from '../../../src/shared/settings';
import { HD, HOUR, NOW, NO_UPGRADES, MemoryLoader, iso, job, movie } from '../specs/fixtures';

/** n movies with files at the quality cutoff; every tenth has a score below the CF cutoff. */
function library(n: number) {
  const movies: Movie[] = [];
  const files: MediaFile[] = [];
  for (let id = 1; id <= n; id++) {
    movies.push(movie({ id, movieFileId: 10_000 + id, file: { quality: 'Bluray-1080p', qualityCutoffNotMet: false }, lastSearchTime: iso(NOW - id * HOUR) }));
    files.push({ id: 10_000 + id, movieId: id, quality: 'Bluray-1080p', qualityCutoffNotMet: false, customFormatScore: id % 10 === 0 ? 100 : 1500 });
  }
  return { movies, files };
}

async function plan(settings: Partial<JobSettingsInput>, movies: Movie[], loader: MemoryLoader, extra: { limit?: number; evaluateAll?: boolean; maxCostPerCommand?: number; jobTagId?: number | null } = {}) {
  const ctx = createPlanContext({ now: NOW, job: job(settings), profiles: [HD, NO_UPGRADES], tags: [], jobTagId: extra.jobTagId ?? null });
  const result = await planJob({ app: 'radarr', def: JOB_DEFINITIONS[ctx.job.type], ctx, movies, limit: extra.limit ?? 10, loader, evaluateAll: extra.evaluateAll, maxCostPerCommand: extra.maxCostPerCommand, seed: 3 });
  return { result, ctx };
}

describe('planning Radarr jobs', () => {
  it('fetches scores only for the candidates it needs, in search order', async () => {
    const { movies, files } = library(2000);
    const loader = new MemoryLoader({ movieFiles: files });
    const { result } = await plan({ type: 'upgrade', order: 'alphabetical' }, movies, loader, { limit: 5 });
    // alphabetical = id order here; eligible are ids 10, 20, 30, 40, 50
    expect(result.commands.flatMap((c) => c.items.map((i) => i.id))).toEqual([10, 20, 30, 40, 50]);
    const asked = loader.idsAsked('movieFiles');
    expect(asked.length).toBeLessThanOrEqual(100);
    expect(asked).toEqual(Array.from({ length: asked.length }, (_, i) => i + 1)); // a prefix of the order
    expect(result.unchecked).toBe(2000 - asked.length);
    expect(result.examined).toBe(asked.length);
    // about one in ten examined was eligible: the estimate extends that rate to the rest (truth: 200)
    expect(estimatedEligible(result)).toBeGreaterThan(170);
    expect(estimatedEligible(result)).toBeLessThan(230);
    expect(result.reasons.get('at-cutoff')).toBe(asked.length - result.eligibleIds.length);
    expect(cycleExhausted(result)).toBe(false);
  });

  it('with evaluateAll, examines every candidate', async () => {
    const { movies, files } = library(300);
    const loader = new MemoryLoader({ movieFiles: files });
    const { result } = await plan({ type: 'cutoff-unmet' }, movies, loader, { limit: 5, evaluateAll: true });
    expect(result.eligibleIds).toHaveLength(30);
    expect(result.unchecked).toBe(0);
    expect(estimatedEligible(result)).toBe(30);
    expect(result.commands.flatMap((c) => c.items)).toHaveLength(5);
    expect(loader.idsAsked('movieFiles')).toHaveLength(300);
  });

  it('needs no score to decide when /movie already says the quality is below the cutoff, or when at-cutoff items are included', async () => {
    const movies = [movie({ id: 1, movieFileId: 11, file: { quality: 'HDTV-720p', qualityCutoffNotMet: true } }), movie({ id: 2, movieFileId: 12 }), movie({ id: 3, movieFileId: 13 })];
    const files = [11, 12, 13].map((id) => ({ id, movieId: id - 10, quality: 'Bluray-1080p', qualityCutoffNotMet: id === 11, customFormatScore: id }));
    const loader = new MemoryLoader({ movieFiles: files });
    const { result } = await plan({ type: 'cutoff-unmet', order: 'alphabetical' }, movies, loader, { evaluateAll: true, limit: 1 });
    expect(result.eligibleIds).toEqual([1, 2, 3]);
    // deciding needed the scores of 2 and 3 only; then the chosen movie's score for history
    // deciding needed the scores of 2 and 3 only; then the chosen movie's file for history (score and quality before)
    expect(result.commands[0].items).toEqual([{ id: 1, title: 'Movie 1 (2000)', score: 11, quality: 'Bluray-1080p' }]);

    const sweep = new MemoryLoader({ movieFiles: files });
    const { result: all } = await plan({ type: 'upgrade', includeAtCutoff: true, order: 'alphabetical' }, movies, sweep, { limit: 2 });
    expect(all.eligibleIds).toEqual([1, 2, 3]);
    expect(sweep.calls.map((c) => c.ids)).toEqual([[1, 2]]);
  });

  it('a file gone between the listing and the file fetch is "no file"', async () => {
    const movies = [movie({ id: 1, movieFileId: 11 })];
    const { result } = await plan({ type: 'upgrade' }, movies, new MemoryLoader({ movieFiles: [] }), { evaluateAll: true });
    expect(result.eligibleIds).toEqual([]);
    expect(result.reasons.examples()['no file']).toEqual(['Movie 1 (2000): no file (gone since the library was listed)']);
  });

  it('splits the batch into commands of a few movies, each within the cost cap, with titles and scores', async () => {
    const movies = Array.from({ length: 12 }, (_, i) => movie({ id: i + 1 }));
    const { result } = await plan({ type: 'missing', order: 'alphabetical' }, movies, new MemoryLoader(), { limit: 12 });
    expect(result.commands.map((c) => c.body)).toEqual([
      { name: 'MoviesSearch', movieIds: [1, 2, 3, 4, 5] },
      { name: 'MoviesSearch', movieIds: [6, 7, 8, 9, 10] },
      { name: 'MoviesSearch', movieIds: [11, 12] },
    ]);
    expect(result.commands.map((c) => c.cost)).toEqual([5, 5, 2]);
    expect(result.commands[0].tagIds).toEqual([1, 2, 3, 4, 5]);
    expect(result.commands[0].items[0]).toEqual({ id: 1, title: 'Movie 1 (2000)' });

    const { result: capped } = await plan({ type: 'missing', order: 'alphabetical' }, movies, new MemoryLoader(), { limit: 5, maxCostPerCommand: 2 });
    expect(capped.commands.map((c) => c.cost)).toEqual([2, 2, 1]);

    const { files, movies: withFiles } = library(20);
    const { result: scored } = await plan({ type: 'upgrade', order: 'alphabetical' }, withFiles, new MemoryLoader({ movieFiles: files }), { limit: 1 });
    expect(scored.commands[0].items).toEqual([{ id: 10, title: 'Movie 10 (2000)', score: 100, quality: 'Bluray-1080p' }]);
  });

  it('tagged movies are done for this cycle; when nothing untagged is eligible the cycle is exhausted', async () => {
    const movies = [movie({ id: 1, tags: [7] }), movie({ id: 2, tags: [7] }), movie({ id: 3, monitored: false })];
    const { result } = await plan({ type: 'missing' }, movies, new MemoryLoader(), { jobTagId: 7 });
    expect(result.commands).toEqual([]);
    expect(result.reasons.toRecord()).toEqual({ 'tagged this cycle': 2, unmonitored: 1 });
    expect(cycleExhausted(result)).toBe(true);
    // a tag that does not exist yet (dry run before the first run) tags nothing
    const { result: fresh } = await plan({ type: 'missing' }, movies, new MemoryLoader(), { jobTagId: null });
    expect(fresh.eligibleIds.sort()).toEqual([1, 2]);
  });

  it('rename previews are fetched lazily too', async () => {
    const movies = Array.from({ length: 400 }, (_, i) => movie({ id: i + 1, movieFileId: i + 1 }));
    const loader = new MemoryLoader({ renames: [{ movieId: 3, existingPath: 'x', newPath: 'y' }, { movieId: 300, existingPath: 'x', newPath: 'y' }] });
    const { result } = await plan({ type: 'rename', order: 'alphabetical' }, movies, loader, { limit: 1 });
    expect(result.commands.map((c) => c.body)).toEqual([{ name: 'RenameMovie', movieIds: [3] }]);
    expect(result.commands[0].cost).toBe(0);
    expect(loader.idsAsked('renames').length).toBeLessThan(50);
  });

  it('least recently searched puts never-searched movies first', async () => {
    const movies = [movie({ id: 1, lastSearchTime: iso(NOW - HOUR) }), movie({ id: 2 }), movie({ id: 3, lastSearchTime: iso(NOW - 48 * HOUR) })];
    const { result } = await plan({ type: 'missing', order: 'least-recently-searched' }, movies, new MemoryLoader(), { limit: 3 });
    expect(result.commands[0].body).toEqual({ name: 'MoviesSearch', movieIds: [2, 3, 1] });
  });
});
