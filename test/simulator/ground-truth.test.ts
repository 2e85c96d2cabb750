import { afterEach, describe, expect, it } from 'vitest';
import { defaultProfiles, emptyLibrary, startSimulator, type Simulator } from '../../src/simulator/index.js';
import type { EpisodeRec, Library, MovieRec } from '../../src/simulator/library/types.js';

const NOW = Date.UTC(2025, 5, 1, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Radarr quality ids: 1 SDTV, 3 WEBDL-1080p, 7 Bluray-1080p (cutoff of profile 1); profile 3 has upgrades off
const BLURAY_1080 = 7;
const WEBDL_1080 = 3;
const SDTV = 1;

function radarrLibrary(): Library {
  const lib = emptyLibrary('radarr', NOW);
  lib.qualityProfiles = defaultProfiles('radarr');
  lib.tags = [
    { id: 1, label: 'kids' },
    { id: 2, label: 'trawlarr-missing' },
  ];
  let fileId = 1;
  const movie = (id: number, m: Partial<MovieRec>, file?: { q: number; formats?: number[]; rename?: boolean }) => {
    const rec: MovieRec = { id, title: `Movie ${id}`, year: 2000, tmdbId: 1000 + id, imdbId: `tt${id}`, monitored: true, qualityProfileId: 1, minimumAvailability: 'released', inCinemas: NOW - 400 * DAY, digitalRelease: NOW - 300 * DAY, added: NOW - 500 * DAY, tags: [], movieFileId: 0, runtime: 100, ...m };
    if (file) {
      lib.movieFiles.set(fileId, { id: fileId, movieId: id, qualityId: file.q, formatIds: file.formats ?? [], size: 1e9, dateAdded: NOW - DAY, releaseGroup: 'GRP', needsRename: file.rename ?? false });
      rec.movieFileId = fileId++;
    }
    lib.movies.set(id, rec);
  };
  movie(1, {});
  movie(2, { monitored: false });
  movie(3, { inCinemas: NOW - 10 * DAY, digitalRelease: NOW + 20 * DAY });
  movie(4, { minimumAvailability: 'announced', inCinemas: NOW + 50 * DAY, digitalRelease: undefined, tags: [1] });
  movie(5, {});
  movie(6, {}, { q: WEBDL_1080 });
  movie(7, {}, { q: BLURAY_1080 });
  movie(8, {}, { q: BLURAY_1080, formats: [3] });
  movie(9, { qualityProfileId: 3 }, { q: SDTV });
  movie(10, { monitored: false }, { q: WEBDL_1080 });
  movie(11, {}, { q: BLURAY_1080, formats: [3], rename: true });
  movie(12, { inCinemas: NOW - 100 * DAY, digitalRelease: undefined });
  movie(13, { tags: [2] });
  lib.queue.push({ id: 1, movieId: 5, title: 'Movie.5', qualityId: BLURAY_1080, customFormatScore: 0, size: 1, sizeleft: 1, added: NOW, downloadId: 'X', protocol: 'usenet', indexer: 'i', downloadClient: 'c', status: 'downloading' });
  return lib;
}

function sonarrLibrary(): Library {
  const lib = emptyLibrary('sonarr', NOW);
  lib.qualityProfiles = defaultProfiles('sonarr');
  const series = (id: number, monitored: boolean, profile: number, seasons: [number, boolean][]) =>
    lib.series.set(id, { id, title: `Show ${id}`, year: 2020, tvdbId: id, imdbId: `tt${id}`, monitored, qualityProfileId: profile, seriesType: 'standard', status: 'continuing', network: 'N', runtime: 30, added: NOW - 100 * DAY, tags: [], seasons: seasons.map(([seasonNumber, m]) => ({ seasonNumber, monitored: m })) });
  series(1, true, 1, [[0, true], [1, true], [2, false]]);
  series(2, false, 1, [[1, true]]);
  series(3, true, 3, [[1, true]]);
  let fileId = 1;
  const ep = (id: number, seriesId: number, season: number, n: number, air: number | undefined, e: Partial<EpisodeRec> = {}, file?: { q: number; formats?: number[]; rename?: boolean }) => {
    const rec: EpisodeRec = { id, seriesId, seasonNumber: season, episodeNumber: n, airDateUtc: air, monitored: true, episodeFileId: 0, ...e };
    if (file) {
      lib.episodeFiles.set(fileId, { id: fileId, seriesId, seasonNumber: season, qualityId: file.q, formatIds: file.formats ?? [], size: 1e8, dateAdded: NOW, releaseGroup: 'G', needsRename: file.rename ?? false });
      rec.episodeFileId = fileId++;
    }
    lib.episodes.set(id, rec);
  };
  ep(1, 1, 1, 1, NOW - 10 * DAY);
  ep(2, 1, 1, 2, NOW - 2 * HOUR);
  ep(3, 1, 1, 3, NOW - 10 * HOUR);
  ep(4, 1, 1, 4, NOW - 30 * HOUR);
  ep(5, 1, 1, 5, undefined);
  ep(6, 1, 1, 6, NOW + 2 * DAY);
  ep(7, 1, 1, 7, NOW - 5 * DAY, { monitored: false });
  ep(8, 1, 0, 1, NOW - 50 * DAY);
  ep(9, 1, 2, 1, NOW - 20 * DAY);
  ep(10, 1, 1, 8, NOW - 40 * DAY, {}, { q: WEBDL_1080 });
  ep(11, 1, 1, 9, NOW - 40 * DAY, {}, { q: BLURAY_1080, formats: [3] });
  ep(12, 1, 1, 10, NOW - 40 * DAY);
  ep(13, 2, 1, 1, NOW - 40 * DAY);
  ep(14, 3, 1, 1, NOW - 40 * DAY, {}, { q: SDTV });
  ep(15, 3, 1, 2, NOW - 40 * DAY, {}, { q: BLURAY_1080, formats: [3], rename: true });
  lib.queue.push({ id: 1, seriesId: 1, episodeId: 12, seasonNumber: 1, title: 'Show.1.S01E10', qualityId: BLURAY_1080, customFormatScore: 0, size: 1, sizeleft: 1, added: NOW, downloadId: 'Y', protocol: 'usenet', indexer: 'i', downloadClient: 'c', status: 'downloading' });
  return lib;
}

describe('ground truth on hand-checked libraries', () => {
  let sim: Simulator;
  afterEach(() => sim?.close());

  it('Radarr: missing, cutoff-unmet, upgrade, rename, refresh', async () => {
    sim = await startSimulator({ app: 'radarr', library: radarrLibrary(), now: () => NOW });
    expect(sim.groundTruth('missing')).toEqual([1, 4, 12, 13]);
    expect(sim.groundTruth('missing', { id: 'missing' })).toEqual([1, 4, 12]);
    expect(sim.groundTruth('missing', { filters: { qualityProfileIds: [], includeTags: ['kids'], excludeTags: [], statuses: [] } })).toEqual([4]);
    expect(sim.groundTruth('missing', { filters: { qualityProfileIds: [], includeTags: [], excludeTags: [], statuses: ['released'] } })).toEqual([1, 12, 13]);
    expect(sim.groundTruth('cutoff-unmet')).toEqual([6, 7]);
    expect(sim.groundTruth('upgrade')).toEqual([6, 7]);
    expect(sim.groundTruth('upgrade', { includeAtCutoff: true })).toEqual([6, 7, 8, 11]);
    expect(sim.groundTruth('rename')).toEqual([11]);
    expect(sim.groundTruth('refresh')).toHaveLength(13);
    sim.library.movies.get(1)!.lastRefreshed = NOW - DAY;
    sim.library.movies.get(2)!.lastRefreshed = NOW - 31 * DAY;
    expect(sim.groundTruth('refresh')).not.toContain(1);
    expect(sim.groundTruth('refresh')).toContain(2);
    expect(sim.groundTruth('refresh', { refreshAfterDays: 40 })).not.toContain(2);
    expect(sim.groundTruth('new-episodes')).toEqual([]);
  });

  it('Sonarr: monitored cascade, grace, new-episode window, specials, queue, rename by series', async () => {
    sim = await startSimulator({ app: 'sonarr', library: sonarrLibrary(), now: () => NOW });
    expect(sim.groundTruth('missing')).toEqual([1, 3, 4, 8]);
    expect(sim.groundTruth('missing', { graceHours: 1 })).toEqual([1, 2, 3, 4, 8]);
    expect(sim.groundTruth('new-episodes')).toEqual([3]);
    expect(sim.groundTruth('new-episodes', { airedWithinHours: 48 })).toEqual([3, 4]);
    expect(sim.groundTruth('cutoff-unmet')).toEqual([10]);
    expect(sim.groundTruth('upgrade', { includeAtCutoff: true })).toEqual([10, 11]);
    expect(sim.groundTruth('rename')).toEqual([3]);
    expect(sim.groundTruth('refresh')).toEqual([1, 2, 3]);
  });

  it('follows the live state: a search that grabs moves an item into the queue and out of the truth', async () => {
    sim = await startSimulator({ app: 'radarr', library: radarrLibrary(), now: () => NOW, grabChance: 1 });
    await fetch(`${sim.url}/api/v3/command`, { method: 'POST', headers: { 'X-Api-Key': sim.apiKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'MoviesSearch', movieIds: [1] }) });
    sim.runCommands();
    expect(sim.groundTruth('missing')).toEqual([4, 12, 13]);
  });
});
