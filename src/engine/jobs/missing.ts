/**
 * missing: monitored items without a file that can be found now. Radarr: the movie is available
 * (Radarr's isAvailable). Sonarr: the episode is monitored down the cascade and aired longer ago
 * than the RSS grace (specials included when monitored).
 */
import { episodeHasNoFile, episodeMonitored, episodeNotInFlight, episodeNotInQueue, airedPastGrace, notSearchedThisCycle, seasonMonitored } from '../specs/episode';
import { episodeNotSearchedByOtherJob, notSearchedByOtherJob } from '../specs/cross-job';
import { notInFlight, seriesUntagged, untagged } from '../specs/entry';
import { FILTER_SPECS } from '../specs/filters';
import { movieAvailable, movieHasNoFile, movieMonitored, movieNotInQueue } from '../specs/movie';
import { seriesHasAiredMissing, seriesMonitored } from '../specs/series';
import type { JobDefinition } from './types';

export const missingJob: JobDefinition = {
  type: 'missing',
  summary: 'Monitored items without a file that are available (movies) or aired (episodes)',
  defaultOrder: 'least-recently-searched',
  needsQueue: true,
  radarr: {
    specs: () => [movieMonitored, ...FILTER_SPECS, movieHasNoFile, movieAvailable, movieNotInQueue, notInFlight, untagged, notSearchedByOtherJob],
    command: (movieIds) => ({ name: 'MoviesSearch', movieIds }),
    costPerEntry: 1,
    maxPerCommand: 5,
  },
  sonarr: {
    unit: 'episode',
    episodes: {
      seriesSpecs: () => [seriesMonitored, ...FILTER_SPECS, seriesHasAiredMissing, seriesUntagged],
      episodeSpecs: () => [seasonMonitored, episodeMonitored, episodeHasNoFile, airedPastGrace, episodeNotInQueue, episodeNotInFlight, notSearchedThisCycle, episodeNotSearchedByOtherJob],
      needsEpisodeFiles: () => false,
      packNeedsEveryFileTargeted: false,
    },
  },
};
