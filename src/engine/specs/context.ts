/**
 * What a specification may look at besides the item itself. Built once per run by the planner from
 * the gathered data; specifications never fetch anything.
 */
import type { Episode, MediaFile, QualityProfile, RenamePreview, Series } from '../../arr/model';
import type { JobSettings } from '../../shared/settings';
import type { SkipReason } from './reason';

/** What this cycle has already searched inside one series (Sonarr episode jobs). */
export interface SeriesProgress {
  /** seasons searched as a whole (SeasonSearch, or covered by a SeriesSearch) */
  seasons: number[];
  /** episodes searched one by one (EpisodeSearch) */
  episodes: number[];
}

export interface QueueIds {
  movieIds: ReadonlySet<number>;
  episodeIds: ReadonlySet<number>;
}

export interface SpecContext {
  /** milliseconds since the epoch */
  readonly now: number;
  readonly job: JobSettings;
  readonly profiles: ReadonlyMap<number, QualityProfile>;
  /** every tag of the instance, by lowercased label */
  readonly tagIdsByLabel: ReadonlyMap<string, number>;
  /** the job's own tag; null when it does not exist yet (a dry run creates nothing): nothing carries it */
  readonly jobTagId: number | null;
  readonly queue: QueueIds;
  /** files with real custom-format scores, by file id; only those fetched so far */
  readonly files: ReadonlyMap<number, MediaFile>;
  /** rename previews by movie id (Radarr) or series id (Sonarr); only those fetched so far */
  readonly renames: ReadonlyMap<number, readonly RenamePreview[]>;
  /** Sonarr: this cycle's progress per series id */
  readonly progress: ReadonlyMap<number, SeriesProgress>;
  /** refresh: when this job last refreshed each item (ms), by movie/series id */
  readonly refreshedAt: ReadonlyMap<number, number>;
  /** movies/series a command of an earlier run is still working on (it timed out, not finished yet) */
  readonly inFlight: ReadonlySet<number>;
  /** the same for Sonarr episodes (targets of an unfinished episode, season or series search) */
  readonly inFlightEpisodes: ReadonlySet<number>;
  /** movies / episodes the instance's other jobs searched within its cross-job window (absent: none) */
  readonly searchedByOthers?: ReadonlyMap<number, { jobId: string; at: number }>;
}

/** A Sonarr episode with the series it belongs to: the unit episode-level jobs decide on. */
export interface EpisodeItem {
  readonly episode: Episode;
  readonly series: Series;
}

/** A specification: null when the item passes, otherwise the reason it is skipped. */
export type Spec<T> = (item: T, ctx: SpecContext) => SkipReason | null;

/** The first reason among `specs`, in order, or null when the item passes them all. */
export function firstSkip<T>(specs: readonly Spec<T>[], item: T, ctx: SpecContext): SkipReason | null {
  for (const spec of specs) {
    const reason = spec(item, ctx);
    if (reason) return reason;
  }
  return null;
}
