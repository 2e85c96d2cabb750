import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { call } from './http.js';

const tagsOf = (sim: Simulator, ids: number[]) => ids.map((id) => [...(sim.library.movies.get(id) ?? sim.library.series.get(id))!.tags]);

describe('bulk editors (spec/arr/NOTES.md §8)', () => {
  let sim: Simulator;
  afterEach(() => sim?.close());

  it('adds, removes and replaces tags; applyTags defaults to add; 202 with the updated movies, without hasFile', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    sim.library.movies.get(1)!.tags = [1];
    sim.library.movies.get(2)!.tags = [];
    const r = await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1, 2], tags: [9] });
    expect(r.status).toBe(202);
    const body = r.json as { id: number; tags: number[]; hasFile?: boolean; statistics?: unknown }[];
    expect(body.map((m) => [m.id, m.tags])).toEqual([[1, [1, 9]], [2, [9]]]);
    expect(body[0]).not.toHaveProperty('hasFile');
    expect(body[0]).not.toHaveProperty('statistics');

    await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1, 2], tags: [1], applyTags: 'remove' });
    expect(tagsOf(sim, [1, 2])).toEqual([[9], [9]]);
    await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1], tags: [3, 4], applyTags: 2 });
    expect(tagsOf(sim, [1])).toEqual([[3, 4]]);
    // tags left out: no tag change, other fields still apply
    await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1], monitored: false });
    expect(tagsOf(sim, [1])).toEqual([[3, 4]]);
    expect(sim.library.movies.get(1)!.monitored).toBe(false);
  });

  it('answers 500 and changes nothing when an id is unknown or repeated, or the list is null', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const before = tagsOf(sim, [1, 2, 3]);
    const unknown = await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1, 2, 99999], tags: [9], applyTags: 'add' });
    expect(unknown.status).toBe(500);
    expect((unknown.json as { message: string }).message).toBe('Expected query to return 3 rows but returned 2');
    const repeated = await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [3, 3], tags: [9] });
    expect(repeated.status).toBe(500);
    expect((repeated.json as { message: string }).message).toBe('Expected query to return 2 rows but returned 1');
    const nullIds = await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: null, tags: [9] });
    expect(nullIds.status).toBe(500);
    expect(tagsOf(sim, [1, 2, 3])).toEqual(before);
  });

  it('a bad applyTags is a 400 before any change', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const before = tagsOf(sim, [1, 2]);
    const r = await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1, 2], tags: [9], applyTags: 'merge' });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ title: 'One or more validation errors occurred.', status: 400 });
    expect(tagsOf(sim, [1, 2])).toEqual(before);
  });

  it('Sonarr series editor follows the same rules', async () => {
    sim = await startSimulator({ app: 'sonarr', size: 'tiny' });
    const ok = await call(sim, 'PUT', '/api/v3/series/editor', { seriesIds: [1, 2], tags: [7], applyTags: 'add' });
    expect(ok.status).toBe(202);
    expect(tagsOf(sim, [1, 2]).every((t) => t.includes(7))).toBe(true);
    const bad = await call(sim, 'PUT', '/api/v3/series/editor', { seriesIds: [1, 1], tags: [7], applyTags: 'remove' });
    expect(bad.status).toBe(500);
    expect(tagsOf(sim, [1]).every((t) => t.includes(7))).toBe(true);
  });
});
