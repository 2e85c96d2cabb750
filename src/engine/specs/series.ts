/**
 * Sonarr series-level specifications. Episode jobs run these before fetching a series' episodes, so
 * a series that cannot hold a target costs no request. The statistics checks only skip a series
 * when its numbers prove there is nothing to find: they over-approximate, never under-approximate
 * (statistics count episode.monitored alone and air dates up to now; the episode specs then apply
 * the full cascade and the RSS grace).
 */
import type { Season, Series } from '../../arr/model';
import type { Spec } from './context';
import { HOUR_MS, day, parseTime } from './format';
import { skip } from './reason';

export const seriesMonitored: Spec<Series> = (series) => (series.monitored ? null : skip('series-unmonitored'));

function monitoredSeasons(series: Series): Season[] {
  return series.seasons.filter((s) => s.monitored);
}

/** missing: some monitored season has monitored aired episodes without a file (episodeCount − episodeFileCount). */
export const seriesHasAiredMissing: Spec<Series> = (series) => {
  const seasons = monitoredSeasons(series);
  if (seasons.length === 0) return skip('season-unmonitored', 'every season unmonitored');
  for (const s of seasons) {
    if (s.episodeCount === undefined || s.episodeFileCount === undefined) return null; // no statistics: look
    if (s.episodeCount - s.episodeFileCount > 0) return null;
  }
  return skip('no-missing-episodes');
};

/** cutoff-unmet / upgrade: the series has at least one episode file. */
export const seriesHasFiles: Spec<Series> = (series) => {
  if (series.episodeFileCount === undefined) return null;
  return series.episodeFileCount > 0 ? null : skip('no-episode-files');
};

/** new-episodes: the latest monitored aired episode (previousAiring) falls inside the window. */
export const seriesAiredRecently: Spec<Series> = (series, ctx) => {
  if (series.episodeCount === undefined) return null; // no statistics: look
  const windowStart = ctx.now - ctx.job.airedWithinHours * HOUR_MS;
  const latest = parseTime(series.previousAiring);
  if (latest !== undefined && latest >= windowStart) return null;
  const text = latest === undefined ? 'nothing aired yet' : `last aired ${day(latest)} (window ${ctx.job.airedWithinHours} h)`;
  return skip('nothing-aired-recently', text);
};
