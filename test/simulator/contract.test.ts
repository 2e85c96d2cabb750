import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { checkExchange, createContractRecorder, type ContractRecorder } from '../support/contract/index.js';
import { call, get } from './http.js';

/** Drives every endpoint the simulator serves; the recorder checks each exchange against the spec. */
async function driveRadarr(sim: Simulator): Promise<void> {
  await get(sim, '/api');
  await get(sim, '/api/v3/system/status');
  await get(sim, '/api/v3/health');
  sim.faults.indexersBackedOff = true;
  await get(sim, '/api/v3/health');
  sim.faults.indexersBackedOff = false;
  await get(sim, '/api/v3/tag');
  await call(sim, 'POST', '/api/v3/tag', { label: 'trawlarr-missing' });
  await get(sim, '/api/v3/tag/1');
  await call(sim, 'PUT', '/api/v3/tag/1', { id: 1, label: 'kids' });
  await get(sim, '/api/v3/tag/detail');
  await get(sim, '/api/v3/tag/detail/1');
  await get(sim, '/api/v3/movie?excludeLocalCovers=true');
  const movies = await get<{ id: number; tmdbId: number }[]>(sim, '/api/v3/movie');
  await get(sim, `/api/v3/movie?tmdbId=${movies[0].tmdbId}`);
  for (const id of [1, 9, 10, 15]) await get(sim, `/api/v3/movie/${id}`);
  await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1, 2, 3], tags: [5], applyTags: 'add' });
  await call(sim, 'PUT', '/api/v3/movie/editor', { movieIds: [1, 2], monitored: true, minimumAvailability: 'released', tags: [5], applyTags: 'remove' });
  await get(sim, '/api/v3/moviefile?movieId=9&movieId=10&movieId=11&movieId=12');
  await get(sim, '/api/v3/moviefile?movieFileIds=1&movieFileIds=2');
  await get(sim, '/api/v3/moviefile/1');
  await get(sim, '/api/v3/rename?movieId=15&movieId=9');
  for (const w of ['missing', 'cutoff']) {
    await get(sim, `/api/v3/wanted/${w}`);
    await get(sim, `/api/v3/wanted/${w}?page=2&pageSize=5&sortKey=movies.lastSearchTime&sortDirection=ascending&monitored=false`);
  }
  await get(sim, '/api/v3/qualityprofile');
  await get(sim, '/api/v3/qualityprofile/1');
  await get(sim, '/api/v3/queue?page=1&pageSize=50&includeMovie=true');
  await get(sim, '/api/v3/queue/status');
  await get(sim, '/api/v3/queue/details?movieId=17');
  await get(sim, '/api/v3/history?page=1&pageSize=20&eventType=1');
  await get(sim, '/api/v3/history/since?date=2000-01-01T00:00:00Z&eventType=grabbed&includeMovie=true');
  await get(sim, '/api/v3/history/movie?movieId=17&eventType=grabbed');
  const cmd = (await call(sim, 'POST', '/api/v3/command', { name: 'MoviesSearch', movieIds: [1, 9, 10] })).json as { id: number };
  for (let i = 0; i < 3; i++) await get(sim, `/api/v3/command/${cmd.id}`);
  for (const body of [{ name: 'RefreshMovie', movieIds: [1] }, { name: 'RenameMovie', movieIds: [15] }, { name: 'MissingMoviesSearch' }, { name: 'CutoffUnmetMoviesSearch' }]) {
    await call(sim, 'POST', '/api/v3/command', body);
  }
  await get(sim, '/api/v3/command');
  sim.runCommands();
  await get(sim, '/api/v3/command');
}

