/**
 * The simulator's internal state: compact records (dates as epoch ms, no stored prose) that the
 * render modules turn into upstream-shaped JSON on the way out. Tests may read and mutate these.
 */
export type ArrApp = 'radarr' | 'sonarr';

/** Radarr `MovieStatusType` names. */
export type MovieStatus = 'tba' | 'announced' | 'inCinemas' | 'released' | 'deleted';

export interface TagRec {
  id: number;
  label: string;
}

export interface CustomFormatRec {
  id: number;
  name: string;
}

/** One row of a profile's `items`: a single quality or a group of qualities (group ids start at 1000). */
export interface ProfileItemRec {
  qualityId?: number;
  groupId?: number;
  name?: string;
  qualityIds?: number[];
  allowed: boolean;
}

export interface QualityProfileRec {
  id: number;
  name: string;
  upgradeAllowed: boolean;
  /** quality id or group id */
  cutoff: number;
  /** lowest to highest preference */
  items: ProfileItemRec[];
  minFormatScore: number;
  cutoffFormatScore: number;
  minUpgradeFormatScore: number;
  formatItems: { format: number; score: number }[];
}

export interface MovieRec {
  id: number;
  title: string;
  year: number;
  tmdbId: number;
  imdbId: string;
  monitored: boolean;
  qualityProfileId: number;
  minimumAvailability: MovieStatus;
  /** epoch ms; undefined = unknown */
  inCinemas?: number;
  physicalRelease?: number;
  digitalRelease?: number;
  added: number;
  tags: number[];
  /** 0 = no file */
  movieFileId: number;
  lastSearchTime?: number;
  runtime: number;
  /** set when a RefreshMovie command covered this movie */
  lastRefreshed?: number;
}

export interface MovieFileRec {
  id: number;
  movieId: number;
  qualityId: number;
  /** custom formats the file matches; the score comes from the movie's profile */
  formatIds: number[];
  size: number;
  dateAdded: number;
  releaseGroup: string;
  /** true when the rename preview would list this file */
  needsRename: boolean;
}

export interface SeasonRec {
  seasonNumber: number;
  monitored: boolean;
}

export interface SeriesRec {
  id: number;
  title: string;
  year: number;
  tvdbId: number;
  imdbId: string;
  monitored: boolean;
  qualityProfileId: number;
  seriesType: 'standard' | 'daily' | 'anime';
  status: 'continuing' | 'ended' | 'upcoming';
  network: string;
  runtime: number;
  added: number;
  tags: number[];
  seasons: SeasonRec[];
  lastRefreshed?: number;
}

export interface EpisodeRec {
  id: number;
  seriesId: number;
  seasonNumber: number;
  episodeNumber: number;
  /** epoch ms; undefined = TBA */
  airDateUtc?: number;
  monitored: boolean;
  /** 0 = no file */
  episodeFileId: number;
  absoluteEpisodeNumber?: number;
  lastSearchTime?: number;
}

export interface EpisodeFileRec {
  id: number;
  seriesId: number;
  seasonNumber: number;
  qualityId: number;
  formatIds: number[];
  size: number;
  dateAdded: number;
  releaseGroup: string;
  needsRename: boolean;
}

export interface QueueRec {
  id: number;
  movieId?: number;
  seriesId?: number;
  episodeId?: number;
  seasonNumber?: number;
  title: string;
  qualityId: number;
  customFormatScore: number;
  size: number;
  sizeleft: number;
  added: number;
  downloadId: string;
  protocol: 'usenet' | 'torrent';
  indexer: string;
  downloadClient: string;
  status: 'queued' | 'downloading' | 'paused' | 'completed' | 'warning';
}

export interface HistoryRec {
  id: number;
  eventType: 'grabbed' | 'downloadFolderImported' | 'downloadFailed';
  date: number;
  movieId?: number;
  seriesId?: number;
  episodeId?: number;
  sourceTitle: string;
  qualityId: number;
  customFormatScore: number;
  downloadId: string;
  indexer: string;
  releaseGroup: string;
}

export interface Library {
  app: ArrApp;
  /** the hour (epoch ms) relative dates were generated from */
  anchor: number;
  tags: TagRec[];
  customFormats: CustomFormatRec[];
  qualityProfiles: QualityProfileRec[];
  /** Radarr */
  movies: Map<number, MovieRec>;
  movieFiles: Map<number, MovieFileRec>;
  /** Sonarr */
  series: Map<number, SeriesRec>;
  episodes: Map<number, EpisodeRec>;
  episodeFiles: Map<number, EpisodeFileRec>;
  queue: QueueRec[];
  history: HistoryRec[];
  /** next free ids for records the server creates */
  nextId: { tag: number; queue: number; history: number };
}

export type LibrarySize = 'tiny' | 'small' | 'medium' | 'large' | { movies: number } | { series: number };

export function emptyLibrary(app: ArrApp, anchor: number): Library {
  return {
    app,
    anchor,
    tags: [],
    customFormats: [],
    qualityProfiles: [],
    movies: new Map(),
    movieFiles: new Map(),
    series: new Map(),
    episodes: new Map(),
    episodeFiles: new Map(),
    queue: [],
    history: [],
    nextId: { tag: 1, queue: 1, history: 1 },
  };
}
