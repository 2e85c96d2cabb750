// RadarrClient against a small real server: the exact requests each call sends (paths, repeated-key
// ids, chunking, paging parameters, bodies) and the slim models it makes of Radarr's answers.
import { afterEach, describe, expect, it } from 'vitest';
import { RadarrClient, type Movie } from '../../src/arr';
import { type components } from '../../src/arr/generated/radarr';
import { API_KEY, pagedRoute, radarrStatus, routes, sendJson, startServer, type Received, type TestServer } from './support/test-server';

type S = components['schemas'];

const servers: TestServer[] = [];
const clients: RadarrClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function radarr(table: Record<string, unknown>, version = '6.0.3.10276') {
  const server = await startServer(routes({ 'GET /system/status': radarrStatus(version), ...table }));
  servers.push(server);
  const client = new RadarrClient({ name: 'Main', kind: 'radarr', url: `${server.url}/radarr`, apiKey: API_KEY });
  clients.push(client);
  const calls = (path: string) => server.requests.filter((r) => r.path === `/radarr/api/v3${path}`);
  return { server, client, calls };
}

const quality = (id: number, name: string): S['QualityModel'] => ({ quality: { id, name, source: 'bluray', resolution: 1080, modifier: 'none' }, revision: { version: 1, real: 0, isRepack: false } });

