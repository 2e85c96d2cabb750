/**
 * Random libraries for property tests of the job definitions, and oracles written straight from the
 * brief's eligibility rules ("Domain decisions"), independently of the specifications.
 */
import fc from 'fast-check';
import type { Episode, MediaFile, Movie, RenamePreview, Series, Tag } from '../../../src/arr/model';
import type { JobFilters, JobSettings } from '../../../src/shared/settings';
import { DAY, HD, HOUR, NOW, NO_UPGRADES, episode, iso, movie, season, series, withStatistics } from '../specs/fixtures';

export const JOB_TAG = 50;
export const TAGS: Tag[] = [
  { id: 1, label: 'keep' },
  { id: 2, label: 'kids' },
  { id: 3, label: '4k' },
  { id: JOB_TAG, label: 'trawlarr-j' },
];
const PROFILES = [HD, NO_UPGRADES];
const STATUSES = ['released', 'announced', 'inCinemas'];
const ADDED = ['2023-03-01T00:00:00Z', '2024-01-01T00:00:00Z', '2024-06-01T23:00:00Z', '2024-06-02T00:00:00Z', '2025-02-02T00:00:00Z'];

const NO_FILTERS: JobFilters = { qualityProfileIds: [], includeTags: [], excludeTags: [], statuses: [] };

/** Half the time no filter at all, so the other rules get exercised on whole libraries. */
export const arbFilters: fc.Arbitrary<JobFilters> = fc.oneof(fc.constant(NO_FILTERS), fc.record({
  qualityProfileIds: fc.subarray([1, 2]),
  includeTags: fc.subarray(['keep', 'kids', 'missing-label']),
  excludeTags: fc.subarray(['4k', 'keep', 'ghost']),
  statuses: fc.subarray([...STATUSES, 'continuing', 'ended']),
  addedAfter: fc.option(fc.constantFrom('2024-01-01', '2024-06-01'), { nil: undefined }),
  addedBefore: fc.option(fc.constantFrom('2024-06-01', '2025-01-01'), { nil: undefined }),
}));

const arbEntryBase = {
  userTags: fc.subarray([1, 2, 3]),
  tagged: fc.boolean(),
  profile: fc.constantFrom(1, 2),
  added: fc.constantFrom(...ADDED),
};

export interface RadarrLibrary {
  movies: Movie[];
  files: MediaFile[];
  queue: number[];
  renames: RenamePreview[];
  refreshedAt: Map<number, number>;
}

export const arbRadarrLibrary: fc.Arbitrary<RadarrLibrary> = fc
  .array(
    fc.record({
      ...arbEntryBase,
      monitored: fc.boolean(),
      hasFile: fc.boolean(),
      isAvailable: fc.boolean(),
      queued: fc.boolean(),
      status: fc.constantFrom(...STATUSES),
      cutoffNotMet: fc.boolean(),
      score: fc.integer({ min: -200, max: 2000 }),
      listedWithFile: fc.boolean(),
      renamePending: fc.boolean(),
      refreshedDaysAgo: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    }),
    { maxLength: 40 },
  )
  .map((rows) => {
    const lib: RadarrLibrary = { movies: [], files: [], queue: [], renames: [], refreshedAt: new Map() };
    rows.forEach((r, i) => {
      const id = i + 1;
      const fileId = r.hasFile ? 1000 + id : 0;
      lib.movies.push(
        movie({
          id,
          monitored: r.monitored,
          isAvailable: r.isAvailable,
          status: r.status,
          qualityProfileId: r.profile,
          tags: [...r.userTags, ...(r.tagged ? [JOB_TAG] : [])],
          added: r.added,
          movieFileId: fileId,
          file: r.hasFile && r.listedWithFile ? { quality: 'Bluray-1080p', qualityCutoffNotMet: r.cutoffNotMet } : undefined,
          lastSearchTime: i % 3 === 0 ? undefined : iso(NOW - i * HOUR),
        }),
      );
      if (r.hasFile) {
        lib.files.push({ id: fileId, movieId: id, quality: 'Bluray-1080p', qualityCutoffNotMet: r.cutoffNotMet, customFormatScore: r.score });
        if (r.renamePending) lib.renames.push({ movieId: id, movieFileId: fileId, existingPath: 'old.mkv', newPath: 'New (2000).mkv' });
      }
      if (r.queued) lib.queue.push(id);
      if (r.refreshedDaysAgo !== undefined) lib.refreshedAt.set(id, NOW - r.refreshedDaysAgo * DAY);
    });
    return lib;
  });

export interface SonarrLibrary {
  series: Series[];
  episodes: Episode[];
  files: MediaFile[];
  queue: number[];
}

const arbEpisodeRow = fc.record({
  seasonNumber: fc.integer({ min: 0, max: 2 }),
  monitored: fc.boolean(),
  hasFile: fc.boolean(),
  airOffsetHours: fc.option(fc.integer({ min: -24 * 10, max: 24 * 40 }), { nil: undefined }),
  queued: fc.boolean(),
  cutoffNotMet: fc.boolean(),
  score: fc.integer({ min: -200, max: 2000 }),
});

