/**
 * This cycle's progress inside Sonarr series, as plain JSON for the state store: which seasons and
 * episodes of each untagged series the cycle has searched. A series leaves the map when it gets
 * the tag (the tag then says it all) and the whole map is cleared when a new cycle starts.
 */
import type { SeriesProgress } from '../specs/context';

export type ProgressRecord = Record<string, SeriesProgress>;

export function progressMap(record: ProgressRecord | undefined): Map<number, SeriesProgress> {
  const map = new Map<number, SeriesProgress>();
  for (const [id, p] of Object.entries(record ?? {})) map.set(Number(id), { seasons: [...p.seasons], episodes: [...p.episodes] });
  return map;
}

/** Adds a completed command's progress (sets, no duplicates). */
export function addProgress(record: ProgressRecord, seriesId: number, done: SeriesProgress): ProgressRecord {
  const current = record[seriesId] ?? { seasons: [], episodes: [] };
  return {
    ...record,
    [seriesId]: {
      seasons: union(current.seasons, done.seasons),
      episodes: union(current.episodes, done.episodes),
    },
  };
}

/** Removes the series that now carry the tag. */
export function dropProgress(record: ProgressRecord, seriesIds: readonly number[]): ProgressRecord {
  const next = { ...record };
  for (const id of seriesIds) delete next[id];
  return next;
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}
