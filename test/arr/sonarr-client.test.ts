// SonarrClient against a small real server: requests as Sonarr v4 (and v3) bind them, and the slim
// models made of Sonarr's answers.
import { afterEach, describe, expect, it } from 'vitest';
import { SonarrClient, type Series } from '../../src/arr';
import { type components } from '../../src/arr/generated/sonarr';
import { API_KEY, pagedRoute, routes, sendJson, sonarrStatus, startServer, type Received, type TestServer } from './support/test-server';

type S = components['schemas'];
type Res = Parameters<typeof sendJson>[0];

const servers: TestServer[] = [];
const clients: SonarrClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function sonarr(table: Record<string, unknown>, version = '4.0.19.2979') {
  const server = await startServer(routes({ 'GET /system/status': sonarrStatus(version), ...table }));
  servers.push(server);
  const client = new SonarrClient({ name: 'TV', kind: 'sonarr', url: server.url, apiKey: API_KEY });
  clients.push(client);
  const calls = (path: string) => server.requests.filter((r) => r.path === `/api/v3${path}`);
  return { server, client, calls };
}

const series: S['SeriesResource'] = {
  id: 3,
  title: 'Frieren',
  sortTitle: 'frieren',
  status: 'continuing',
  ended: false,
  overview: 'An elf {and} "friends"',
  nextAiring: '2026-01-10T15:00:00Z',
  previousAiring: '2024-03-22T15:00:00Z',
  seasons: [
    { seasonNumber: 0, monitored: false, statistics: { episodeFileCount: 0, episodeCount: 0, totalEpisodeCount: 2, sizeOnDisk: 0, releaseGroups: [], percentOfEpisodes: 0 } },
    { seasonNumber: 1, monitored: true, statistics: { previousAiring: '2024-03-22T15:00:00Z', episodeFileCount: 20, episodeCount: 28, totalEpisodeCount: 28, sizeOnDisk: 1, releaseGroups: [], percentOfEpisodes: 71.4 } },
  ],
  year: 2023,
  qualityProfileId: 6,
  monitored: true,
  seriesType: 'anime',
  tags: [2],
  added: '2023-09-29T00:00:00Z',
  statistics: { seasonCount: 1, episodeFileCount: 20, episodeCount: 28, totalEpisodeCount: 30, sizeOnDisk: 1, releaseGroups: [], percentOfEpisodes: 71.4 },
  languageProfileId: 1,
};

