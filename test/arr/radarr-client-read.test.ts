// RadarrClient's reading calls against a small real server: the exact requests (paths, repeated-key
// ids, chunking, paging parameters) and the slim models made of Radarr's answers.
import { describe, expect, it } from 'vitest';
import { type Movie } from '../../src/arr';
import { type components } from '../../src/arr/generated/radarr';
import { radarr, quality, movieWithFile, movieWithoutFile } from './support/radarr-fixtures';
import { pagedRoute, sendJson, type Received } from './support/test-server';

type S = components['schemas'];

describe('RadarrClient', () => {
  it('connect() reads app and major version', async () => {
    const { client } = await radarr({});
    expect(await client.connect()).toEqual({ appName: 'Radarr', version: '6.0.3.10276', major: 6, instanceName: 'Radarr', urlBase: '' });
    expect(client.info?.major).toBe(6);
    expect(client.hasWantedEndpoints).toBe(true);
  });

  it('movies(): GET /movie?excludeLocalCovers=true, slim movies without the /movie CF placeholder', async () => {
    const { client, calls } = await radarr({ 'GET /movie': [movieWithFile, movieWithoutFile] });
    const movies = await client.movies();
    expect(calls('/movie')[0].url).toBe('/radarr/api/v3/movie?excludeLocalCovers=true');
    expect(movies).toEqual<Movie[]>([
      {
        id: 12,
        title: 'Amélie',
        sortTitle: 'amelie',
        year: 2001,
        monitored: true,
        status: 'released',
        minimumAvailability: 'released',
        isAvailable: true,
        inCinemas: '2001-04-25T00:00:00Z',
        physicalRelease: '2002-02-05T00:00:00Z',
        digitalRelease: '2002-01-01T00:00:00Z',
        qualityProfileId: 4,
        tags: [1, 3],
        added: '2020-01-01T10:00:00Z',
        movieFileId: 77,
        file: { quality: 'Bluray-1080p', qualityCutoffNotMet: true },
        lastSearchTime: '2024-05-01T00:00:00Z',
      },
      {
        id: 13,
        title: 'Dune',
        sortTitle: 'dune',
        year: 2021,
        monitored: false,
        status: 'inCinemas',
        minimumAvailability: 'released',
        isAvailable: false,
        inCinemas: undefined,
        physicalRelease: undefined,
        digitalRelease: undefined,
        qualityProfileId: 1,
        tags: [],
        added: '2021-01-01T00:00:00Z',
        movieFileId: 0,
        file: undefined,
        lastSearchTime: undefined,
      },
    ]);
  });

  it('movies(): Radarr v4 has no movieFileId, the nested file id counts', async () => {
    const { movieFileId: _drop, ...v4 } = movieWithFile;
    const { client } = await radarr({ 'GET /movie': [v4] });
    expect((await client.movies())[0].movieFileId).toBe(77);
  });

  it('movieFiles(): de-duplicated ids, repeated movieId keys, 100 per request, real scores', async () => {
    const { client, calls } = await radarr({
      'GET /moviefile': (req: Received, res: Parameters<typeof sendJson>[0]) =>
        sendJson(
          res,
          200,
          req.query.getAll('movieId').map((id): S['MovieFileResource'] => ({ id: 1000 + Number(id), movieId: Number(id), quality: quality(7, 'Bluray-1080p'), customFormatScore: Number(id) % 7, qualityCutoffNotMet: false })),
        ),
    });
    const ids = [...Array.from({ length: 250 }, (_, i) => i + 1), 5, 17, 250];
    const files = await client.movieFiles(ids);
    const sent = calls('/moviefile').map((r) => r.query.getAll('movieId').map(Number));
    expect(sent.map((s) => s.length)).toEqual([100, 100, 50]);
    expect(sent.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(calls('/moviefile')[0].url.startsWith('/radarr/api/v3/moviefile?movieId=1&movieId=2&movieId=3&')).toBe(true);
    expect(files).toHaveLength(250);
    expect(files[16]).toEqual({ id: 1017, movieId: 17, quality: 'Bluray-1080p', qualityCutoffNotMet: false, customFormatScore: 3 });
  });

  it('movieFiles() and renamePreview() send one id per request to versions without repeated ids', async () => {
    const { client, calls } = await radarr({ 'GET /moviefile': [], 'GET /rename': [] }, '5.2.0.8000');
    await client.connect();
    await client.movieFiles([1, 2, 3]);
    await client.renamePreview([4, 5]);
    expect(calls('/moviefile').map((r) => r.url)).toEqual(['/radarr/api/v3/moviefile?movieId=1', '/radarr/api/v3/moviefile?movieId=2', '/radarr/api/v3/moviefile?movieId=3']);
    expect(calls('/rename').map((r) => r.query.getAll('movieId'))).toEqual([['4'], ['5']]);
    expect(client.hasWantedEndpoints).toBe(false);
  });

  it('renamePreview(): repeated movieId on current versions; returns the previews', async () => {
    const preview: S['RenameMovieResource'] = { movieId: 3, movieFileId: 9, existingPath: 'Old Name.mkv', newPath: 'New Name (2001).mkv' };
    const { client, calls } = await radarr({ 'GET /rename': [preview] });
    await client.connect();
    expect(await client.renamePreview([3, 4, 3])).toEqual([{ movieId: 3, movieFileId: 9, existingPath: 'Old Name.mkv', newPath: 'New Name (2001).mkv' }]);
    expect(calls('/rename')[0].url).toBe('/radarr/api/v3/rename?movieId=3&movieId=4');
  });

  it('wantedMissing(): every page, sortDirection sent explicitly, each movie once', async () => {
    const records = [movieWithoutFile, ...Array.from({ length: 6 }, (_, i) => ({ ...movieWithoutFile, id: 100 + i }))];
    const { client, calls } = await radarr({ 'GET /wanted/missing': pagedRoute(records) });
    const seen: number[] = [];
    for await (const m of client.wantedMissing({ pageSize: 3 })) seen.push(m.id);
    expect(seen).toEqual([13, 100, 101, 102, 103, 104, 105]);
    expect(calls('/wanted/missing').map((r) => Object.fromEntries(r.query))).toEqual(
      [1, 2, 3].map((page) => ({ monitored: 'true', page: String(page), pageSize: '3', sortKey: 'movieMetadata.sortTitle', sortDirection: 'ascending' })),
    );
  });

  it('wantedCutoff(): a movie that moves to the next page while paging is not yielded twice', async () => {
    let served = 0;
    const { client, calls } = await radarr({
      'GET /wanted/cutoff': (req: Received, res: Parameters<typeof sendJson>[0]) => {
        served++;
        // page 2 repeats id 2 (an item was removed upstream between the two reads)
        const pages: Record<string, number[]> = { '1': [1, 2], '2': [2, 3], '3': [4] };
        sendJson(res, 200, { page: 1, pageSize: 2, totalRecords: 5, records: pages[req.query.get('page') ?? '1'].map((id) => ({ ...movieWithFile, id })) });
      },
    });
    const seen: number[] = [];
    for await (const m of client.wantedCutoff({ pageSize: 2, sortDirection: 'descending', sortKey: 'movies.lastSearchTime' })) seen.push(m.id);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(served).toBe(3);
    expect(calls('/wanted/cutoff')[0].query.get('sortDirection')).toBe('descending');
    expect(calls('/wanted/cutoff')[0].query.get('sortKey')).toBe('movies.lastSearchTime');
  });

  it('queue() pages through movie items; queueStatus() reads the counts', async () => {
    const items: S['QueueResource'][] = [
      { id: 5, movieId: 12, title: 'Amelie.2001.1080p', status: 'downloading', trackedDownloadState: 'downloading' },
      { id: 6, movieId: 13, title: 'Dune.2021.2160p', status: 'queued', trackedDownloadState: 'downloading' },
    ];
    const { client, calls } = await radarr({
      'GET /queue': pagedRoute(items),
      'GET /queue/status': { id: 0, totalCount: 3, count: 2, unknownCount: 1, errors: false, warnings: true, unknownErrors: false, unknownWarnings: false },
    });
    const queue = [];
    for await (const q of client.queue()) queue.push(q);
    expect(queue).toEqual([
      { id: 5, movieId: 12, title: 'Amelie.2001.1080p', status: 'downloading', trackedDownloadState: 'downloading' },
      { id: 6, movieId: 13, title: 'Dune.2021.2160p', status: 'queued', trackedDownloadState: 'downloading' },
    ]);
    expect(Object.fromEntries(calls('/queue')[0].query)).toEqual({
      includeUnknownMovieItems: 'false',
      includeMovie: 'false',
      page: '1',
      pageSize: '200',
      sortDirection: 'ascending',
    });
    expect(await client.queueStatus()).toEqual({ totalCount: 3, count: 2, errors: false, warnings: true });
  });

  it('grabbedSince(): /history/since with an ISO date and eventType=grabbed', async () => {
    const record: S['HistoryResource'] = {
      id: 40,
      movieId: 12,
      sourceTitle: 'Amelie.2001.1080p.BluRay-GRP',
      quality: quality(7, 'Bluray-1080p'),
      customFormatScore: 25,
      date: '2024-06-01T12:00:00Z',
      downloadId: 'ABC123',
      eventType: 'grabbed',
      data: { indexer: 'NZBgeek' },
    };
    const { client, calls } = await radarr({ 'GET /history/since': [record] });
    expect(await client.grabbedSince(new Date('2024-06-01T00:00:00Z'))).toEqual([
      { id: 40, date: '2024-06-01T12:00:00Z', movieId: 12, sourceTitle: 'Amelie.2001.1080p.BluRay-GRP', quality: 'Bluray-1080p', customFormatScore: 25, downloadId: 'ABC123' },
    ]);
    expect(Object.fromEntries(calls('/history/since')[0].query)).toEqual({ date: '2024-06-01T00:00:00.000Z', eventType: 'grabbed', includeMovie: 'false' });
  });

  it('qualityProfiles(): the cutoff name comes from the quality or the group it points at', async () => {
    const items: S['QualityProfileQualityItemResource'][] = [
      { quality: { id: 1, name: 'SDTV' }, items: [], allowed: true },
      { id: 1001, name: 'WEB 1080p', items: [{ quality: { id: 3, name: 'WEBDL-1080p' }, items: [], allowed: true }, { quality: { id: 15, name: 'WEBRip-1080p' }, items: [], allowed: true }], allowed: true },
      { quality: { id: 7, name: 'Bluray-1080p' }, items: [], allowed: true },
    ];
    const { client } = await radarr({
      'GET /qualityprofile': [
        { id: 1, name: 'HD', upgradeAllowed: true, cutoff: 1001, items, minFormatScore: 0, cutoffFormatScore: 100, minUpgradeFormatScore: 10, formatItems: [] },
        { id: 2, name: 'Bluray', upgradeAllowed: false, cutoff: 7, items },
      ],
    });
    expect(await client.qualityProfiles()).toEqual([
      { id: 1, name: 'HD', upgradeAllowed: true, cutoff: 1001, cutoffName: 'WEB 1080p', minFormatScore: 0, cutoffFormatScore: 100, minUpgradeFormatScore: 10 },
      { id: 2, name: 'Bluray', upgradeAllowed: false, cutoff: 7, cutoffName: 'Bluray-1080p', minFormatScore: 0, cutoffFormatScore: 0, minUpgradeFormatScore: 0 },
    ]);
  });

  it('health(): the checks, e.g. indexers backed off', async () => {
    const { client } = await radarr({
      'GET /health': [{ source: 'IndexerStatusCheck', type: 'warning', message: 'Indexers unavailable due to failures: NZBgeek', wikiUrl: 'https://wiki.servarr.com/radarr/system#indexers-are-unavailable-due-to-failures' }],
    });
    expect(await client.health()).toEqual([{ source: 'IndexerStatusCheck', type: 'warning', message: 'Indexers unavailable due to failures: NZBgeek' }]);
  });
});
