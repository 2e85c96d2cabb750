/**
 * What a search does to the library: lastSearchTime (only when an indexer was queried, spec/arr/NOTES.md
 * §12), grabs with the configured chance (history + queue, dated at the injected clock), and the
 * `searches` record with its indexer cost (§13).
 */
import { formatScore, qualityCutoffNotMet } from '../library/qualities';
import { addGrab } from '../library/seed-activity';
import { queuedIds } from '../library/indexes';
import type { Library } from '../library/types';
import type { SimState } from '../state';
import type { SearchRecord } from '../types';

/** Would a release for this item be an improvement? (no file, quality below cutoff, or score below the CF cutoff) */
export function wantsRelease(lib: Library, id: number): boolean {
  if (lib.app === 'radarr') {
    const m = lib.movies.get(id);
    if (!m) return false;
    const f = m.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
    if (!f) return true;
    const p = lib.qualityProfiles.find((x) => x.id === m.qualityProfileId);
    return !!p && p.upgradeAllowed && (qualityCutoffNotMet(p, f.qualityId) || formatScore(p, f.formatIds) < p.cutoffFormatScore);
  }
  const e = lib.episodes.get(id);
  if (!e) return false;
  const f = e.episodeFileId ? lib.episodeFiles.get(e.episodeFileId) : undefined;
  if (!f) return true;
  const s = lib.series.get(e.seriesId);
  const p = lib.qualityProfiles.find((x) => x.id === s?.qualityProfileId);
  return !!p && p.upgradeAllowed && (qualityCutoffNotMet(p, f.qualityId) || formatScore(p, f.formatIds) < p.cutoffFormatScore);
}

export interface SearchUnit {
  ids: number[];
  cost: number;
  seriesId?: number;
  seasonNumber?: number;
}

/**
 * Applies one command's searches and appends one `searches` record for the command (ids and cost
 * summed over its units). Nothing is recorded when the command searched nothing.
 */
export function applySearches(sim: SimState, commandId: number, command: string, units: SearchUnit[], scope: { seriesId?: number; seasonNumber?: number } = {}): number {
  const lib = sim.library;
  const now = sim.now();
  const queried = !sim.faults.indexersBackedOff;
  const ids = units.flatMap((u) => u.ids);
  if (ids.length === 0) return 0;
  const grabbed: number[] = [];
  if (queried) {
    const inQueue = queuedIds(lib);
    for (const id of ids) {
      const item = lib.app === 'radarr' ? lib.movies.get(id) : lib.episodes.get(id);
      if (!item) continue;
      item.lastSearchTime = now;
      if (!inQueue.has(id) && wantsRelease(lib, id) && sim.rng.next() < sim.grabChance) {
        addGrab(lib, sim.rng, id, now, true);
        grabbed.push(id);
      }
    }
  }
  const record: SearchRecord = { commandId, command, ids, cost: queried ? units.reduce((a, u) => a + u.cost, 0) : 0, indexersQueried: queried, grabbed, at: now };
  if (scope.seriesId !== undefined) record.seriesId = scope.seriesId;
  if (scope.seasonNumber !== undefined) record.seasonNumber = scope.seasonNumber;
  sim.searches.push(record);
  return grabbed.length;
}
