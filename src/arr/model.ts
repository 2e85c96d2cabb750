/**
 * The slim shapes the Radarr/Sonarr clients hand to the engine: only the fields the engine reads.
 * Large lists (/movie, /series) are parsed as a stream straight into these, so a 40k-movie library
 * never exists in memory as the full upstream object graph. The upstream shapes live in
 * ./generated (openapi-typescript output); mappers in the clients go from those to these.
 */

export type ArrKind = 'radarr' | 'sonarr';

export interface SystemInfo {
  appName: string;
  version: string;
  /** major part of version: Radarr 4/5/6, Sonarr 3/4/5 */
  major: number;
  instanceName?: string;
  urlBase?: string;
}

export interface Tag {
  id: number;
  label: string;
}

export interface QualityProfile {
  id: number;
  name: string;
  upgradeAllowed: boolean;
  /** quality id or group id */
  cutoff: number;
  /** name of the cutoff quality or group, for reasons such as "at cutoff: Bluray-1080p" */
  cutoffName: string;
  /** 0 where the app has no custom formats (Sonarr v3) */
  minFormatScore: number;
  cutoffFormatScore: number;
  minUpgradeFormatScore: number;
}

/** A file as /moviefile or /episodefile serve it: with the real custom-format score. */
export interface MediaFile {
  id: number;
  /** Radarr */
  movieId?: number;
  /** Sonarr */
  seriesId?: number;
  seasonNumber?: number;
  /** quality name, e.g. "Bluray-1080p" */
  quality: string;
  /** quality-only cutoff check computed by the app */
  qualityCutoffNotMet: boolean;
  customFormatScore: number;
}

export interface Movie {
  id: number;
  title: string;
  sortTitle: string;
  year: number;
  monitored: boolean;
  /** "tba" | "announced" | "inCinemas" | "released" | "deleted" */
  status: string;
  minimumAvailability: string;
  isAvailable: boolean;
  inCinemas?: string;
  physicalRelease?: string;
  digitalRelease?: string;
  qualityProfileId: number;
  tags: number[];
  added: string;
  /** 0 = no file (the reliable test; hasFile is absent from some responses, spec/arr/NOTES.md §5) */
  movieFileId: number;
  /** quality name and quality-only cutoff flag of the file, when /movie includes it (no CF score there) */
  file?: { quality: string; qualityCutoffNotMet: boolean };
  lastSearchTime?: string;
}

export interface Season {
  seasonNumber: number;
  monitored: boolean;
  episodeCount?: number;
  episodeFileCount?: number;
  totalEpisodeCount?: number;
  nextAiring?: string;
  previousAiring?: string;
}

export interface Series {
  id: number;
  title: string;
  sortTitle: string;
  year: number;
  monitored: boolean;
  /** "continuing" | "ended" | "upcoming" | "deleted" */
  status: string;
  seriesType: 'standard' | 'daily' | 'anime';
  qualityProfileId: number;
  tags: number[];
  added: string;
  seasons: Season[];
  /** series statistics: episodeCount = monitored aired or with file; episodeFileCount = with file */
  episodeCount?: number;
  episodeFileCount?: number;
  nextAiring?: string;
  previousAiring?: string;
}

export interface Episode {
  id: number;
  seriesId: number;
  seasonNumber: number;
  episodeNumber: number;
  title: string;
  /** absent when TBA */
  airDateUtc?: string;
  monitored: boolean;
  /** 0 = no file */
  episodeFileId: number;
  lastSearchTime?: string;
}

export interface QueueRecord {
  id: number;
  movieId?: number;
  seriesId?: number;
  episodeId?: number;
  seasonNumber?: number;
  title: string;
  status?: string;
  trackedDownloadState?: string;
}

export interface QueueStatus {
  totalCount: number;
  count: number;
  errors: boolean;
  warnings: boolean;
}

export interface HealthCheck {
  source: string;
  type: 'ok' | 'notice' | 'warning' | 'error';
  message: string;
}

export type CommandStatus = 'queued' | 'started' | 'completed' | 'failed' | 'aborted' | 'cancelled' | 'orphaned';

export interface Command {
  id: number;
  name: string;
  status: CommandStatus;
  result?: string;
  message?: string;
  queued?: string;
  started?: string;
  ended?: string;
  exception?: string;
}

/** A command as GET /command lists it, with what it was asked to do: enough to recognise one we sent. */
export interface ListedCommand extends Command {
  /** the ids of its body; absent fields were not in it */
  body: { movieIds?: number[]; episodeIds?: number[]; seriesIds?: number[]; seriesId?: number; seasonNumber?: number };
  /** who sent it (Radarr/Sonarr record the User-Agent), e.g. "Trawlarr/1.2.0" */
  clientUserAgent?: string;
}

/** A "grabbed" history record. */
export interface GrabRecord {
  id: number;
  date: string;
  movieId?: number;
  seriesId?: number;
  episodeId?: number;
  sourceTitle: string;
  quality?: string;
  customFormatScore?: number;
  downloadId?: string;
}

export interface RenamePreview {
  movieId?: number;
  movieFileId?: number;
  seriesId?: number;
  seasonNumber?: number;
  episodeNumbers?: number[];
  episodeFileId?: number;
  existingPath: string;
  newPath: string;
}

/** The search and maintenance commands Trawlarr sends (spec/arr/NOTES.md §9). */
export type SearchCommandBody =
  | { name: 'MoviesSearch'; movieIds: number[] }
  | { name: 'SeriesSearch'; seriesId: number }
  | { name: 'SeasonSearch'; seriesId: number; seasonNumber: number }
  | { name: 'EpisodeSearch'; episodeIds: number[] }
  | { name: 'RefreshMovie'; movieIds: number[] }
  | { name: 'RefreshSeries'; seriesIds: number[] }
  | { name: 'RenameMovie'; movieIds: number[] }
  | { name: 'RenameSeries'; seriesIds: number[] };
