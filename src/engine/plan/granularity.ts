/**
 * Sonarr: turns one series' targeted episodes into search commands at the job's granularity.
 *
 * - series: one SeriesSearch (a season search per monitored season).
 * - season: one SeasonSearch per season holding a target.
 * - episode: EpisodeSearch commands, one season's targets each (a few ids per command).
 * - auto: per season, a SeasonSearch where it is cheaper for the indexers than searching the
 *   targets one by one AND a season pack could be accepted; otherwise episode searches. A pack can
 *   be accepted only when it has ≥ 2 targets, no episode of the season is unmonitored (Sonarr
 *   rejects a pack holding one: spec/arr/NOTES.md §12), the season has finished airing (no future or
 *   undated episode), no episode of it is already downloading (the queue check would reject the
 *   pack), and, for upgrade jobs, every episode with a file is a target (a pack is rejected when any
 *   existing file is already at the cutoff).
 *
 * A command that would cost more than `maxCostPerCommand` falls back to the next finer kind, so an
 * anime season never outgrows a small hourly budget.
 */
import type { Episode, Series } from '../../arr/model';
import type { Granularity } from '../../shared/settings';
import { episodeSearchCost, seasonSearchCost, seriesSearchCost } from './cost';
import type { PlannedCommand } from './types';

export const MAX_EPISODES_PER_COMMAND = 10;

export interface SeriesCommandsInput {
  series: Series;
  /** every episode of the series */
  episodes: readonly Episode[];
  /** the eligible episodes */
  targets: readonly Episode[];
  granularity: Granularity;
  now: number;
  queueEpisodeIds: ReadonlySet<number>;
  packNeedsEveryFileTargeted: boolean;
  maxCostPerCommand?: number;
  /** custom-format score of the current file by episode id, when known */
  scoreOf?: (episode: Episode) => number | undefined;
  /** quality name of the current file by episode id, when known */
  qualityOf?: (episode: Episode) => string | undefined;
}

export function episodeLabel(series: Pick<Series, 'title'>, episode: Pick<Episode, 'seasonNumber' | 'episodeNumber'>): string {
  return `${series.title} S${pad(episode.seasonNumber)}E${pad(episode.episodeNumber)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Seasons in search order: regular seasons ascending, specials last. */
function seasonOrder(a: number, b: number): number {
  return (a === 0 ? Infinity : a) - (b === 0 ? Infinity : b);
}

export function commandsForSeries(input: SeriesCommandsInput): PlannedCommand[] {
  const { series, granularity } = input;
  const cap = input.maxCostPerCommand ?? Infinity;
  if (input.targets.length === 0) return [];
  if (granularity === 'series') {
    const cost = seriesSearchCost(series, input.episodes, input.now);
    if (cost <= cap) {
      const seasons = series.seasons.filter((s) => s.monitored).map((s) => s.seasonNumber);
      return [command(input, { name: 'SeriesSearch', seriesId: series.id }, cost, 'series', input.targets, { seasons, episodes: [] })];
    }
  }
  const bySeason = new Map<number, Episode[]>();
  for (const t of input.targets) bySeason.set(t.seasonNumber, [...(bySeason.get(t.seasonNumber) ?? []), t]);
  const commands: PlannedCommand[] = [];
  for (const seasonNumber of [...bySeason.keys()].sort(seasonOrder)) {
    const targets = bySeason.get(seasonNumber)!.sort((a, b) => a.episodeNumber - b.episodeNumber);
    const seasonEpisodes = input.episodes.filter((e) => e.seasonNumber === seasonNumber);
    const seasonCost = seasonSearchCost(series, seasonEpisodes, input.now);
    const wantSeason =
      seasonCost <= cap &&
      (granularity === 'season' || granularity === 'series' || (granularity === 'auto' && seasonCost < targets.length && packPossible(input, seasonEpisodes, targets)));
    if (wantSeason) {
      commands.push(command(input, { name: 'SeasonSearch', seriesId: series.id, seasonNumber }, seasonCost, 'season', targets, { seasons: [seasonNumber], episodes: [] }));
      continue;
    }
    const perCommand = Math.max(1, Math.min(MAX_EPISODES_PER_COMMAND, cap));
    for (let i = 0; i < targets.length; i += perCommand) {
      const batch = targets.slice(i, i + perCommand);
      const ids = batch.map((e) => e.id);
      commands.push(command(input, { name: 'EpisodeSearch', episodeIds: ids }, episodeSearchCost(ids), 'episode', batch, { seasons: [], episodes: ids }));
    }
  }
  return commands;
}

export function packPossible(input: Pick<SeriesCommandsInput, 'now' | 'queueEpisodeIds' | 'packNeedsEveryFileTargeted'>, seasonEpisodes: readonly Episode[], targets: readonly Episode[]): boolean {
  if (targets.length < 2) return false;
  const targetIds = new Set(targets.map((t) => t.id));
  for (const e of seasonEpisodes) {
    if (!e.monitored) return false;
    const aired = e.airDateUtc ? Date.parse(e.airDateUtc) : NaN;
    if (!(aired <= input.now)) return false;
    if (input.queueEpisodeIds.has(e.id)) return false;
    if (input.packNeedsEveryFileTargeted && e.episodeFileId > 0 && !targetIds.has(e.id)) return false;
  }
  return true;
}

function command(
  input: SeriesCommandsInput,
  body: PlannedCommand['body'],
  cost: number,
  granularity: 'series' | 'season' | 'episode',
  targets: readonly Episode[],
  progress: { seasons: number[]; episodes: number[] },
): PlannedCommand {
  return {
    body,
    cost,
    granularity,
    items: targets.map((e) => {
      const score = input.scoreOf?.(e);
      const quality = input.qualityOf?.(e);
      return { id: e.id, title: episodeLabel(input.series, e), ...(score === undefined ? {} : { score }), ...(quality ? { quality } : {}) };
    }),
    tagIds: [],
    seriesId: input.series.id,
    progress,
  };
}
