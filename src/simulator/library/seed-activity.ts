/** Seeds the download queue and a grab history so a fresh library looks like one in use. */
import { type Rng } from './rng';
import { INDEXERS, RELEASE_GROUPS } from './text';
import type { HistoryRec, Library, QueueRec } from './types';
import { allowedQualities, formatScore, qualityRank } from './qualities';

export function downloadId(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 40; i++) s += '0123456789ABCDEF'[rng.int(0, 15)];
  return s;
}

interface Target {
  movieId?: number;
  seriesId?: number;
  episodeId?: number;
  seasonNumber?: number;
  title: string;
  profileId: number;
}

function targetOf(lib: Library, id: number): Target {
  if (lib.app === 'radarr') {
    const m = lib.movies.get(id)!;
    return { movieId: id, title: `${m.title.replace(/ /g, '.')}.${m.year}`, profileId: m.qualityProfileId };
  }
  const e = lib.episodes.get(id)!;
  const s = lib.series.get(e.seriesId)!;
  const se = `S${String(e.seasonNumber).padStart(2, '0')}E${String(e.episodeNumber).padStart(2, '0')}`;
  return { seriesId: s.id, episodeId: id, seasonNumber: e.seasonNumber, title: `${s.title.replace(/ /g, '.')}.${se}`, profileId: s.qualityProfileId };
}

/** A grab of a release for one movie or episode: a history record and (optionally) a queue item. */
export function addGrab(lib: Library, rng: Rng, id: number, date: number, toQueue: boolean): { history: HistoryRec; queue?: QueueRec } {
  const t = targetOf(lib, id);
  const profile = lib.qualityProfiles.find((p) => p.id === t.profileId) ?? lib.qualityProfiles[0];
  const allowed = allowedQualities(profile);
  const qualityId = allowed.reduce((best, q) => (qualityRank(profile, q) > qualityRank(profile, best) ? q : best), allowed[0]);
  const group = rng.pick(RELEASE_GROUPS);
  const formatIds = rng.chance(0.5) ? [3] : [4];
  const dl = downloadId(rng);
  const indexer = rng.pick(INDEXERS);
  const protocol = indexer.includes('Torrents') ? 'torrent' : 'usenet';
  const sourceTitle = `${t.title}.1080p.BluRay.x264-${group}`;
  const history: HistoryRec = {
    id: lib.nextId.history++,
    eventType: 'grabbed',
    date,
    movieId: t.movieId,
    seriesId: t.seriesId,
    episodeId: t.episodeId,
    sourceTitle,
    qualityId,
    customFormatScore: formatScore(profile, formatIds),
    downloadId: dl,
    indexer,
    releaseGroup: group,
  };
  lib.history.push(history);
  if (!toQueue) return { history };
  const size = rng.int(1_000, 20_000) * 1_048_576;
  const queue: QueueRec = {
    id: lib.nextId.queue++,
    movieId: t.movieId,
    seriesId: t.seriesId,
    episodeId: t.episodeId,
    seasonNumber: t.seasonNumber,
    title: sourceTitle,
    qualityId,
    customFormatScore: history.customFormatScore,
    size,
    sizeleft: Math.floor(size * rng.next()),
    added: date,
    downloadId: dl,
    protocol,
    indexer,
    downloadClient: protocol === 'torrent' ? 'qBittorrent' : 'SABnzbd',
    status: rng.chance(0.8) ? 'downloading' : 'queued',
  };
  lib.queue.push(queue);
  return { history, queue };
}

/**
 * `queued` items get a queue entry (and their grab record); about 3% of the rest get an older
 * grab in history. Dates lie in the 60 days before the anchor, oldest first.
 */
export function seedQueueAndHistory(lib: Library, rng: Rng, queued: number[]): void {
  const ids = lib.app === 'radarr' ? [...lib.movies.keys()] : [...lib.episodes.keys()];
  const past: { id: number; date: number }[] = [];
  for (const id of ids) if (rng.chance(0.03)) past.push({ id, date: lib.anchor - rng.int(2 * 24, 60 * 24) * 3_600_000 });
  past.sort((a, b) => a.date - b.date);
  for (const p of past) addGrab(lib, rng, p.id, p.date, false);
  for (const id of queued) addGrab(lib, rng, id, lib.anchor - rng.int(1, 36) * 3_600_000, true);
  lib.history.sort((a, b) => a.date - b.date || a.id - b.id);
}
