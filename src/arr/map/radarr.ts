/**
 * Radarr resources (types from the generated spec) to the slim models the engine reads.
 * `toMovie` runs once per element of a 40k-movie stream: it copies only what Movie declares.
 */
import { type components } from '../generated/radarr';
import { type GrabRecord, type MediaFile, type Movie, type QueueRecord, type RenamePreview } from '../model';
import { qualityName } from './common';
import { asObject, idOf, opt } from './shape';

type S = components['schemas'];

export function toMovie(value: unknown): Movie {
  const m = asObject<S['MovieResource']>(value, 'a movie');
  const file = m.movieFile;
  return {
    id: idOf(m, 'a movie'),
    title: m.title ?? '',
    sortTitle: m.sortTitle ?? m.title ?? '',
    year: m.year ?? 0,
    monitored: m.monitored ?? false,
    status: m.status ?? 'tba',
    minimumAvailability: m.minimumAvailability ?? 'released',
    isAvailable: m.isAvailable ?? false,
    inCinemas: opt(m.inCinemas),
    physicalRelease: opt(m.physicalRelease),
    digitalRelease: opt(m.digitalRelease),
    qualityProfileId: m.qualityProfileId ?? 0,
    tags: m.tags ?? [],
    added: m.added ?? '',
    // movieFileId is the reliable test (since v5); v4 only has the nested file (spec/arr/NOTES.md §5)
    movieFileId: m.movieFileId ?? file?.id ?? 0,
    // the file's customFormatScore is not computed on /movie (0 or absent): deliberately not copied
    file: file ? { quality: qualityName(file.quality), qualityCutoffNotMet: file.qualityCutoffNotMet ?? false } : undefined,
    lastSearchTime: opt(m.lastSearchTime),
  };
}

export function toMovieFile(value: unknown): MediaFile {
  const f = asObject<S['MovieFileResource']>(value, 'a movie file');
  return {
    id: idOf(f, 'a movie file'),
    movieId: f.movieId ?? 0,
    quality: qualityName(f.quality),
    qualityCutoffNotMet: f.qualityCutoffNotMet ?? false,
    customFormatScore: f.customFormatScore ?? 0,
  };
}

export function toMovieQueueRecord(value: unknown): QueueRecord {
  const q = asObject<S['QueueResource']>(value, 'a queue item');
  return {
    id: idOf(q, 'a queue item'),
    movieId: opt(q.movieId),
    title: q.title ?? '',
    status: opt(q.status),
    trackedDownloadState: opt(q.trackedDownloadState),
  };
}

export function toMovieGrab(value: unknown): GrabRecord {
  const h = asObject<S['HistoryResource']>(value, 'a history record');
  return {
    id: idOf(h, 'a history record'),
    date: h.date ?? '',
    movieId: opt(h.movieId),
    sourceTitle: h.sourceTitle ?? '',
    quality: h.quality ? qualityName(h.quality) : undefined,
    customFormatScore: opt(h.customFormatScore),
    downloadId: opt(h.downloadId),
  };
}

export function toMovieRename(value: unknown): RenamePreview {
  const r = asObject<S['RenameMovieResource']>(value, 'a rename preview');
  return { movieId: opt(r.movieId), movieFileId: opt(r.movieFileId), existingPath: r.existingPath ?? '', newPath: r.newPath ?? '' };
}
