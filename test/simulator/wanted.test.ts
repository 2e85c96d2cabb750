import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { call, get } from './http.js';

interface Page<T> {
  page: number;
  pageSize: number;
  sortKey: string;
  sortDirection: string;
  totalRecords: number;
  records: T[];
}
interface MovieRecord {
  id: number;
  sortTitle: string;
  monitored: boolean;
  movieFileId: number;
  lastSearchTime?: string;
  movieFile?: { customFormatScore?: number; qualityCutoffNotMet: boolean };
}
interface EpisodeRecord {
  id: number;
  seriesId: number;
  seasonNumber: number;
  airDateUtc?: string;
  monitored: boolean;
  hasFile: boolean;
}

const NOW = Date.UTC(2025, 5, 1, 12);

describe('wanted lists (spec/arr/NOTES.md §10)', () => {
  let radarr: Simulator;
  let sonarr: Simulator;
  beforeAll(async () => {
    radarr = await startSimulator({ app: 'radarr', size: 'small', now: () => NOW });
    sonarr = await startSimulator({ app: 'sonarr', size: 'small', now: () => NOW });
  });
  afterAll(async () => {
    await radarr.close();
    await sonarr.close();
  });

  it('defaults: page 1, pageSize 10, default sortKey, descending when no direction is sent', async () => {
    const p = await get<Page<MovieRecord>>(radarr, '/api/v3/wanted/missing');
    expect(p).toMatchObject({ page: 1, pageSize: 10, sortKey: 'movieMetadata.sortTitle', sortDirection: 'descending' });
    expect(p.records).toHaveLength(10);
    const titles = p.records.map((r) => r.sortTitle);
    expect(titles).toEqual([...titles].sort().reverse());
  });

  it('an unknown sortKey silently falls back; ascending is honoured; pages do not overlap', async () => {
    const p = await get<Page<MovieRecord>>(radarr, '/api/v3/wanted/missing?sortKey=bogus&sortDirection=ascending&pageSize=25');
    expect(p.sortKey).toBe('movieMetadata.sortTitle');
    const titles = p.records.map((r) => r.sortTitle);
    expect(titles).toEqual([...titles].sort());
    const p2 = await get<Page<MovieRecord>>(radarr, '/api/v3/wanted/missing?sortKey=bogus&sortDirection=ascending&pageSize=25&page=2');
    expect(p2.records.some((r) => p.records.some((x) => x.id === r.id))).toBe(false);
  });

  it('Radarr missing: every movie without a file matching the monitored filter; no availability filter', async () => {
    const all = await get<Page<MovieRecord>>(radarr, '/api/v3/wanted/missing?pageSize=100000');
    const expected = [...radarr.library.movies.values()].filter((m) => m.monitored && m.movieFileId === 0).map((m) => m.id);
    expect(all.totalRecords).toBe(expected.length);
    expect(all.records.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    const unmonitored = await get<Page<MovieRecord>>(radarr, '/api/v3/wanted/missing?pageSize=100000&monitored=false');
    expect(unmonitored.records.every((r) => !r.monitored && r.movieFileId === 0)).toBe(true);
    expect(unmonitored.totalRecords).toBeGreaterThan(0);
  });

  it('Radarr cutoff records carry movieFile.customFormatScore; /movie does not (5.22.4+)', async () => {
    const p = await get<Page<MovieRecord>>(radarr, '/api/v3/wanted/cutoff?pageSize=1000');
    expect(p.totalRecords).toBeGreaterThan(0);
    for (const r of p.records) {
      expect(typeof r.movieFile!.customFormatScore).toBe('number');
      expect(r.movieFile!.qualityCutoffNotMet).toBe(true);
    }
    const movie = await get<MovieRecord>(radarr, `/api/v3/movie/${p.records[0].id}`);
    expect(movie.movieFile).toBeDefined();
    expect(movie.movieFile).not.toHaveProperty('customFormatScore');
  });

  it('sorting by lastSearchTime puts never-searched movies first when ascending', async () => {
    const p = await get<Page<MovieRecord>>(radarr, '/api/v3/wanted/missing?sortKey=movies.lastSearchTime&sortDirection=ascending&pageSize=1000');
    const times = p.records.map((r) => (r.lastSearchTime ? Date.parse(r.lastSearchTime) : -Infinity));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('Sonarr missing: aired episodes without a file, specials included; cutoff: season 1 and up', async () => {
    const missing = await get<Page<EpisodeRecord>>(sonarr, '/api/v3/wanted/missing?pageSize=100000');
    expect(missing.sortKey).toBe('episodes.airDateUtc');
    expect(missing.records.every((e) => !e.hasFile && e.airDateUtc !== undefined && Date.parse(e.airDateUtc) <= NOW)).toBe(true);
    expect(missing.records.some((e) => e.seasonNumber === 0)).toBe(true);
    const dates = missing.records.map((e) => Date.parse(e.airDateUtc!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // monitored=true means the episode and its series
    for (const e of missing.records) expect(e.monitored && sonarr.library.series.get(e.seriesId)!.monitored).toBe(true);
    const cutoff = await get<Page<EpisodeRecord>>(sonarr, '/api/v3/wanted/cutoff?pageSize=100000');
    expect(cutoff.totalRecords).toBeGreaterThan(0);
    expect(cutoff.records.every((e) => e.seasonNumber >= 1 && e.hasFile)).toBe(true);
  });

  it('a bad sortDirection is a model-binding 400', async () => {
    const r = await call(sonarr, 'GET', '/api/v3/wanted/missing?sortDirection=sideways');
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ title: 'One or more validation errors occurred.' });
  });
});
