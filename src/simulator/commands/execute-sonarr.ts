/** Sonarr command effects (spec/arr/NOTES.md §9, §12, §13): season/series/episode searches and their cost. */
import { episodesOfSeries, queuedIds } from '../library/indexes';
import { qualityRank } from '../library/qualities';
import type { EpisodeRec, SeriesRec } from '../library/types';
import type { SimState } from '../state';
import type { CommandRec } from './record';
import { requireAll } from './require-all';
import { applySearches, type SearchUnit } from './search-effects';

function seriesOf(sim: SimState, id: unknown): SeriesRec {
  const s = typeof id === 'number' ? sim.library.series.get(id) : undefined;
  if (!s) throw new Error(`Series with ID ${String(id)} does not exist`);
  return s;
}

const aired = (e: EpisodeRec, now: number) => e.airDateUtc !== undefined && e.airDateUtc <= now;

/** One season search: standard 1 query; anime 1 + one per episode (SearchAnimeSeason). */
function seasonUnit(s: SeriesRec, seasonNumber: number, episodes: EpisodeRec[]): SearchUnit {
  return { ids: episodes.map((e) => e.id), cost: s.seriesType === 'anime' ? 1 + episodes.length : 1, seriesId: s.id, seasonNumber };
}

/** Missing/CutoffUnmet: ≥2 episodes of a season become a season search, a single one an episode search. */
function grouped(sim: SimState, episodes: EpisodeRec[]): SearchUnit[] {
  const groups = new Map<string, EpisodeRec[]>();
  for (const e of episodes) {
    const key = `${e.seriesId}:${e.seasonNumber}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(e);
  }
  return [...groups.values()].map((g) => (g.length > 1 ? seasonUnit(sim.library.series.get(g[0].seriesId)!, g[0].seasonNumber, g) : { ids: [g[0].id], cost: 1 }));
}

function belowQualityCutoff(sim: SimState, e: EpisodeRec): boolean {
  const lib = sim.library;
  const f = e.episodeFileId ? lib.episodeFiles.get(e.episodeFileId) : undefined;
  const s = lib.series.get(e.seriesId);
  const p = lib.qualityProfiles.find((x) => x.id === s?.qualityProfileId);
  if (!f || !p) return false;
  return qualityRank(p, f.qualityId) < p.items.findIndex((it) => (it.groupId ?? it.qualityId) === p.cutoff);
}

function wantedEpisodes(sim: SimState, cmd: CommandRec, pick: (e: EpisodeRec) => boolean): EpisodeRec[] {
  const lib = sim.library;
  const seriesId = cmd.params.seriesId as number | null | undefined;
  const monitored = (cmd.params.monitored as boolean | undefined) ?? true;
  const queued = queuedIds(lib);
  const pool = typeof seriesId === 'number' ? episodesOfSeries(lib, seriesOf(sim, seriesId).id).filter((e) => e.seasonNumber > 0) : [...lib.episodes.values()];
  return pool.filter((e) => {
    const s = lib.series.get(e.seriesId);
    const isMonitored = e.monitored && !!s?.monitored;
    return (monitored ? isMonitored : !isMonitored) && !queued.has(e.id) && pick(e);
  });
}

export function executeSonarr(sim: SimState, cmd: CommandRec): string | undefined {
  const lib = sim.library;
  const now = sim.now();
  const name = cmd.def.name;
  const scope = { seriesId: typeof cmd.params.seriesId === 'number' ? cmd.params.seriesId : undefined, seasonNumber: typeof cmd.params.seasonNumber === 'number' ? cmd.params.seasonNumber : undefined };
  const run = (units: SearchUnit[]) => {
    const grabs = applySearches(sim, cmd.id, name, units.filter((u) => u.ids.length > 0), scope);
    return `Completed. ${grabs} reports downloaded.`;
  };
  switch (name) {
    case 'EpisodeSearch': {
      const ids = cmd.params.episodeIds;
      if (!Array.isArray(ids)) throw new Error("Value cannot be null. (Parameter 'source')");
      const units: SearchUnit[] = [];
      for (const id of ids as number[]) {
        if (!lib.episodes.has(id)) {
          applySearches(sim, cmd.id, name, units); // the ones before the unknown id were searched
          throw new Error(`Episode with ID ${id} does not exist`);
        }
        units.push({ ids: [id], cost: 1 });
      }
      return run(units);
    }
    case 'SeasonSearch': {
      const s = seriesOf(sim, cmd.params.seriesId);
      const season = cmd.params.seasonNumber as number;
      const eps = episodesOfSeries(lib, s.id).filter((e) => e.seasonNumber === season && e.monitored && aired(e, now));
      return run([seasonUnit(s, season, eps)]);
    }
    case 'SeriesSearch': {
      const s = seriesOf(sim, cmd.params.seriesId);
      const eps = episodesOfSeries(lib, s.id);
      const seasons = s.seasons.filter((x) => x.monitored).sort((a, b) => a.seasonNumber - b.seasonNumber);
      if (seasons.length === 0) {
        return run(eps.filter((e) => e.monitored && aired(e, now) && e.episodeFileId === 0).map((e) => ({ ids: [e.id], cost: 1 })));
      }
      return run(seasons.map((x) => seasonUnit(s, x.seasonNumber, eps.filter((e) => e.seasonNumber === x.seasonNumber && e.monitored && aired(e, now)))));
    }
    case 'MissingEpisodeSearch':
      return run(grouped(sim, wantedEpisodes(sim, cmd, (e) => e.episodeFileId === 0 && aired(e, now))));
    case 'CutoffUnmetEpisodeSearch':
      return run(grouped(sim, wantedEpisodes(sim, cmd, (e) => e.seasonNumber > 0 && belowQualityCutoff(sim, e))));
    case 'RefreshSeries': {
      const ids = (cmd.params.seriesIds as number[] | null | undefined) ?? (typeof cmd.params.seriesId === 'number' ? [cmd.params.seriesId] : []);
      const series = ids.length === 0 ? [...lib.series.values()] : requireAll(lib.series, ids);
      for (const s of series) s.lastRefreshed = now;
      return undefined;
    }
    case 'RenameSeries': {
      const ids = cmd.params.seriesIds;
      if (!Array.isArray(ids)) throw new Error("Value cannot be null. (Parameter 'source')");
      for (const s of requireAll(lib.series, ids as number[])) {
        for (const e of episodesOfSeries(lib, s.id)) {
          const f = e.episodeFileId ? lib.episodeFiles.get(e.episodeFileId) : undefined;
          if (f) f.needsRename = false;
        }
      }
      return undefined;
    }
    case 'RenameFiles': {
      for (const id of (cmd.params.files as number[] | undefined) ?? []) {
        const f = lib.episodeFiles.get(id);
        if (f && f.seriesId === cmd.params.seriesId) f.needsRename = false;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
