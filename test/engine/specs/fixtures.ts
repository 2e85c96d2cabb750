/** Hand-built library data for the engine's unit tests. Every builder takes overrides. */
import type { Episode, MediaFile, Movie, QualityProfile, Season, Series } from '../../../src/arr/model';
import { jobSchema, type JobSettings, type JobSettingsInput } from '../../../src/shared/settings';
import { createPlanContext, type PlanContext, type PlanContextInput } from '../../../src/engine/plan/context';
import type { DetailLoader } from '../../../src/engine/plan/loader';

export const NOW = Date.UTC(2026, 5, 15, 12); // 2026-06-15T12:00Z
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const iso = (ms: number) => new Date(ms).toISOString();

export function job(input: Partial<JobSettingsInput> = {}): JobSettings {
  return jobSchema.parse({ id: 'j', type: 'missing', ...input });
}

export const HD: QualityProfile = {
  id: 1,
  name: 'HD',
  upgradeAllowed: true,
  cutoff: 7,
  cutoffName: 'Bluray-1080p',
  minFormatScore: 0,
  cutoffFormatScore: 1000,
  minUpgradeFormatScore: 1,
};
export const NO_UPGRADES: QualityProfile = { ...HD, id: 2, name: 'Any', upgradeAllowed: false };

export function movie(over: Partial<Movie> = {}): Movie {
  const id = over.id ?? 1;
  return {
    id,
    title: `Movie ${id}`,
    sortTitle: `movie ${String(id).padStart(5, '0')}`,
    year: 2000,
    monitored: true,
    status: 'released',
    minimumAvailability: 'released',
    isAvailable: true,
    qualityProfileId: HD.id,
    tags: [],
    added: '2024-01-01T00:00:00Z',
    movieFileId: 0,
    ...over,
  };
}

export function movieFile(over: Partial<MediaFile> & { id: number }): MediaFile {
  return { quality: 'Bluray-1080p', qualityCutoffNotMet: false, customFormatScore: 0, ...over };
}

export function season(seasonNumber: number, over: Partial<Season> = {}): Season {
  return { seasonNumber, monitored: true, ...over };
}

export function series(over: Partial<Series> = {}): Series {
  const id = over.id ?? 1;
  return {
    id,
    title: `Show ${id}`,
    sortTitle: `show ${String(id).padStart(5, '0')}`,
    year: 2010,
    monitored: true,
    status: 'ended',
    seriesType: 'standard',
    qualityProfileId: HD.id,
    tags: [],
    added: '2024-01-01T00:00:00Z',
    seasons: [season(1)],
    ...over,
  };
}

export function episode(over: Partial<Episode> & { id: number }): Episode {
  return {
    seriesId: 1,
    seasonNumber: 1,
    episodeNumber: over.id,
    title: `Episode ${over.id}`,
    airDateUtc: iso(NOW - 30 * DAY),
    monitored: true,
    episodeFileId: 0,
    ...over,
  };
}

export function context(over: Partial<PlanContextInput> = {}): PlanContext {
  return createPlanContext({ now: NOW, job: job(), profiles: [HD, NO_UPGRADES], tags: [], jobTagId: null, ...over });
}

/** An in-memory DetailLoader that records what it was asked for. */
export class MemoryLoader implements DetailLoader {
  readonly calls: { method: string; ids: number[] }[] = [];
  constructor(
    private readonly data: {
      movieFiles?: MediaFile[];
      episodes?: Episode[];
      episodeFiles?: MediaFile[];
      renames?: { movieId?: number; seriesId?: number; existingPath: string; newPath: string }[];
    } = {},
  ) {}
  async movieFiles(ids: readonly number[]) {
    this.calls.push({ method: 'movieFiles', ids: [...ids] });
    return (this.data.movieFiles ?? []).filter((f) => f.movieId !== undefined && ids.includes(f.movieId));
  }
  async renames(ids: readonly number[]) {
    this.calls.push({ method: 'renames', ids: [...ids] });
    return (this.data.renames ?? []).filter((r) => ids.includes((r.movieId ?? r.seriesId)!));
  }
  async episodes(seriesId: number) {
    this.calls.push({ method: 'episodes', ids: [seriesId] });
    return (this.data.episodes ?? []).filter((e) => e.seriesId === seriesId);
  }
  async episodeFiles(seriesId: number) {
    this.calls.push({ method: 'episodeFiles', ids: [seriesId] });
    return (this.data.episodeFiles ?? []).filter((f) => f.seriesId === seriesId);
  }
  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }
  idsAsked(method: string): number[] {
    return this.calls.filter((c) => c.method === method).flatMap((c) => c.ids);
  }
}

/** Sonarr's SeriesStatisticsRepository, per season, as spec/arr/NOTES.md §6 describes it. */
export function withStatistics(show: Series, episodes: Episode[], now: number): Series {
  const aired = (e: Episode) => e.airDateUtc !== undefined && Date.parse(e.airDateUtc) <= now;
  const seasons = show.seasons.map((s) => {
    const eps = episodes.filter((e) => e.seasonNumber === s.seasonNumber);
    return { ...s, episodeCount: eps.filter((e) => (e.monitored && aired(e)) || e.episodeFileId > 0).length, episodeFileCount: eps.filter((e) => e.episodeFileId > 0).length };
  });
  const monitoredAired = episodes.filter((e) => e.monitored && aired(e)).map((e) => Date.parse(e.airDateUtc!));
  return {
    ...show,
    seasons,
    episodeCount: seasons.reduce((n, s) => n + s.episodeCount, 0),
    episodeFileCount: seasons.reduce((n, s) => n + s.episodeFileCount, 0),
    previousAiring: monitoredAired.length > 0 ? iso(Math.max(...monitoredAired)) : undefined,
  };
}
