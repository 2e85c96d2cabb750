/**
 * Plans a Sonarr search job (missing, cutoff-unmet, upgrade, new-episodes): the unit is an episode,
 * the tag sits on the series.
 *
 * 1. The series specifications run on every series (monitored, filters, statistics, tag): a series
 *    that fails them costs no request.
 * 2. The surviving series are put in search order and examined one at a time: its episodes (and,
 *    for upgrade jobs, its files with scores) are fetched, the episode specifications pick the
 *    targets, and granularity turns the targets into commands. This stops once the run's command
 *    limit is reached, so requests grow with the series considered, not with the library.
 * 3. The last command of a series whose every remaining target fits in this run carries the series
 *    in `tagIds`; an untagged series with progress but no target left is returned in `tagOnly`.
 */
import type { Episode, Series } from '../../arr/model';
import type { SearchOrder } from '../../shared/settings';
import type { EpisodeJob } from '../jobs/types';
import { type EpisodeItem, firstSkip } from '../specs/context';
import { ReasonCounts } from '../specs/reason';
import type { PlanContext } from './context';
import { commandsForSeries, episodeLabel } from './granularity';
import type { DetailLoader } from './loader';
import { orderItems } from './order';
import type { Plan, PlannedCommand } from './types';

export interface EpisodePlanInput {
  series: readonly Series[];
  def: EpisodeJob;
  ctx: PlanContext;
  /** commands to send in this run */
  limit: number;
  order: SearchOrder;
  loader: DetailLoader;
  evaluateAll?: boolean;
  seed?: number;
  /** when this job last searched something of the series (ms), for least-recently-searched */
  lastSearched?: (series: Series) => number | undefined;
  maxCostPerCommand?: number;
}

export async function planEpisodes(input: EpisodePlanInput): Promise<Plan> {
  const { def, ctx, limit } = input;
  const job = ctx.job;
  const reasons = new ReasonCounts();
  const seriesSpecs = def.seriesSpecs(job);
  const episodeSpecs = def.episodeSpecs(job);
  const needsFiles = def.needsEpisodeFiles(job);

  const survivors: Series[] = [];
  for (const series of input.series) {
    const reason = firstSkip(seriesSpecs, series, ctx);
    if (reason) reasons.add(reason, series.title);
    else survivors.push(series);
  }
  const ordered = orderItems(survivors, input.order, { seed: input.seed, lastSearched: input.lastSearched });

  const commands: PlannedCommand[] = [];
  const eligibleIds: number[] = [];
  const tagOnly: number[] = [];
  let examined = 0;
  for (const series of ordered) {
    if (!input.evaluateAll && commands.length >= limit) break;
    examined++;
    const episodes = await input.loader.episodes(series.id);
    if (needsFiles) for (const file of await input.loader.episodeFiles(series.id)) ctx.files.set(file.id, file);
    const targets: Episode[] = [];
    for (const episode of episodes) {
      const item: EpisodeItem = { episode, series };
      const reason = firstSkip(episodeSpecs, item, ctx);
      if (reason) reasons.add(reason, episodeLabel(series, episode));
      else targets.push(episode);
    }
    eligibleIds.push(...targets.map((t) => t.id));
    if (targets.length === 0) {
      const progress = ctx.progress.get(series.id);
      if (progress && (progress.seasons.length > 0 || progress.episodes.length > 0)) tagOnly.push(series.id);
      continue;
    }
    const seriesCommands = commandsForSeries({
      series,
      episodes,
      targets,
      granularity: job.granularity,
      now: ctx.now,
      queueEpisodeIds: ctx.queue.episodeIds,
      packNeedsEveryFileTargeted: def.packNeedsEveryFileTargeted,
      maxCostPerCommand: input.maxCostPerCommand,
      scoreOf: (e) => (e.episodeFileId > 0 ? ctx.files.get(e.episodeFileId)?.customFormatScore : undefined),
      qualityOf: (e) => (e.episodeFileId > 0 ? ctx.files.get(e.episodeFileId)?.quality : undefined),
    });
    const room = Math.max(0, limit - commands.length);
    const taken = seriesCommands.slice(0, room);
    if (taken.length > 0 && taken.length === seriesCommands.length) taken[taken.length - 1].tagIds = [series.id];
    commands.push(...taken);
  }
  return { commands, eligibleIds, examined, unchecked: ordered.length - examined, reasons, tagOnly };
}
