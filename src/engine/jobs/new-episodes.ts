/**
 * new-episodes (Sonarr): monitored episodes without a file that aired within the last
 * airedWithinHours, once the RSS grace has passed. Runs often (1 h) with a small window, so a
 * missed RSS release is caught the same day instead of at the next daily missing sweep.
 */
import {
  airedPastGrace,
  airedWithinWindow,
  episodeHasNoFile,
  episodeMonitored,
  episodeNotInFlight,
  episodeNotInQueue,
  notSearchedThisCycle,
  seasonMonitored,
} from '../specs/episode';
import { seriesUntagged } from '../specs/entry';
import { FILTER_SPECS } from '../specs/filters';
import { seriesAiredRecently, seriesHasAiredMissing, seriesMonitored } from '../specs/series';
import type { JobDefinition } from './types';

export const newEpisodesJob: JobDefinition = {
  type: 'new-episodes',
  summary: 'Monitored episodes without a file that aired in the last hours',
  defaultOrder: 'newest-added',
  needsQueue: true,
  sonarr: {
    unit: 'episode',
    episodes: {
      seriesSpecs: () => [seriesMonitored, ...FILTER_SPECS, seriesHasAiredMissing, seriesAiredRecently, seriesUntagged],
      episodeSpecs: () => [
        seasonMonitored,
        episodeMonitored,
        episodeHasNoFile,
        airedPastGrace,
        airedWithinWindow,
        episodeNotInQueue,
        episodeNotInFlight,
        notSearchedThisCycle,
      ],
      needsEpisodeFiles: () => false,
      packNeedsEveryFileTargeted: false,
    },
  },
};
