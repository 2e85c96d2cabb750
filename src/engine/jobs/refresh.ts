/**
 * refresh: items this job has not refreshed for refreshAfterDays (on the first run, every item).
 * The runner remembers when it refreshed each item; the tag marks this cycle's work as for every
 * job. Searches no indexer (cost 0).
 */
import { notInFlight, refreshDue, untagged } from '../specs/entry';
import { FILTER_SPECS } from '../specs/filters';
import type { JobDefinition } from './types';

export const refreshJob: JobDefinition = {
  type: 'refresh',
  summary: 'Refresh metadata and rescan files of items not refreshed for a number of days',
  defaultOrder: 'least-recently-searched',
  needsQueue: false,
  radarr: {
    specs: () => [...FILTER_SPECS, refreshDue, notInFlight, untagged],
    command: (movieIds) => ({ name: 'RefreshMovie', movieIds }),
    costPerEntry: 0,
    maxPerCommand: 20,
  },
  sonarr: {
    unit: 'series',
    series: {
      specs: () => [...FILTER_SPECS, refreshDue, notInFlight, untagged],
      command: (seriesIds) => ({ name: 'RefreshSeries', seriesIds }),
      costPerEntry: 0,
      maxPerCommand: 5,
    },
  },
};