const movieWithFile: S['MovieResource'] = {
  id: 12,
  title: 'Amélie',
  originalTitle: 'Le Fabuleux Destin',
  sortTitle: 'amelie',
  status: 'released',
  overview: 'A {brace} and "quotes" \\ here',
  inCinemas: '2001-04-25T00:00:00Z',
  physicalRelease: '2002-02-05T00:00:00Z',
  digitalRelease: '2002-01-01T00:00:00Z',
  year: 2001,
  qualityProfileId: 4,
  hasFile: true,
  movieFileId: 77,
  monitored: true,
  minimumAvailability: 'released',
  isAvailable: true,
  tags: [1, 3],
  added: '2020-01-01T10:00:00Z',
  alternateTitles: [{ title: 'Amelie', sourceType: 'tmdb' }],
  movieFile: { id: 77, movieId: 12, quality: quality(7, 'Bluray-1080p'), customFormatScore: 0, qualityCutoffNotMet: true, size: 8e9 },
  lastSearchTime: '2024-05-01T00:00:00Z',
  statistics: { movieFileCount: 1, sizeOnDisk: 8e9, releaseGroups: [] },
};
// what Radarr ≥5.22.4 sends for a movie without a file: nulls left out
const movieWithoutFile: S['MovieResource'] = { id: 13, title: 'Dune', sortTitle: 'dune', status: 'inCinemas', year: 2021, qualityProfileId: 1, movieFileId: 0, monitored: false, minimumAvailability: 'released', isAvailable: false, added: '2021-01-01T00:00:00Z' };

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

  it('sendCommand(): posts the body with de-duplicated ids; getCommand() reads it back', async () => {
    const command: S['CommandResource'] = { id: 31, name: 'MoviesSearch', commandName: 'Movies Search', status: 'queued', result: 'unknown', queued: '2024-06-01T00:00:00Z', trigger: 'manual' };
    const { client, calls } = await radarr({ 'POST /command': command, 'GET /command/31': { ...command, status: 'completed', result: 'successful', message: 'Completed search for 2 movies. 0 reports downloaded.' } });
    expect(await client.sendCommand({ name: 'MoviesSearch', movieIds: [3, 4, 3] })).toEqual({
      id: 31,
      name: 'MoviesSearch',
      status: 'queued',
      result: 'unknown',
      message: undefined,
      queued: '2024-06-01T00:00:00Z',
      started: undefined,
      ended: undefined,
      exception: undefined,
    });
    expect(JSON.parse(calls('/command')[0].body)).toEqual({ name: 'MoviesSearch', movieIds: [3, 4] });
    expect(calls('/command')[0].headers['content-type']).toMatch(/^application\/json/);
    expect(await client.getCommand(31)).toMatchObject({ status: 'completed', result: 'successful', message: 'Completed search for 2 movies. 0 reports downloaded.' });
  });

  it('sendCommand() refuses an empty id list (an empty RefreshMovie would refresh everything) without sending', async () => {
    const { client, server } = await radarr({});
    await expect(client.sendCommand({ name: 'RefreshMovie', movieIds: [] })).rejects.toThrow('Radarr "Main": RefreshMovie needs at least one id in movieIds');
    await expect(client.sendCommand({ name: 'MoviesSearch', movieIds: [0] })).rejects.toThrow('Radarr "Main": MoviesSearch movieIds must be positive integers (got 0)');
    expect(server.requests).toHaveLength(0);
  });

  it('editTags(): PUT /movie/editor, de-duplicated, 200 ids per request, add or remove only', async () => {
    const { client, calls, server } = await radarr({ 'PUT /movie/editor': (req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 202, (JSON.parse(req.body) as { movieIds: number[] }).movieIds.map((id) => ({ id }))) });
    const ids = [...Array.from({ length: 450 }, (_, i) => i + 1), 1, 2, 450];
    await client.editTags(ids, [7, 7], 'add');
    await client.editTags([9], [7], 'remove');
    const bodies = calls('/movie/editor').map((r) => JSON.parse(r.body) as S['MovieEditorResource']);
    expect(bodies.map((b) => b.movieIds?.length)).toEqual([200, 200, 50, 1]);
    expect(bodies.flatMap((b) => b.movieIds).slice(0, 450)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    expect(bodies.map((b) => [b.tags, b.applyTags])).toEqual([
      [[7], 'add'],
      [[7], 'add'],
      [[7], 'add'],
      [[7], 'remove'],
    ]);
    expect(Object.keys(bodies[0]).sort()).toEqual(['applyTags', 'movieIds', 'tags']);
    const before = server.requests.length;
    await expect(client.editTags([1], [7], 'replace' as 'add')).rejects.toThrow('Radarr "Main": tag action must be "add" or "remove" (got replace)');
    await expect(client.editTags([1], [], 'add')).rejects.toThrow('Radarr "Main": no tag ids given to add');
    expect(server.requests.length).toBe(before);
  });

  it('ensureTag(): an existing tag is reused without a POST', async () => {
    const { client, calls } = await radarr({ 'GET /tag': [{ id: 2, label: 'trawlarr-missing' }] });
    expect(await client.ensureTag('Trawlarr-Missing')).toEqual({ id: 2, label: 'trawlarr-missing' });
    expect(calls('/tag').map((r) => r.method)).toEqual(['GET']);
  });

  it('ensureTag(): a missing tag is created with a lowercased [a-z0-9-] label', async () => {
    const { client, calls } = await radarr({ 'GET /tag': [], 'POST /tag': (req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 201, { id: 9, ...(JSON.parse(req.body) as object) }) });
    expect(await client.ensureTag('Trawlarr Cutoff_Unmet!')).toEqual({ id: 9, label: 'trawlarr-cutoff-unmet-' });
    expect(JSON.parse(calls('/tag')[1].body)).toEqual({ label: 'trawlarr-cutoff-unmet-' });
  });

  it('ensureTag(): a 409 (created meanwhile) is resolved by reading the tags again', async () => {
    let reads = 0;
    const { client, calls } = await radarr({
      'GET /tag': (_req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 200, ++reads === 1 ? [] : [{ id: 4, label: 'trawlarr-upgrade' }]),
      'POST /tag': (_req: Received, res: Parameters<typeof sendJson>[0]) => sendJson(res, 409, { message: 'constraint failed\r\nUNIQUE constraint failed: Tags.Label' }),
    });
    expect(await client.ensureTag('trawlarr-upgrade')).toEqual({ id: 4, label: 'trawlarr-upgrade' });
    expect(calls('/tag').map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
  });

  it('ensureTag(): a label without letters or digits is refused', async () => {
    const { client } = await radarr({});
    await expect(client.ensureTag(' !! ')).rejects.toThrow('Radarr "Main": the tag label " !! " needs at least one letter or digit');
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
