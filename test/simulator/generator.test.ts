import { describe, expect, it } from 'vitest';
import { generateLibrary, LIBRARY_SIZES } from '../../src/simulator/index.js';
import { isAvailable } from '../../src/simulator/library/availability.js';
import { formatScore, qualityCutoffNotMet } from '../../src/simulator/library/qualities.js';
import type { Library } from '../../src/simulator/library/types.js';

const NOW = Date.UTC(2025, 5, 1, 12, 30);
const HOUR = 3_600_000;

const profile = (lib: Library, id: number) => lib.qualityProfiles.find((p) => p.id === id)!;

describe('library generator', () => {
  it('is deterministic: the same seed in the same hour gives the same library; another seed does not', () => {
    const a = generateLibrary({ app: 'sonarr', seed: 42, size: 'small', now: NOW });
    const b = generateLibrary({ app: 'sonarr', seed: 42, size: 'small', now: NOW + 20 * 60_000 });
    const c = generateLibrary({ app: 'sonarr', seed: 43, size: 'small', now: NOW });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const r1 = generateLibrary({ app: 'radarr', seed: 42, size: 'small', now: NOW });
    expect(generateLibrary({ app: 'radarr', seed: 42, size: 'small', now: NOW })).toEqual(r1);
  });

  it('honours sizes and rejects bad ones with a message naming the problem', () => {
    expect(generateLibrary({ app: 'radarr', seed: 1, size: { movies: 123 }, now: NOW }).movies.size).toBe(123);
    expect(generateLibrary({ app: 'sonarr', seed: 1, size: 'tiny', now: NOW }).series.size).toBe(LIBRARY_SIZES.tiny.series);
    expect(() => generateLibrary({ app: 'radarr', seed: 1, size: { series: 5 }, now: NOW })).toThrow('a Radarr library size is given as {movies: N}');
    expect(() => generateLibrary({ app: 'sonarr', seed: 1, size: { series: -1 }, now: NOW })).toThrow('library size must be a whole number from 0 to 1,000,000, got -1');
  });

  it.each([1, 3, 7, 42, 1234])('a tiny Radarr library holds every case the engine must handle (seed %i)', (seed) => {
    const lib = generateLibrary({ app: 'radarr', seed, size: 'tiny', now: NOW });
    const movies = [...lib.movies.values()];
    const file = (id: number) => lib.movieFiles.get(id)!;
    const withFile = movies.filter((m) => m.movieFileId > 0);
    const cases = {
      unmonitored: movies.some((m) => !m.monitored),
      withoutFile: movies.some((m) => m.movieFileId === 0),
      notYetAvailable: movies.some((m) => m.minimumAvailability === 'released' && !isAvailable(m, NOW) && (m.digitalRelease ?? 0) > NOW),
      inCinemasFuture: movies.some((m) => (m.inCinemas ?? 0) > NOW),
      tba: movies.some((m) => m.inCinemas === undefined && m.digitalRelease === undefined && m.physicalRelease === undefined),
      upgradesOffWithFile: withFile.some((m) => !profile(lib, m.qualityProfileId).upgradeAllowed),
      belowQualityCutoff: withFile.some((m) => profile(lib, m.qualityProfileId).upgradeAllowed && qualityCutoffNotMet(profile(lib, m.qualityProfileId), file(m.movieFileId).qualityId)),
      belowFormatCutoffOnly: withFile.some((m) => {
        const p = profile(lib, m.qualityProfileId);
        const f = file(m.movieFileId);
        return p.upgradeAllowed && !qualityCutoffNotMet(p, f.qualityId) && formatScore(p, f.formatIds) < p.cutoffFormatScore;
      }),
      userTags: movies.some((m) => m.tags.length > 0),
      queued: lib.queue.some((q) => q.movieId !== undefined),
      grabHistory: lib.history.some((h) => h.eventType === 'grabbed'),
      needsRename: [...lib.movieFiles.values()].some((f) => f.needsRename),
    };
    expect(cases).toEqual(Object.fromEntries(Object.keys(cases).map((k) => [k, true])));
  });

  it.each([1, 3, 7, 42, 1234])('a tiny Sonarr library holds every case the engine must handle (seed %i)', (seed) => {
    const lib = generateLibrary({ app: 'sonarr', seed, size: 'tiny', now: NOW });
    const series = [...lib.series.values()];
    const eps = [...lib.episodes.values()];
    const seasonMonitored = (e: (typeof eps)[number]) => lib.series.get(e.seriesId)!.seasons.find((s) => s.seasonNumber === e.seasonNumber)!.monitored;
    const withFile = eps.filter((e) => e.episodeFileId > 0);
    const fileOf = (e: (typeof eps)[number]) => lib.episodeFiles.get(e.episodeFileId)!;
    const profileOf = (e: (typeof eps)[number]) => profile(lib, lib.series.get(e.seriesId)!.qualityProfileId);
    const cases = {
      unmonitoredSeries: series.some((s) => !s.monitored),
      unmonitoredSeason: series.some((s) => s.monitored && s.seasons.some((x) => x.seasonNumber > 0 && !x.monitored)),
      specials: eps.some((e) => e.seasonNumber === 0),
      monitoredSpecialMissing: eps.some((e) => e.seasonNumber === 0 && e.monitored && seasonMonitored(e) && e.episodeFileId === 0 && e.airDateUtc! < NOW),
      anime: series.some((s) => s.seriesType === 'anime'),
      daily: series.some((s) => s.seriesType === 'daily'),
      futureEpisodes: eps.some((e) => e.airDateUtc !== undefined && e.airDateUtc > NOW),
      tbaEpisodes: eps.some((e) => e.airDateUtc === undefined),
      airedInsideGrace: eps.some((e) => e.episodeFileId === 0 && e.airDateUtc! <= NOW && e.airDateUtc! > NOW - 3 * HOUR),
      newEpisodeWithoutFile: eps.some((e) => e.episodeFileId === 0 && e.airDateUtc! <= NOW - 3 * HOUR && e.airDateUtc! >= NOW - 24 * HOUR),
      withoutFile: eps.some((e) => e.episodeFileId === 0 && e.airDateUtc! < NOW - 24 * HOUR),
      upgradesOff: withFile.some((e) => !profileOf(e).upgradeAllowed),
      belowQualityCutoff: withFile.some((e) => profileOf(e).upgradeAllowed && qualityCutoffNotMet(profileOf(e), fileOf(e).qualityId)),
      belowFormatCutoffOnly: withFile.some((e) => profileOf(e).upgradeAllowed && !qualityCutoffNotMet(profileOf(e), fileOf(e).qualityId) && formatScore(profileOf(e), fileOf(e).formatIds) < profileOf(e).cutoffFormatScore),
      userTags: series.some((s) => s.tags.length > 0),
      queued: lib.queue.some((q) => q.episodeId !== undefined),
      grabHistory: lib.history.some((h) => h.eventType === 'grabbed'),
      needsRename: [...lib.episodeFiles.values()].some((f) => f.needsRename),
    };
    expect(cases).toEqual(Object.fromEntries(Object.keys(cases).map((k) => [k, true])));
  });

  it('the large sizes come out at the advertised scale', () => {
    const lib = generateLibrary({ app: 'sonarr', seed: 1, size: 'large', now: NOW });
    expect(lib.series.size).toBe(4000);
    expect(lib.episodes.size).toBeGreaterThan(200_000);
    expect(lib.episodes.size).toBeLessThan(300_000);
  });
});
