/**
 * Lookups the routes need often (episodes of a series, queue membership). Rebuilt when the maps
 * change size, so tests that add or remove records through the live library stay consistent.
 */
import type { EpisodeRec, Library } from './types';

interface EpisodeIndex {
  size: number;
  bySeries: Map<number, EpisodeRec[]>;
}

const episodeIndexes = new WeakMap<Library, EpisodeIndex>();

export function episodesOfSeries(lib: Library, seriesId: number): EpisodeRec[] {
  let idx = episodeIndexes.get(lib);
  if (!idx || idx.size !== lib.episodes.size) {
    const bySeries = new Map<number, EpisodeRec[]>();
    for (const e of lib.episodes.values()) {
      let list = bySeries.get(e.seriesId);
      if (!list) bySeries.set(e.seriesId, (list = []));
      list.push(e);
    }
    idx = { size: lib.episodes.size, bySeries };
    episodeIndexes.set(lib, idx);
  }
  return idx.bySeries.get(seriesId) ?? [];
}

export function episodesOfFile(lib: Library, fileId: number): EpisodeRec[] {
  const file = lib.episodeFiles.get(fileId);
  if (!file) return [];
  return episodesOfSeries(lib, file.seriesId).filter((e) => e.episodeFileId === fileId);
}

/** Movie ids (Radarr) or episode ids (Sonarr) that sit in the download queue. */
export function queuedIds(lib: Library): Set<number> {
  const out = new Set<number>();
  for (const q of lib.queue) {
    const id = lib.app === 'radarr' ? q.movieId : q.episodeId;
    if (id !== undefined) out.add(id);
  }
  return out;
}
