import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfiles, emptyLibrary, startSimulator, type Simulator } from '../../src/simulator/index.js';
import { call, get } from './http.js';

interface Cmd {
  id: number;
  name: string;
  status: string;
  result: string;
  message?: string;
  exception?: string;
  body: Record<string, unknown>;
}

const T0 = Date.UTC(2025, 5, 1, 12);
const post = async (sim: Simulator, body: unknown) => {
  const r = await call(sim, 'POST', '/api/v3/command', body);
  return { status: r.status, cmd: r.json as Cmd };
};
const poll = (sim: Simulator, id: number) => get<Cmd>(sim, `/api/v3/command/${id}`);

describe('commands (spec/arr/NOTES.md §9)', () => {
  let sim: Simulator;
  let clock = T0;
  afterEach(() => sim?.close());

  it('201 for a new command; names match case-insensitively', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny', now: () => clock });
    const { status, cmd } = await post(sim, { name: 'moviessearch', movieIds: [1] });
    expect(status).toBe(201);
    expect(cmd).toMatchObject({ name: 'MoviesSearch', status: 'queued', result: 'unknown', body: expect.objectContaining({ movieIds: [1], trigger: 'manual' }) });
  });

  it('unknown name → 500 "Sequence contains no matching element"; missing name → 400 validation array', async () => {
    sim = await startSimulator({ app: 'sonarr', size: 'tiny' });
    const unknown = await call(sim, 'POST', '/api/v3/command', { name: 'MoviesSearch', movieIds: [1] });
    expect(unknown.status).toBe(500);
    expect((unknown.json as { message: string }).message).toBe('Sequence contains no matching element');
    const missing = await call(sim, 'POST', '/api/v3/command', { movieIds: [1] });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual([expect.objectContaining({ propertyName: 'Name', errorCode: 'NotEmptyValidator' })]);
  });

  it('merges an identical queued or started command (ids compared as sets) and not a different one', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const a = (await post(sim, { name: 'MoviesSearch', movieIds: [1, 2] })).cmd;
    const same = (await post(sim, { name: 'MoviesSearch', movieIds: [2, 1] })).cmd;
    expect(same.id).toBe(a.id);
    const other = (await post(sim, { name: 'MoviesSearch', movieIds: [1, 3] })).cmd;
    expect(other.id).not.toBe(a.id);
    expect((await poll(sim, a.id)).status).toBe('started');
    expect((await post(sim, { name: 'MoviesSearch', movieIds: [1, 2] })).cmd).toMatchObject({ id: a.id, status: 'started' });
    expect((await poll(sim, a.id)).status).toBe('completed');
    const fresh = (await post(sim, { name: 'MoviesSearch', movieIds: [1, 2] })).cmd;
    expect(fresh.id).not.toBe(a.id);
  });

  it('moves one step per poll: queued → started → completed, then stays; unknown id → 404', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny', now: () => clock });
    const { cmd } = await post(sim, { name: 'RefreshMovie', movieIds: [2] });
    expect(sim.library.movies.get(2)!.lastRefreshed).toBeUndefined();
    expect((await poll(sim, cmd.id)).status).toBe('started');
    const done = await poll(sim, cmd.id);
    expect(done).toMatchObject({ status: 'completed', result: 'successful' });
    expect((await poll(sim, cmd.id)).status).toBe('completed');
    expect(sim.library.movies.get(2)!.lastRefreshed).toBe(clock);
    expect((await call(sim, 'GET', '/api/v3/command/4242')).status).toBe(404);
  });

  it('a movie search updates lastSearchTime, grabs into history and queue at the injected clock, and logs its cost', async () => {
    clock = T0;
    sim = await startSimulator({ app: 'radarr', size: 'tiny', now: () => clock, grabChance: 1 });
    // movie 1 is missing, movie 11 already meets every cutoff
    const { cmd } = await post(sim, { name: 'MoviesSearch', movieIds: [1, 11] });
    clock += 60_000;
    await poll(sim, cmd.id);
    await poll(sim, cmd.id);
    expect(sim.library.movies.get(1)!.lastSearchTime).toBe(clock);
    expect(sim.library.movies.get(11)!.lastSearchTime).toBe(clock);
    expect(sim.searches).toEqual([{ commandId: cmd.id, command: 'MoviesSearch', ids: expect.arrayContaining([1, 11]), cost: 2, indexersQueried: true, grabbed: [1], at: clock }]);
    const since = await get<{ movieId: number; eventType: string; date: string; customFormatScore: number; sourceTitle: string }[]>(sim, `/api/v3/history/since?date=${new Date(clock).toISOString()}&eventType=grabbed`);
    expect(since).toEqual([expect.objectContaining({ movieId: 1, eventType: 'grabbed', date: new Date(clock).toISOString().replace('.000Z', 'Z') })]);
    expect(since[0].sourceTitle).toMatch(/\S/);
    expect(typeof since[0].customFormatScore).toBe('number');
    expect(sim.library.queue.some((q) => q.movieId === 1)).toBe(true);
    const movie = await get<{ lastSearchTime: string }>(sim, '/api/v3/movie/1');
    expect(Date.parse(movie.lastSearchTime)).toBe(clock);
  });

  it('MoviesSearch with an unknown id fails before any search', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const before = sim.library.movies.get(1)!.lastSearchTime;
    const { cmd } = await post(sim, { name: 'MoviesSearch', movieIds: [1, 99999] });
    await poll(sim, cmd.id);
    const done = await poll(sim, cmd.id);
    expect(done).toMatchObject({ status: 'failed', result: 'unknown', message: 'Expected query to return 2 rows but returned 1' });
    expect(done.exception).toContain('Expected query to return 2 rows');
    expect(sim.library.movies.get(1)!.lastSearchTime).toBe(before);
    expect(sim.searches).toEqual([]);
  });

  it('with indexers backed off a search completes but lastSearchTime stays and nothing is grabbed', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny', grabChance: 1 });
    sim.faults.indexersBackedOff = true;
    const before = sim.library.movies.get(1)!.lastSearchTime;
    const history = sim.library.history.length;
    const { cmd } = await post(sim, { name: 'MoviesSearch', movieIds: [1] });
    sim.runCommands();
    expect(sim.commands.get(cmd.id)!.status).toBe('completed');
    expect(sim.library.movies.get(1)!.lastSearchTime).toBe(before);
    expect(sim.library.history.length).toBe(history);
    expect(sim.searches[0]).toMatchObject({ indexersQueried: false, cost: 0, grabbed: [] });
  });

  it('failCommands makes commands end failed with an exception message', async () => {
    sim = await startSimulator({ app: 'sonarr', size: 'tiny' });
    sim.faults.failCommands = 1;
    const first = (await post(sim, { name: 'EpisodeSearch', episodeIds: [1] })).cmd;
    const second = (await post(sim, { name: 'EpisodeSearch', episodeIds: [2] })).cmd;
    sim.runCommands();
    expect(sim.commands.get(first.id)).toMatchObject({ status: 'failed', exception: expect.stringContaining('Simulated failure') });
    expect(sim.commands.get(second.id)!.status).toBe('completed');
  });

  it('Sonarr search costs: a season 1, an anime season 1 + its episodes, a series its monitored seasons', async () => {
    clock = T0;
    sim = await startSimulator({ app: 'sonarr', size: 'tiny', now: () => clock, grabChance: 0 });
    const lib = sim.library;
    const anime = lib.series.get(4)!;
    expect(anime.seriesType).toBe('anime');
    const airedAnimeS1 = [...lib.episodes.values()].filter((e) => e.seriesId === 4 && e.seasonNumber === 1 && e.monitored && e.airDateUtc! <= clock);
    await post(sim, { name: 'SeasonSearch', seriesId: 1, seasonNumber: 1 });
    await post(sim, { name: 'SeasonSearch', seriesId: 4, seasonNumber: 1 });
    await post(sim, { name: 'SeriesSearch', seriesId: 3 });
    await post(sim, { name: 'EpisodeSearch', episodeIds: [1, 2, 3] });
    sim.runCommands();
    const costs = sim.searches.map((s) => [s.command, s.seriesId, s.cost]);
    const monitoredSeasons3 = lib.series.get(3)!.seasons.filter((s) => s.monitored).length;
    expect(costs).toEqual([
      ['SeasonSearch', 1, 1],
      ['SeasonSearch', 4, 1 + airedAnimeS1.length],
      ['SeriesSearch', 3, monitoredSeasons3],
      ['EpisodeSearch', undefined, 3],
    ]);
    expect(sim.searches[0].ids.every((id) => lib.episodes.get(id)!.lastSearchTime === clock)).toBe(true);
  });

  it('EpisodeSearch with an unknown id fails at that id, after searching the ones before it', async () => {
    sim = await startSimulator({ app: 'sonarr', size: 'tiny' });
    const { cmd } = await post(sim, { name: 'EpisodeSearch', episodeIds: [1, 999999, 2] });
    sim.runCommands();
    expect(sim.commands.get(cmd.id)).toMatchObject({ status: 'failed', message: 'Episode with ID 999999 does not exist' });
    expect(sim.searches.map((s) => s.ids)).toEqual([[1]]);
  });

  it('GET /command lists the commands; DELETE cancels only a queued one', async () => {
    sim = await startSimulator({ app: 'radarr', size: 'tiny' });
    const a = (await post(sim, { name: 'RssSync' })).cmd;
    const b = (await post(sim, { name: 'MoviesSearch', movieIds: [1] })).cmd;
    await poll(sim, b.id);
    expect((await get<Cmd[]>(sim, '/api/v3/command')).map((c) => c.id)).toEqual([a.id, b.id]);
    expect((await call(sim, 'DELETE', `/api/v3/command/${b.id}`)).status).toBe(409);
    expect((await call(sim, 'DELETE', `/api/v3/command/${a.id}`)).status).toBe(200);
    expect((await get<Cmd[]>(sim, '/api/v3/command')).map((c) => c.id)).toEqual([b.id]);
  });
});

