/** Radarr command effects (spec/arr/NOTES.md §9, §12). */
import { qualityRank } from '../library/qualities';
import { queuedIds } from '../library/indexes';
import type { SimState } from '../state';
import type { CommandRec } from './record';
import { requireAll } from './require-all';
import { applySearches } from './search-effects';

function movieIdsParam(cmd: CommandRec): number[] {
  const ids = cmd.params.movieIds;
  if (!Array.isArray(ids)) throw new Error('Value cannot be null. (Parameter \'source\')');
  return ids as number[];
}

function belowProfileCutoff(sim: SimState, movieId: number): boolean {
  const lib = sim.library;
  const m = lib.movies.get(movieId)!;
  const f = m.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
  const p = lib.qualityProfiles.find((x) => x.id === m.qualityProfileId);
  if (!f || !p) return false;
  const cutoff = p.items.findIndex((it) => (it.groupId ?? it.qualityId) === p.cutoff);
  return qualityRank(p, f.qualityId) < cutoff;
}

export function executeRadarr(sim: SimState, cmd: CommandRec): string | undefined {
  const lib = sim.library;
  const now = sim.now();
  const movieSearch = (ids: number[]) => {
    const grabs = applySearches(sim, cmd.id, cmd.def.name, ids.map((id) => ({ ids: [id], cost: 1 })));
    return `Completed search for ${ids.length} movies. ${grabs} reports downloaded.`;
  };
  switch (cmd.def.name) {
    case 'MoviesSearch': {
      // v5+: all ids are loaded (and checked) before any search, then searched by lastSearchTime ascending
      const movies = requireAll(lib.movies, movieIdsParam(cmd));
      movies.sort((a, b) => (a.lastSearchTime ?? 0) - (b.lastSearchTime ?? 0));
      return movieSearch(movies.map((m) => m.id));
    }
    case 'MissingMoviesSearch': {
      const queued = queuedIds(lib);
      const ids = [...lib.movies.values()].filter((m) => m.monitored && m.movieFileId === 0 && !queued.has(m.id)).map((m) => m.id);
      return movieSearch(ids);
    }
    case 'CutoffUnmetMoviesSearch': {
      const queued = queuedIds(lib);
      const ids = [...lib.movies.values()].filter((m) => m.monitored && !queued.has(m.id) && belowProfileCutoff(sim, m.id)).map((m) => m.id);
      return movieSearch(ids);
    }
    case 'RefreshMovie': {
      const ids = (cmd.params.movieIds as number[] | null | undefined) ?? [];
      const movies = ids.length === 0 ? [...lib.movies.values()] : requireAll(lib.movies, ids);
      for (const m of movies) m.lastRefreshed = now;
      return undefined;
    }
    case 'RenameMovie': {
      for (const m of requireAll(lib.movies, movieIdsParam(cmd))) {
        const f = m.movieFileId ? lib.movieFiles.get(m.movieFileId) : undefined;
        if (f) f.needsRename = false;
      }
      return undefined;
    }
    case 'RenameFiles': {
      for (const id of (cmd.params.files as number[] | undefined) ?? []) {
        const f = lib.movieFiles.get(id);
        if (f && f.movieId === cmd.params.movieId) f.needsRename = false;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
