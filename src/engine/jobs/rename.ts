/**
 * rename: items whose files the app would rename (its rename preview is non-empty). Radarr renames
 * movies, Sonarr whole series. Searches no indexer (cost 0); the preview is fetched only for
 * entries that pass the filters, in search order, until the batch is full.
 */
import { notInFlight, renamePending, untagged } from '../specs/entry';
import { FILTER_SPECS } from '../specs/filters';
import { movieHasFile } from '../specs/movie';
import { seriesHasFiles } from '../specs/series';
import type { JobDefinition } from './types';

export const renameJob: JobDefinition = {
  type: 'rename',
  summary: 'Items whose files would be renamed by the current naming settings',
  defaultOrder: 'alphabetical',
  needsQueue: false,
  radarr: {
    specs: () => [...FILTER_SPECS, movieHasFile, notInFlight, untagged],
    detail: { fetch: 'rename', needed: () => true, specs: () => [renamePending] },
    command: (movieIds) => ({ name: 'RenameMovie', movieIds }),
    costPerEntry: 0,
    maxPerCommand: 20,
  },
  sonarr: {
    unit: 'series',
    series: {
      specs: () => [...FILTER_SPECS, seriesHasFiles, notInFlight, untagged],
      detail: { fetch: 'rename', needed: () => true, specs: () => [renamePending] },
      command: (seriesIds) => ({ name: 'RenameSeries', seriesIds }),
      costPerEntry: 0,
      maxPerCommand: 5,
    },
  },
};