describe('SonarrClient', () => {
  it('series(): GET /series?includeSeasonImages=false, slim series with seasons and statistics', async () => {
    const { client, calls } = await sonarr({ 'GET /series': [series] });
    expect(await client.series()).toEqual<Series[]>([
      {
        id: 3,
        title: 'Frieren',
        sortTitle: 'frieren',
        year: 2023,
        monitored: true,
        status: 'continuing',
        seriesType: 'anime',
        qualityProfileId: 6,
        tags: [2],
        added: '2023-09-29T00:00:00Z',
        seasons: [
          { seasonNumber: 0, monitored: false, episodeCount: 0, episodeFileCount: 0, totalEpisodeCount: 2, nextAiring: undefined, previousAiring: undefined },
          { seasonNumber: 1, monitored: true, episodeCount: 28, episodeFileCount: 20, totalEpisodeCount: 28, nextAiring: undefined, previousAiring: '2024-03-22T15:00:00Z' },
        ],
        episodeCount: 28,
        episodeFileCount: 20,
        nextAiring: '2026-01-10T15:00:00Z',
        previousAiring: '2024-03-22T15:00:00Z',
      },
    ]);
    expect(calls('/series')[0].url).toBe('/api/v3/series?includeSeasonImages=false');
  });

  it('episodes(): one series, specials included, TBA air dates left undefined', async () => {
    const episodes: S['EpisodeResource'][] = [
      { id: 70, seriesId: 3, seasonNumber: 0, episodeNumber: 1, title: 'Special', airDate: '2024-01-01', airDateUtc: '2024-01-01T15:00:00Z', monitored: false, episodeFileId: 0, hasFile: false },
      { id: 71, seriesId: 3, seasonNumber: 2, episodeNumber: 1, title: 'TBA', monitored: true, episodeFileId: 0, hasFile: false, lastSearchTime: '2025-01-01T00:00:00Z' },
    ];
    const { client, calls } = await sonarr({ 'GET /episode': episodes });
    expect(await client.episodes(3)).toEqual([
      { id: 70, seriesId: 3, seasonNumber: 0, episodeNumber: 1, title: 'Special', airDateUtc: '2024-01-01T15:00:00Z', monitored: false, episodeFileId: 0, lastSearchTime: undefined },
      { id: 71, seriesId: 3, seasonNumber: 2, episodeNumber: 1, title: 'TBA', airDateUtc: undefined, monitored: true, episodeFileId: 0, lastSearchTime: '2025-01-01T00:00:00Z' },
    ]);
    expect(Object.fromEntries(calls('/episode')[0].query)).toEqual({ seriesId: '3', includeImages: 'false' });
  });

  it('episodeFiles(): a series\' files with real scores; episodeFilesByIds() repeats the key in chunks', async () => {
    const file = (id: number): S['EpisodeFileResource'] => ({
      id,
      seriesId: 3,
      seasonNumber: 1,
      quality: { quality: { id: 3, name: 'WEBDL-1080p', source: 'web', resolution: 1080 }, revision: { version: 1, real: 0, isRepack: false } },
      customFormatScore: id === 500 ? -10 : 40,
      qualityCutoffNotMet: id === 500,
    });
    const { client, calls } = await sonarr({
      'GET /episodefile': (req: Received, res: Res) =>
        sendJson(res, 200, req.query.has('seriesId') ? [file(500)] : req.query.getAll('episodeFileIds').map((id) => file(Number(id)))),
    });
    expect(await client.episodeFiles(3)).toEqual([{ id: 500, seriesId: 3, seasonNumber: 1, quality: 'WEBDL-1080p', qualityCutoffNotMet: true, customFormatScore: -10 }]);
    const byIds = await client.episodeFilesByIds([...Array.from({ length: 150 }, (_, i) => i + 1), 1]);
    expect(byIds).toHaveLength(150);
    expect(calls('/episodefile').slice(1).map((r) => r.query.getAll('episodeFileIds').length)).toEqual([100, 50]);
  });

  it('Sonarr v3 gets comma-separated id lists and its own wanted sort key', async () => {
    const { client, calls } = await sonarr({ 'GET /episodefile': [], 'GET /wanted/missing': pagedRoute([]) }, '3.0.10.1567');
    await client.connect();
    await client.episodeFilesByIds([4, 5, 6]);
    for await (const _e of client.wantedMissing()) {
      // none
    }
    expect(calls('/episodefile')[0].url).toBe('/api/v3/episodefile?episodeFileIds=4%2C5%2C6');
    expect(calls('/wanted/missing')[0].query.get('sortKey')).toBe('airDateUtc');
  });

  it('wantedMissing() and wantedCutoff(): paged with explicit direction, without series or files embedded', async () => {
    const ep = (id: number): S['EpisodeResource'] => ({ id, seriesId: 3, seasonNumber: 1, episodeNumber: id, title: `E${id}`, airDateUtc: '2024-01-01T15:00:00Z', monitored: true, episodeFileId: 0 });
    const { client, calls } = await sonarr({ 'GET /wanted/missing': pagedRoute([1, 2, 3, 4, 5].map(ep)), 'GET /wanted/cutoff': pagedRoute([ep(9)]) });
    const missing: number[] = [];
    for await (const e of client.wantedMissing({ pageSize: 2 })) missing.push(e.id);
    const cutoff: number[] = [];
    for await (const e of client.wantedCutoff()) cutoff.push(e.id);
    expect(missing).toEqual([1, 2, 3, 4, 5]);
    expect(cutoff).toEqual([9]);
    expect(calls('/wanted/missing').map((r) => r.query.get('page'))).toEqual(['1', '2', '3']);
    expect(Object.fromEntries(calls('/wanted/missing')[0].query)).toEqual({
      includeSeries: 'false',
      includeImages: 'false',
      monitored: 'true',
      page: '1',
      pageSize: '2',
      sortKey: 'episodes.airDateUtc',
      sortDirection: 'ascending',
    });
    expect(Object.fromEntries(calls('/wanted/cutoff')[0].query)).toMatchObject({ includeEpisodeFile: 'false', pageSize: '250', sortDirection: 'ascending' });
  });

  it('queue(): one record per episode', async () => {
    const items: S['QueueResource'][] = [
      { id: 8, seriesId: 3, episodeId: 71, seasonNumber: 1, title: 'Frieren.S01.1080p', status: 'downloading', trackedDownloadState: 'downloading' },
      { id: 9, seriesId: 3, episodeId: 72, seasonNumber: 1, title: 'Frieren.S01.1080p', status: 'downloading', trackedDownloadState: 'downloading' },
    ];
    const { client, calls } = await sonarr({ 'GET /queue': pagedRoute(items) });
    const out = [];
    for await (const q of client.queue()) out.push(q);
    expect(out).toEqual([
      { id: 8, seriesId: 3, episodeId: 71, seasonNumber: 1, title: 'Frieren.S01.1080p', status: 'downloading', trackedDownloadState: 'downloading' },
      { id: 9, seriesId: 3, episodeId: 72, seasonNumber: 1, title: 'Frieren.S01.1080p', status: 'downloading', trackedDownloadState: 'downloading' },
    ]);
    expect(calls('/queue')[0].query.get('includeUnknownSeriesItems')).toBe('false');
  });

  it('grabbedSince(): without embedded series or episodes', async () => {
    const { client, calls } = await sonarr({
      'GET /history/since': [{ id: 1, seriesId: 3, episodeId: 71, sourceTitle: 'Frieren.S01E01', date: '2024-06-01T00:00:00Z', eventType: 'grabbed', customFormatScore: 40 }],
    });
    expect(await client.grabbedSince(new Date(Date.UTC(2024, 4, 31)))).toEqual([
      { id: 1, date: '2024-06-01T00:00:00Z', seriesId: 3, episodeId: 71, sourceTitle: 'Frieren.S01E01', quality: undefined, customFormatScore: 40, downloadId: undefined },
    ]);
    expect(Object.fromEntries(calls('/history/since')[0].query)).toEqual({ date: '2024-05-31T00:00:00.000Z', eventType: 'grabbed', includeSeries: 'false', includeEpisode: 'false' });
  });

  it('renamePreview(): one request per series', async () => {
    const { client, calls } = await sonarr({
      'GET /rename': (req: Received, res: Res) =>
        sendJson(res, 200, req.query.get('seriesId') === '3' ? [{ seriesId: 3, seasonNumber: 1, episodeNumbers: [1, 2], episodeFileId: 500, existingPath: 'S01E01E02.mkv', newPath: 'Frieren - S01E01-E02.mkv' }] : []),
    });
    expect(await client.renamePreview([3, 4, 3])).toEqual([{ seriesId: 3, seasonNumber: 1, episodeNumbers: [1, 2], episodeFileId: 500, existingPath: 'S01E01E02.mkv', newPath: 'Frieren - S01E01-E02.mkv' }]);
    expect(calls('/rename').map((r) => r.url)).toEqual(['/api/v3/rename?seriesId=3', '/api/v3/rename?seriesId=4']);
  });

  it('sendCommand(): season and episode searches, checked', async () => {
    const { client, calls, server } = await sonarr({
      'POST /command': (req: Received, res: Res) => sendJson(res, 201, { id: 50, ...(JSON.parse(req.body) as object), status: 'queued' }),
    });
    await client.sendCommand({ name: 'SeasonSearch', seriesId: 3, seasonNumber: 0 });
    await client.sendCommand({ name: 'EpisodeSearch', episodeIds: [71, 72, 71] });
    await client.sendCommand({ name: 'SeriesSearch', seriesId: 3 });
    expect(calls('/command').map((r) => JSON.parse(r.body) as unknown)).toEqual([
      { name: 'SeasonSearch', seriesId: 3, seasonNumber: 0 },
      { name: 'EpisodeSearch', episodeIds: [71, 72] },
      { name: 'SeriesSearch', seriesId: 3 },
    ]);
    const before = server.requests.length;
    await expect(client.sendCommand({ name: 'SeasonSearch', seriesId: 3, seasonNumber: -1 })).rejects.toThrow('Sonarr "TV": SeasonSearch seasonNumber must be a non-negative integer (got -1)');
    await expect(client.sendCommand({ name: 'SeriesSearch', seriesId: 0 })).rejects.toThrow('Sonarr "TV": SeriesSearch seriesId must be a positive integer (got 0)');
    expect(server.requests.length).toBe(before);
  });

  it('editTags(): PUT /series/editor with seriesIds', async () => {
    const { client, calls } = await sonarr({ 'PUT /series/editor': (_req: Received, res: Res) => sendJson(res, 202, []) });
    await client.editTags([3, 3, 4], [2], 'remove');
    expect(JSON.parse(calls('/series/editor')[0].body)).toEqual({ seriesIds: [3, 4], tags: [2], applyTags: 'remove' });
  });
});
