/** Sonarr episode specifications (an episode together with its series). */
import type { EpisodeItem, Spec } from './context';
import { HOUR_MS, day, hours, parseTime, span } from './format';
import { fileBelowCutoff } from './movie';
import { skip } from './reason';

/** Monitoring cascades: the season must be monitored too (spec/arr/NOTES.md §6). */
export const seasonMonitored: Spec<EpisodeItem> = ({ episode, series }) => {
  const season = series.seasons.find((s) => s.seasonNumber === episode.seasonNumber);
  return season?.monitored ? null : skip('season-unmonitored', `season ${episode.seasonNumber} unmonitored`);
};

export const episodeMonitored: Spec<EpisodeItem> = ({ episode }) => (episode.monitored ? null : skip('episode-unmonitored'));

export const episodeHasNoFile: Spec<EpisodeItem> = ({ episode }) => (episode.episodeFileId > 0 ? skip('has-file') : null);

export const episodeHasFile: Spec<EpisodeItem> = ({ episode }) => (episode.episodeFileId > 0 ? null : skip('no-file'));

export const episodeNotInQueue: Spec<EpisodeItem> = ({ episode }, ctx) => (ctx.queue.episodeIds.has(episode.id) ? skip('in-queue') : null);

export const episodeNotInFlight: Spec<EpisodeItem> = ({ episode }, ctx) => (ctx.inFlightEpisodes.has(episode.id) ? skip('in-progress') : null);

/** Aired, and longer ago than the RSS grace: RSS usually picks up a fresh episode on its own. */
export const airedPastGrace: Spec<EpisodeItem> = ({ episode }, ctx) => {
  const aired = parseTime(episode.airDateUtc);
  if (aired === undefined) return skip('not-aired', 'air date not announced');
  if (aired > ctx.now) return skip('not-aired', `airs ${day(aired)}`);
  const age = ctx.now - aired;
  if (age < ctx.job.graceHours * HOUR_MS) return skip('rss-grace', `aired ${span(age)} ago (RSS grace ${hours(ctx.job.graceHours)})`);
  return null;
};

/** new-episodes: aired no longer ago than airedWithinHours. */
export const airedWithinWindow: Spec<EpisodeItem> = ({ episode }, ctx) => {
  const aired = parseTime(episode.airDateUtc);
  if (aired === undefined || aired > ctx.now) return null; // airedPastGrace reports these
  const age = ctx.now - aired;
  if (age <= ctx.job.airedWithinHours * HOUR_MS) return null;
  return skip('not-recent', `aired ${span(age)} ago (window ${hours(ctx.job.airedWithinHours)})`);
};

/** Per-series progress: this cycle already searched the episode, alone or with its season. */
export const notSearchedThisCycle: Spec<EpisodeItem> = ({ episode, series }, ctx) => {
  const progress = ctx.progress.get(series.id);
  if (!progress) return null;
  if (progress.seasons.includes(episode.seasonNumber)) return skip('searched-this-cycle', `season ${episode.seasonNumber} searched this cycle`);
  return progress.episodes.includes(episode.id) ? skip('searched-this-cycle') : null;
};

/** cutoff-unmet / upgrade: the episode file (from /episodefile, with its score) can be upgraded. */
export const episodeBelowCutoff: Spec<EpisodeItem> = ({ episode, series }, ctx) => {
  const file = ctx.files.get(episode.episodeFileId);
  if (!file) return skip('no-file', 'no file (gone since the episodes were listed)');
  return fileBelowCutoff(file, series.qualityProfileId, ctx);
};