async function driveSonarr(sim: Simulator): Promise<void> {
  await get(sim, '/api');
  await get(sim, '/api/v3/system/status');
  sim.faults.indexersBackedOff = true;
  await get(sim, '/api/v3/health');
  sim.faults.indexersBackedOff = false;
  await get(sim, '/api/v3/tag');
  await call(sim, 'POST', '/api/v3/tag', { label: 'trawlarr-new' });
  await get(sim, '/api/v3/tag/detail');
  const series = await get<{ id: number; tvdbId: number }[]>(sim, '/api/v3/series');
  await get(sim, `/api/v3/series?tvdbId=${series[0].tvdbId}`);
  for (const s of series.slice(0, 11)) await get(sim, `/api/v3/series/${s.id}`);
  await call(sim, 'PUT', '/api/v3/series/editor', { seriesIds: [1, 2], tags: [5], applyTags: 'add' });
  await call(sim, 'PUT', '/api/v3/series/editor', { seriesIds: [1], monitored: true, monitorNewItems: 'all', seriesType: 'standard', tags: [5], applyTags: 'replace' });
  for (const s of series.slice(0, 11)) {
    await get(sim, `/api/v3/episode?seriesId=${s.id}`);
    await get(sim, `/api/v3/episodefile?seriesId=${s.id}`);
    await get(sim, `/api/v3/rename?seriesId=${s.id}`);
  }
  await get(sim, '/api/v3/episode?seriesId=1&seasonNumber=1&includeEpisodeFile=true&includeSeries=true');
  await get(sim, '/api/v3/episode?episodeIds=1&episodeIds=2');
  await get(sim, '/api/v3/episode/1');
  await get(sim, '/api/v3/episodefile?episodeFileIds=1&episodeFileIds=2');
  await get(sim, '/api/v3/episodefile/1');
  for (const w of ['missing', 'cutoff']) {
    await get(sim, `/api/v3/wanted/${w}`);
    await get(sim, `/api/v3/wanted/${w}?page=1&pageSize=50&sortKey=episodes.lastSearchTime&sortDirection=ascending&includeSeries=true&monitored=false`);
  }
  await get(sim, '/api/v3/wanted/missing/1');
  await get(sim, '/api/v3/qualityprofile');
  await get(sim, '/api/v3/queue?includeSeries=true&includeEpisode=true&pageSize=100');
  await get(sim, '/api/v3/queue/status');
  await get(sim, '/api/v3/queue/details?seriesId=10');
  await get(sim, '/api/v3/history?pageSize=50&eventType=1');
  await get(sim, '/api/v3/history/since?date=2000-01-01T00:00:00Z&eventType=grabbed&includeSeries=true&includeEpisode=true');
  await get(sim, '/api/v3/history/series?seriesId=10&eventType=grabbed');
  const bodies = [
    { name: 'SeriesSearch', seriesId: 1 },
    { name: 'SeasonSearch', seriesId: 4, seasonNumber: 1 },
    { name: 'EpisodeSearch', episodeIds: [1, 2] },
    { name: 'MissingEpisodeSearch', monitored: true },
    { name: 'CutoffUnmetEpisodeSearch', seriesId: 5, monitored: true },
    { name: 'RefreshSeries', seriesIds: [1] },
    { name: 'RenameSeries', seriesIds: [9] },
  ];
  for (const body of bodies) {
    const c = (await call(sim, 'POST', '/api/v3/command', body)).json as { id: number };
    await get(sim, `/api/v3/command/${c.id}`);
    await get(sim, `/api/v3/command/${c.id}`);
  }
  await get(sim, '/api/v3/command');
}

describe('simulator responses match the upstream OpenAPI specs', () => {
  const recorders: Record<string, ContractRecorder> = {};
  const sims: Simulator[] = [];
  beforeAll(async () => {
    for (const app of ['radarr', 'sonarr'] as const) {
      recorders[app] = createContractRecorder(app);
      sims.push(await startSimulator({ app, apiKey: 'k'.repeat(32), size: 'tiny', seed: 7, grabChance: 1, onExchange: recorders[app].onExchange, sampleLimit: 10 }));
    }
  });
  afterAll(async () => Promise.all(sims.map((s) => s.close())));

  it('Radarr: every endpoint', async () => {
    await driveRadarr(sims[0]);
    expect(recorders.radarr.report()).toBe('');
    expect(recorders.radarr.checked()).toBeGreaterThan(40);
  });

  it('Sonarr: every endpoint', async () => {
    await driveSonarr(sims[1]);
    expect(recorders.sonarr.report()).toBe('');
    expect(recorders.sonarr.checked()).toBeGreaterThan(60);
  });
});

describe('the contract validator catches drift', () => {
  it('flags a string where the spec says integer', () => {
    const v = checkExchange('radarr', { method: 'GET', path: '/api/v3/tag/1', status: 200, responseBody: { id: '1', label: 'x' } });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ where: 'responseBody' });
    expect(v[0].message).toContain('/id must be integer');
  });

  it('flags a property the spec does not have', () => {
    const v = checkExchange('radarr', { method: 'GET', path: '/api/v3/tag', status: 200, responseBody: [{ id: 1, label: 'x', colour: 'red' }] });
    expect(v.map((x) => x.message).join()).toContain('colour');
  });

  it('flags an unknown path, an undocumented method and a wrong request body', () => {
    expect(checkExchange('sonarr', { method: 'GET', path: '/api/v3/movie', status: 200 })[0]).toMatchObject({ where: 'path' });
    expect(checkExchange('radarr', { method: 'PATCH', path: '/api/v3/movie/1', status: 200 })[0]).toMatchObject({ where: 'method' });
    const body = checkExchange('radarr', { method: 'PUT', path: '/api/v3/movie/editor', status: 202, requestBody: { movieIds: ['1'], applyTags: 'merge' } });
    expect(body.map((x) => x.where)).toEqual(['requestBody']);
    expect(body[0].message).toMatch(/movieIds\/0 must be integer/);
    expect(body[0].message).toMatch(/applyTags must be equal to one of the allowed values/);
  });

  it('flags query parameters the endpoint does not take, and comma lists where ids repeat', () => {
    const v = checkExchange('radarr', { method: 'GET', path: '/api/v3/moviefile', query: { movieIds: ['1'], movieId: ['1,2'] }, status: 200 });
    expect(v.map((x) => x.message)).toEqual([
      'query parameter "movieIds" is not documented for GET /api/v3/moviefile',
      'query parameter movieId=1,2 is not an integer (send repeated keys, not a comma list)',
    ]);
  });

  it('checks a sample of a streamed list element by element', () => {
    const v = checkExchange('sonarr', { method: 'GET', path: '/api/v3/series', status: 200, responseSample: { total: 5000, elements: [{ id: 1, title: 'ok' }, { id: 2, title: 7 }] } });
    expect(v).toHaveLength(1);
    expect(v[0].message).toContain('sampled element 1');
  });
});
