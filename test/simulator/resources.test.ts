import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { call, get } from './http.js';

const NOW = Date.UTC(2025, 5, 1, 12);

describe('Radarr resources', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ app: 'radarr', size: 'small', now: () => NOW });
  });
  afterAll(() => sim.close());

  it('serves /movie pretty-printed with 2-space indents, no nulls, and every movie', async () => {
    const r = await call(sim, 'GET', '/api/v3/movie');
    expect(r.status).toBe(200);
    expect(r.headers.get('x-application-version')).toBe('6.0.3.10276');
    expect(r.text.startsWith('[\n  {\n    "title": ')).toBe(true);
    expect(r.text).not.toMatch(/: null/);
    const movies = r.json as { id: number; hasFile: boolean; movieFileId: number; statistics: unknown }[];
    expect(movies.map((m) => m.id)).toEqual([...sim.library.movies.keys()]);
    expect(movies.every((m) => m.hasFile === m.movieFileId > 0 && m.statistics !== undefined)).toBe(true);
    // spec/arr/NOTES.md §15: 3–8 KB per movie as served
    const perMovie = Buffer.byteLength(r.text) / movies.length;
    expect(perMovie).toBeGreaterThan(3000);
    expect(perMovie).toBeLessThan(8000);
  });

  it('filters /movie by tmdbId into a 0- or 1-element array', async () => {
    const m = sim.library.movies.get(5)!;
    expect((await get<{ id: number }[]>(sim, `/api/v3/movie?tmdbId=${m.tmdbId}`)).map((x) => x.id)).toEqual([5]);
    expect(await get(sim, '/api/v3/movie?tmdbId=1')).toEqual([]);
  });

  it('/movie/{id} of an unknown id is a ProblemDetails 404; an unknown route a bare 404; a wrong method 405', async () => {
    const r = await call(sim, 'GET', '/api/v3/movie/99999999');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.5', title: 'Not Found', status: 404 });
    const route = await call(sim, 'GET', '/api/v3/moviez');
    expect([route.status, route.text]).toEqual([404, '']);
    expect((await call(sim, 'DELETE', '/api/v3/qualityprofile')).status).toBe(405);
  });

  it('/moviefile needs ids (400 {message}) and serves real custom-format scores for repeated movieId', async () => {
    const none = await call(sim, 'GET', '/api/v3/moviefile');
    expect(none.status).toBe(400);
    expect(none.json).toEqual({ message: 'movieId or movieFileIds must be provided' });
    const files = await get<{ movieId: number; customFormatScore: number; qualityCutoffNotMet: boolean }[]>(sim, '/api/v3/moviefile?movieId=9&movieId=10&movieId=11&movieId=1');
    expect(files.map((f) => f.movieId)).toEqual([9, 10, 11]);
    // case 10 is at the quality cutoff with a score under the profile's cutoffFormatScore (100); case 11 meets both
    expect(files.map((f) => [f.qualityCutoffNotMet, f.customFormatScore])).toEqual([
      [true, expect.any(Number)],
      [false, 0],
      [false, 150],
    ]);
  });

  it('isAvailable follows minimumAvailability and the release dates at the injected clock', async () => {
    const avail = async (id: number) => (await get<{ isAvailable: boolean; status: string }>(sim, `/api/v3/movie/${id}`)).isAvailable;
    expect([await avail(1), await avail(3), await avail(4), await avail(5), await avail(6), await avail(7), await avail(8)]).toEqual([true, false, false, false, true, true, false]);
  });

  it('/rename needs a movieId and lists only files whose name would change', async () => {
    expect(await call(sim, 'GET', '/api/v3/rename').then((r) => [r.status, r.json])).toEqual([400, { message: 'movieId must be provided' }]);
    const previews = await get<{ movieId: number; existingPath: string; newPath: string }[]>(sim, '/api/v3/rename?movieId=15&movieId=11');
    expect(previews.map((p) => p.movieId)).toEqual([15]);
    expect(previews[0].existingPath).not.toBe(previews[0].newPath);
  });

  it('queue is paged and history/since filters on date and event type', async () => {
    const page = await get<{ pageSize: number; totalRecords: number; records: { movieId: number }[] }>(sim, '/api/v3/queue?pageSize=2');
    expect(page.pageSize).toBe(2);
    expect(page.totalRecords).toBe(sim.library.queue.length);
    expect(page.records.length).toBe(Math.min(2, sim.library.queue.length));
    const since = NOW - 10 * 86_400_000;
    const records = await get<{ date: string; eventType: string }[]>(sim, `/api/v3/history/since?date=${new Date(since).toISOString()}&eventType=grabbed`);
    expect(records.length).toBe(sim.library.history.filter((h) => h.date >= since && h.eventType === 'grabbed').length);
    const dates = records.map((r) => Date.parse(r.date));
    expect(dates.every((d) => d >= since)).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
  });
});