describe('MissingEpisodeSearch grouping (spec/arr/NOTES.md §13)', () => {
  it('groups ≥2 episodes of a season into a season search (anime: 1 + episodes) and leaves single ones as episode searches', async () => {
    const lib = emptyLibrary('sonarr', T0);
    lib.qualityProfiles = defaultProfiles('sonarr');
    const series = (id: number, seriesType: 'standard' | 'anime') =>
      lib.series.set(id, { id, title: `S${id}`, year: 2020, tvdbId: id, imdbId: `tt${id}`, monitored: true, qualityProfileId: 1, seriesType, status: 'ended', network: 'N', runtime: 30, added: T0, tags: [], seasons: [1, 2].map((n) => ({ seasonNumber: n, monitored: true })) });
    series(1, 'standard');
    series(2, 'anime');
    const ep = (id: number, seriesId: number, season: number) =>
      lib.episodes.set(id, { id, seriesId, seasonNumber: season, episodeNumber: id, airDateUtc: T0 - 10 * 86_400_000, monitored: true, episodeFileId: 0 });
    ep(1, 1, 1);
    ep(2, 1, 1);
    ep(3, 1, 2);
    ep(4, 2, 1);
    ep(5, 2, 1);
    ep(6, 2, 1);
    const sim = await startSimulator({ app: 'sonarr', library: lib, now: () => T0, grabChance: 0 });
    try {
      await post(sim, { name: 'MissingEpisodeSearch', monitored: true });
      sim.runCommands();
      expect(sim.searches).toHaveLength(1);
      expect(sim.searches[0].ids.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(sim.searches[0].cost).toBe(1 + 1 + (1 + 3));
    } finally {
      await sim.close();
    }
  });
});
