/** Every job type, by name. Adding one: its file in this folder, a line here, and JOB_TYPES in src/shared/settings.ts. */
import type { ArrKind } from '../../arr/model';
import type { JobType } from '../../shared/settings';
import { cutoffUnmetJob } from './cutoff-unmet';
import { missingJob } from './missing';
import { newEpisodesJob } from './new-episodes';
import { refreshJob } from './refresh';
import { renameJob } from './rename';
import type { JobDefinition } from './types';
import { upgradeJob } from './upgrade';

export const JOB_DEFINITIONS: Readonly<Record<JobType, JobDefinition>> = {
  'new-episodes': newEpisodesJob,
  missing: missingJob,
  'cutoff-unmet': cutoffUnmetJob,
  upgrade: upgradeJob,
  rename: renameJob,
  refresh: refreshJob,
};

export function jobDefinition(type: JobType): JobDefinition {
  return JOB_DEFINITIONS[type];
}

/** Whether a job type can run on an app at all (new-episodes is Sonarr only). */
export function supportsApp(type: JobType, app: ArrKind): boolean {
  return JOB_DEFINITIONS[type][app] !== undefined;
}
