/**
 * Sonarr resources (types from the generated spec) to the slim models the engine reads.
 */
import { type components } from '../generated/sonarr';
import { type Episode, type GrabRecord, type MediaFile, type QueueRecord, type RenamePreview, type Season, type Series } from '../model';
import { qualityName } from './common';
import { asObject, idOf, opt } from './shape';

type S = components['schemas'];

const SERIES_TYPES = new Set(['standard', 'daily', 'anime']);

function toSeason(s: S['SeasonResource']): Season {
  const st = s.statistics;
  return {
    seasonNumber: s.seasonNumber ?? 0,
    monitored: s.monitored ?? false,
    episodeCount: st?.episodeCount,
    episodeFileCount: st?.episodeFileCount,
    totalEpisodeCount: st?.totalEpisodeCount,
    nextAiring: opt(st?.nextAiring),
    previousAiring: opt(st?.previousAiring),
  };
}

export function toSeries(value: unknown): Series {
  const s = asObject<S['SeriesResource']>(value, 'a series');
  const type = s.seriesType ?? 'standard';
  return {
    id: idOf(s, 'a series'),
    title: s.title ?? '',
    sortTitle: s.sortTitle ?? s.title ?? '',
    year: s.year ?? 0,
    monitored: s.monitored ?? false,
    status: s.status ?? 'continuing',
    seriesType: SERIES_TYPES.has(type) ? type : 'standard',
    qualityProfileId: s.qualityProfileId ?? 0,
    tags: s.tags ?? [],
    added: s.added ?? '',
    seasons: (s.seasons ?? []).map(toSeason),
    episodeCount: s.statistics?.episodeCount,
    episodeFileCount: s.statistics?.episodeFileCount,
    nextAiring: opt(s.nextAiring),
    previousAiring: opt(s.previousAiring),
  };
}

export function toEpisode(value: unknown): Episode {
  const e = asObject<S['EpisodeResource']>(value, 'an episode');
  return {
    id: idOf(e, 'an episode'),
    seriesId: e.seriesId ?? 0,
    seasonNumber: e.seasonNumber ?? 0,
    episodeNumber: e.episodeNumber ?? 0,
    title: e.title ?? '',
    airDateUtc: opt(e.airDateUtc),
    monitored: e.monitored ?? false,
    episodeFileId: e.episodeFileId ?? 0,
    lastSearchTime: opt(e.lastSearchTime),
  };
}

export function toEpisodeFile(value: unknown): MediaFile {
  const f = asObject<S['EpisodeFileResource']>(value, 'an episode file');
  return {
    id: idOf(f, 'an episode file'),
    seriesId: f.seriesId ?? 0,
    seasonNumber: f.seasonNumber ?? 0,
    quality: qualityName(f.quality),
    qualityCutoffNotMet: f.qualityCutoffNotMet ?? false,
    // Sonarr v3 has no custom formats: no score means 0
    customFormatScore: f.customFormatScore ?? 0,
  };
}

export function toEpisodeQueueRecord(value: unknown): QueueRecord {
  const q = asObject<S['QueueResource']>(value, 'a queue item');
  return {
    id: idOf(q, 'a queue item'),
    seriesId: opt(q.seriesId),
    episodeId: opt(q.episodeId),
    seasonNumber: opt(q.seasonNumber),
    title: q.title ?? '',
    status: opt(q.status),
    trackedDownloadState: opt(q.trackedDownloadState),
  };
}

export function toEpisodeGrab(value: unknown): GrabRecord {
  const h = asObject<S['HistoryResource']>(value, 'a history record');
  return {
    id: idOf(h, 'a history record'),
    date: h.date ?? '',
    seriesId: opt(h.seriesId),
    episodeId: opt(h.episodeId),
    sourceTitle: h.sourceTitle ?? '',
    quality: h.quality ? qualityName(h.quality) : undefined,
    customFormatScore: opt(h.customFormatScore),
    downloadId: opt(h.downloadId),
  };
}

export function toEpisodeRename(value: unknown): RenamePreview {
  const r = asObject<S['RenameEpisodeResource']>(value, 'a rename preview');
  return {
    seriesId: opt(r.seriesId),
    seasonNumber: opt(r.seasonNumber),
    episodeNumbers: opt(r.episodeNumbers),
    episodeFileId: opt(r.episodeFileId),
    existingPath: r.existingPath ?? '',
    newPath: r.newPath ?? '',
  };
}
