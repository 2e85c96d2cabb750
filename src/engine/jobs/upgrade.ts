/**
 * upgrade: the library sweep over every monitored item with a file whose profile allows upgrades.
 * Like cutoff-unmet it skips items already at the cutoff by quality and score, unless
 * includeAtCutoff asks for everything to be searched again (a new format, a better release group).
 * Its long interval (168 h) and its own tag keep it a slow, complete walk of the library.
 */
import { upgradeRadarrJob, upgradeSonarrJob } from './cutoff-unmet';
import type { JobDefinition } from './types';

const belowCutoffOnly = (job: { includeAtCutoff: boolean }) => !job.includeAtCutoff;

export const upgradeJob: JobDefinition = {
  type: 'upgrade',
  summary: 'Every monitored item with a file that its profile would still upgrade (optionally those at the cutoff too)',
  defaultOrder: 'least-recently-searched',
  needsQueue: true,
  radarr: upgradeRadarrJob(belowCutoffOnly),
  sonarr: { unit: 'episode', episodes: upgradeSonarrJob(belowCutoffOnly) },
};
