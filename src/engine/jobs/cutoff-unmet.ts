/**
 * cutoff-unmet: monitored items with a file the profile would still upgrade: quality below the
 * cutoff, or custom-format score below the profile's cutoffFormatScore. The *arr's own Cutoff Unmet
 * list looks at quality only (Sonarr #7545, Huntarr #685); the score comes from the file endpoints.
 */
import {
  episodeBelowCutoff,
  episodeHasFile,
  episodeMonitored,
  episodeNotInFlight,
  episodeNotInQueue,
  notSearchedThisCycle,
  seasonMonitored,
} from '../specs/episode';
import { episodeNotSearchedByOtherJob, notSearchedByOtherJob } from '../specs/cross-job';
import { notInFlight, profileAllowsUpgrades, seriesUntagged, untagged } from '../specs/entry';
import { FILTER_SPECS } from '../specs/filters';
import { movieBelowCutoff, movieHasFile, movieMonitored, movieNeedsScore, movieNotInQueue } from '../specs/movie';
import { seriesHasFiles, seriesMonitored } from '../specs/series';
import type { EpisodeJob, EntryJob, JobDefinition } from './types';
import type { Movie } from '../../arr/model';

/** Shared with the upgrade job, which differs only by its option to include items at the cutoff. */
export function upgradeRadarrJob(belowCutoffOnly: (job: { includeAtCutoff: boolean }) => boolean): EntryJob<Movie> {
  return {
    specs: () => [movieMonitored, ...FILTER_SPECS, movieHasFile, profileAllowsUpgrades, movieNotInQueue, notInFlight, untagged, notSearchedByOtherJob],
    detail: {
      fetch: 'movie-files',
      needed: (movie, job) => belowCutoffOnly(job) && movieNeedsScore(movie),
      specs: (job) => (belowCutoffOnly(job) ? [movieBelowCutoff] : []),
    },
    command: (movieIds) => ({ name: 'MoviesSearch', movieIds }),
    costPerEntry: 1,
    maxPerCommand: 5,
  };
}

export function upgradeSonarrJob(belowCutoffOnly: (job: { includeAtCutoff: boolean }) => boolean): EpisodeJob {
  return {
    seriesSpecs: () => [seriesMonitored, ...FILTER_SPECS, profileAllowsUpgrades, seriesHasFiles, seriesUntagged],
    episodeSpecs: (job) => [
      seasonMonitored,
      episodeMonitored,
      episodeHasFile,
      episodeNotInQueue,
      episodeNotInFlight,
      notSearchedThisCycle,
      episodeNotSearchedByOtherJob,
      ...(belowCutoffOnly(job) ? [episodeBelowCutoff] : []),
    ],
    // with includeAtCutoff only for the scores history records as "score before"
    needsEpisodeFiles: () => true,
    packNeedsEveryFileTargeted: true,
  };
}

export const cutoffUnmetJob: JobDefinition = {
  type: 'cutoff-unmet',
  summary: 'Monitored items whose file is below the quality cutoff or the custom-format score cutoff',
  defaultOrder: 'least-recently-searched',
  needsQueue: true,
  radarr: upgradeRadarrJob(() => true),
  sonarr: { unit: 'episode', episodes: upgradeSonarrJob(() => true) },
};