describe('Radarr version differences (spec/arr/NOTES.md §14)', () => {
  it('5.20 serves a placeholder score 0 on /movie; 5.9 has no lastSearchTime; 4.x no movieFileId', async () => {
    for (const [version, check] of [
      ['5.20.0.9000', (m: Record<string, unknown>) => expect((m.movieFile as Record<string, unknown>).customFormatScore).toBe(0)],
      ['5.9.0.9000', (m: Record<string, unknown>) => expect(m).not.toHaveProperty('lastSearchTime')],
      ['4.7.5.7809', (m: Record<string, unknown>) => expect(m).not.toHaveProperty('movieFileId')],
    ] as const) {
      const sim = await startSimulator({ app: 'radarr', size: 'tiny', version });
      sim.library.movies.get(9)!.lastSearchTime = NOW;
      check(await get<Record<string, unknown>>(sim, '/api/v3/movie/9'));
      await sim.close();
    }
  });
});

describe('Sonarr resources', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ app: 'sonarr', size: 'tiny', now: () => NOW, urlBase: 'sonarr/' });
  });
  afterAll(() => sim.close());

  it('sits under the URL base', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sonarr$/);
  });

  it('/episode needs a filter (400 {message}) and 404s an unknown series', async () => {
    expect(await call(sim, 'GET', '/api/v3/episode').then((r) => [r.status, r.json])).toEqual([400, { message: 'seriesId or episodeIds must be provided' }]);
    expect((await call(sim, 'GET', '/api/v3/episode?seriesId=9999')).status).toBe(404);
    expect(await call(sim, 'GET', '/api/v3/episodefile').then((r) => r.status)).toBe(400);
  });

  it('episodes of a series include specials; episodeIds repeat; TBA episodes carry no airDateUtc', async () => {
    const eps = await get<{ id: number; seasonNumber: number; airDateUtc?: string }[]>(sim, '/api/v3/episode?seriesId=1');
    expect(eps.some((e) => e.seasonNumber === 0)).toBe(true);
    expect(eps.some((e) => e.airDateUtc === undefined)).toBe(true);
    const two = await get<{ id: number }[]>(sim, `/api/v3/episode?episodeIds=${eps[0].id}&episodeIds=${eps[1].id}`);
    expect(two.map((e) => e.id)).toEqual([eps[0].id, eps[1].id]);
    const season = await get<{ seasonNumber: number }[]>(sim, '/api/v3/episode?seriesId=1&seasonNumber=1');
    expect(season.every((e) => e.seasonNumber === 1)).toBe(true);
  });

  it('series statistics: episodeCount = monitored aired or with a file; episodeFileCount = with a file', async () => {
    const s = await get<{ statistics: { episodeCount: number; episodeFileCount: number; totalEpisodeCount: number }; seasons: { seasonNumber: number; monitored: boolean }[] }>(sim, '/api/v3/series/3');
    const eps = [...sim.library.episodes.values()].filter((e) => e.seriesId === 3);
    expect(s.statistics).toMatchObject({
      totalEpisodeCount: eps.length,
      episodeFileCount: eps.filter((e) => e.episodeFileId > 0).length,
      episodeCount: eps.filter((e) => (e.monitored && e.airDateUtc! <= NOW) || e.episodeFileId > 0).length,
    });
    expect(s.seasons.find((x) => x.seasonNumber === 1)!.monitored).toBe(false);
  });

  it('/episodefile?seriesId serves every file with its computed score', async () => {
    const files = await get<{ seriesId: number; customFormatScore: number }[]>(sim, '/api/v3/episodefile?seriesId=6');
    expect(files.length).toBe([...sim.library.episodes.values()].filter((e) => e.seriesId === 6 && e.episodeFileId > 0).length);
    // case 6 is at the quality cutoff with only the "Streaming Service" format (25 < 100)
    expect(files.every((f) => f.customFormatScore === 25)).toBe(true);
  });

  it('rename preview by series lists the files whose name would change', async () => {
    const previews = await get<{ seriesId: number; episodeFileId: number }[]>(sim, '/api/v3/rename?seriesId=9');
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.every((p) => sim.library.episodeFiles.get(p.episodeFileId)!.needsRename)).toBe(true);
    const clean = [...sim.library.series.values()].find((x) => ![...sim.library.episodeFiles.values()].some((f) => f.seriesId === x.id && f.needsRename))!;
    expect(await get(sim, `/api/v3/rename?seriesId=${clean.id}`)).toEqual([]);
  });
});
