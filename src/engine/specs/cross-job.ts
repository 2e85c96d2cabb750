/**
 * One search per item across the jobs of an instance: an item another job of the instance searched
 * within the instance's `crossJobWindowDays` is skipped, with the job and the date as its reason.
 * Without it `cutoff-unmet` and `upgrade` (or two jobs with overlapping filters) search the same
 * items in the same order, and spend the budget twice on them.
 *
 * The searches come from the history (run/cross-job.ts reads them once per run). Units: movie ids
 * on Radarr, episode ids for the Sonarr episode jobs; the ids of rename and refresh, which search
 * no indexer, are left out there.
 */
import type { Entry } from './entry';
import type { EpisodeItem, Spec } from './context';
import { skip } from './reason';

const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Radarr movies. */
export const notSearchedByOtherJob: Spec<Entry> = (entry, ctx) => {
  const by = ctx.searchedByOthers?.get(entry.id);
  return by ? skip('searched-by-other-job', `searched by job ${by.jobId} on ${dateOf(by.at)}`) : null;
};

/** Sonarr episodes. */
export const episodeNotSearchedByOtherJob: Spec<EpisodeItem> = ({ episode }, ctx) => {
  const by = ctx.searchedByOthers?.get(episode.id);
  return by ? skip('searched-by-other-job', `searched by job ${by.jobId} on ${dateOf(by.at)}`) : null;
};