export const arbSonarrLibrary: fc.Arbitrary<SonarrLibrary> = fc
  .array(
    fc.record({
      ...arbEntryBase,
      monitored: fc.boolean(),
      status: fc.constantFrom('continuing', 'ended'),
      seriesType: fc.constantFrom('standard' as const, 'anime' as const, 'daily' as const),
      seasonMonitored: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      episodes: fc.array(arbEpisodeRow, { maxLength: 14 }),
    }),
    { maxLength: 8 },
  )
  .map((rows) => {
    const lib: SonarrLibrary = { series: [], episodes: [], files: [], queue: [] };
    let nextEpisode = 1;
    rows.forEach((r, i) => {
      const seriesId = i + 1;
      const eps: Episode[] = r.episodes.map((e, n) => {
        const id = nextEpisode++;
        const fileId = e.hasFile ? 5000 + id : 0;
        if (e.hasFile) lib.files.push({ id: fileId, seriesId, seasonNumber: e.seasonNumber, quality: 'WEBDL-1080p', qualityCutoffNotMet: e.cutoffNotMet, customFormatScore: e.score });
        if (e.queued) lib.queue.push(id);
        return episode({
          id,
          seriesId,
          seasonNumber: e.seasonNumber,
          episodeNumber: n + 1,
          monitored: e.monitored,
          episodeFileId: fileId,
          airDateUtc: e.airOffsetHours === undefined ? undefined : iso(NOW - e.airOffsetHours * HOUR),
        });
      });
      const base = series({
        id: seriesId,
        monitored: r.monitored,
        status: r.status,
        seriesType: r.seriesType,
        qualityProfileId: r.profile,
        tags: [...r.userTags, ...(r.tagged ? [JOB_TAG] : [])],
        added: r.added,
        seasons: r.seasonMonitored.map((m, n) => season(n, { monitored: m })),
      });
      lib.series.push(withStatistics(base, eps, NOW));
      lib.episodes.push(...eps);
    });
    return lib;
  });

// ---- oracles: the brief's rules, written out once more ----

function passesFilters(entry: Movie | Series, f: JobFilters): boolean {
  const label = (id: number) => TAGS.find((t) => t.id === id)?.label;
  const labels = entry.tags.map(label);
  if (f.qualityProfileIds.length && !f.qualityProfileIds.includes(entry.qualityProfileId)) return false;
  if (f.includeTags.length && !f.includeTags.some((l) => labels.includes(l))) return false;
  if (f.excludeTags.some((l) => labels.includes(l))) return false;
  if (f.statuses.length && !f.statuses.includes(entry.status)) return false;
  const added = entry.added.slice(0, 10);
  if (f.addedAfter && added < f.addedAfter) return false;
  if (f.addedBefore && added > f.addedBefore) return false;
  return true;
}

const profile = (id: number) => PROFILES.find((p) => p.id === id)!;
const belowCutoff = (file: MediaFile, profileId: number) => file.qualityCutoffNotMet || file.customFormatScore < profile(profileId).cutoffFormatScore;

export function radarrOracle(lib: RadarrLibrary, job: JobSettings): number[] {
  return lib.movies
    .filter((m) => {
      if (!passesFilters(m, job.filters) || m.tags.includes(JOB_TAG)) return false;
      const file = lib.files.find((f) => f.movieId === m.id);
      const queued = lib.queue.includes(m.id);
      switch (job.type) {
        case 'missing':
          return m.monitored && m.movieFileId === 0 && m.isAvailable && !queued;
        case 'cutoff-unmet':
        case 'upgrade':
          return m.monitored && !!file && profile(m.qualityProfileId).upgradeAllowed && !queued && (job.includeAtCutoff && job.type === 'upgrade' ? true : belowCutoff(file, m.qualityProfileId));
        case 'rename':
          return lib.renames.some((r) => r.movieId === m.id);
        case 'refresh': {
          const at = lib.refreshedAt.get(m.id);
          return at === undefined || NOW - at >= job.refreshAfterDays * DAY;
        }
        default:
          throw new Error(`no Radarr oracle for ${job.type}`);
      }
    })
    .map((m) => m.id);
}

export function sonarrOracle(lib: SonarrLibrary, job: JobSettings): number[] {
  return lib.episodes
    .filter((e) => {
      const s = lib.series.find((x) => x.id === e.seriesId)!;
      if (!passesFilters(s, job.filters) || s.tags.includes(JOB_TAG)) return false;
      const monitored = s.monitored && !!s.seasons.find((x) => x.seasonNumber === e.seasonNumber)?.monitored && e.monitored;
      if (!monitored || lib.queue.includes(e.id)) return false;
      const aired = e.airDateUtc === undefined ? undefined : Date.parse(e.airDateUtc);
      const file = lib.files.find((f) => f.id === e.episodeFileId);
      switch (job.type) {
        case 'missing':
          return e.episodeFileId === 0 && aired !== undefined && aired <= NOW - job.graceHours * HOUR;
        case 'new-episodes':
          return e.episodeFileId === 0 && aired !== undefined && aired <= NOW - job.graceHours * HOUR && aired >= NOW - job.airedWithinHours * HOUR;
        case 'cutoff-unmet':
        case 'upgrade':
          return !!file && profile(s.qualityProfileId).upgradeAllowed && (job.includeAtCutoff && job.type === 'upgrade' ? true : belowCutoff(file, s.qualityProfileId));
        default:
          throw new Error(`no Sonarr episode oracle for ${job.type}`);
      }
    })
    .map((e) => e.id);
}
