/**
 * A job type is a list of specifications plus a command, per app, in one file under ./ . The
 * planner (../plan) and the runner (../run) are generic over these definitions: they gather what a
 * definition asks for, run its specifications in order (the first failing one gives the item's
 * reason), fetch the expensive per-item detail only for survivors, and build its command.
 *
 * Adding a job type: one file here plus its test, a line in ./registry.ts, and the type in
 * JOB_TYPES (src/shared/settings.ts).
 */
import type { Movie, SearchCommandBody, Series } from '../../arr/model';
import type { JobSettings, JobType, SearchOrder } from '../../shared/settings';
import type { EpisodeItem, Spec } from '../specs/context';

/** Per-entry data fetched only for the entries that passed the cheap specifications. */
export type EntryDetail =
  /** Radarr /moviefile?movieId=…: files with real custom-format scores */
  | 'movie-files'
  /** Radarr /rename?movieId=…, Sonarr /rename?seriesId=… */
  | 'rename';

/** A job whose unit is a library entry: a Radarr movie, or a Sonarr series (rename, refresh). */
export interface EntryJob<T extends Movie | Series> {
  /** cheap specifications on the listed entry, in the order their reasons are reported */
  specs(job: JobSettings): Spec<T>[];
  /** specifications that need per-entry detail; the planner fetches it in search order, lazily */
  detail?: {
    fetch: EntryDetail;
    /** false when the cheap data already decides (a file known to be below the quality cutoff) */
    needed(entry: T, job: JobSettings): boolean;
    specs(job: JobSettings): Spec<T>[];
  };
  command(ids: number[]): SearchCommandBody;
  /** estimated indexer queries per entry (spec/arr/NOTES.md §13); 0 for commands that search nothing */
  costPerEntry: number;
  /** entries per command: small batches, so one bad id fails few items and the budget stays even */
  maxPerCommand: number;
}

/**
 * A Sonarr search job: the unit is an episode, the tag sits on the series, and commands are
 * episode, season or series searches chosen by the job's granularity (../plan/granularity.ts).
 */
export interface EpisodeJob {
  /** run before a series' episodes are fetched: a series that fails costs no request */
  seriesSpecs(job: JobSettings): Spec<Series>[];
  episodeSpecs(job: JobSettings): Spec<EpisodeItem>[];
  /** fetch /episodefile?seriesId= (custom-format scores) for the series considered */
  needsEpisodeFiles(job: JobSettings): boolean;
  /**
   * Upgrades: a season pack is rejected when any episode's existing file is already at the cutoff
   * (UpgradeDiskSpecification, spec/arr/NOTES.md §12), so auto granularity picks a season search only
   * when every episode with a file in the season is a target.
   */
  packNeedsEveryFileTargeted: boolean;
}

export type SonarrJob = { unit: 'episode'; episodes: EpisodeJob } | { unit: 'series'; series: EntryJob<Series> };

export interface JobDefinition {
  type: JobType;
  /** one line for the settings window and --help */
  summary: string;
  /** the order a new job of this type starts with */
  defaultOrder: SearchOrder;
  /** searches need the download queue (queued items are never searched); rename/refresh do not */
  needsQueue: boolean;
  radarr?: EntryJob<Movie>;
  sonarr?: SonarrJob;
}
