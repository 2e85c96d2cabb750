/**
 * Which jobs of an instance can search the same items, for the job form and the Preview: the
 * instance's cross-job window keeps them from searching one item twice (engine/specs/cross-job.ts),
 * and the user should see where that applies. Jobs for items without a file (missing, new-episodes)
 * can meet each other, as can jobs for items with one (cutoff-unmet, upgrade); rename and refresh
 * search no indexer.
 */
import type { JobSettings, JobType } from './settings';

const SIDE: Partial<Record<JobType, 'no-file' | 'file'>> = { missing: 'no-file', 'new-episodes': 'no-file', 'cutoff-unmet': 'file', upgrade: 'file' };

/** One sentence per other enabled job of the instance that can search the same items as `job`. */
export function jobOverlaps(job: Pick<JobSettings, 'id' | 'type'>, jobs: readonly Pick<JobSettings, 'id' | 'type' | 'enabled'>[], windowDays: number): string[] {
  const side = SIDE[job.type];
  if (!side) return [];
  return jobs
    .filter((o) => o.id !== job.id && o.enabled && SIDE[o.type] === side)
    .map((o) => {
      if (windowDays <= 0) return `overlaps with ${o.id}: both may search the same items (the instance's cross-job window is off)`;
      if (job.type === 'new-episodes') return `overlaps with ${o.id}: new releases are searched regardless; ${o.id} skips what this job searched in the last ${windowDays} days`;
      return `overlaps with ${o.id}: items it searched in the last ${windowDays} days are skipped`;
    });
}
