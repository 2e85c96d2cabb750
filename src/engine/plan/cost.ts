/**
 * Estimated indexer queries per command, per indexer (spec/arr/NOTES.md §13; brief "Indexer cost
 * estimate"): a movie 1, an episode 1, a season 1, an anime season 1 + its aired episodes
 * (SearchAnimeSeason adds one query per aired episode), a series the cost of its monitored seasons'
 * searches (SeriesSearch runs one season search per monitored season). The scheduler budgets with
 * these figures, so they are the same everywhere.
 */
import type { Episode, Series } from '../../arr/model';

function aired(episode: Episode, now: number): boolean {
  if (!episode.airDateUtc) return false;
  const t = Date.parse(episode.airDateUtc);
  return !Number.isNaN(t) && t <= now;
}

export function seasonSearchCost(series: Pick<Series, 'seriesType'>, seasonEpisodes: readonly Episode[], now: number): number {
  if (series.seriesType !== 'anime') return 1;
  return 1 + seasonEpisodes.filter((e) => aired(e, now)).length;
}

export function seriesSearchCost(series: Pick<Series, 'seriesType' | 'seasons'>, episodes: readonly Episode[], now: number): number {
  let cost = 0;
  for (const season of series.seasons) {
    if (!season.monitored) continue;
    cost += seasonSearchCost(series, episodes.filter((e) => e.seasonNumber === season.seasonNumber), now);
  }
  return cost;
}

export function episodeSearchCost(episodeIds: readonly number[]): number {
  return episodeIds.length;
}
