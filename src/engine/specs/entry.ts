/**
 * Specifications that hold for any library entry: a Radarr movie or a Sonarr series (the unit that
 * carries tags, a quality profile, and is renamed or refreshed).
 */
import type { Movie, Series } from '../../arr/model';
import type { Spec } from './context';
import { DAY_MS, span } from './format';
import { skip } from './reason';

export type Entry = Pick<Movie | Series, 'id' | 'tags' | 'qualityProfileId'>;

/** Items carrying the job's tag were searched in this cycle. */
export const untagged: Spec<Entry> = (entry, ctx) =>
  ctx.jobTagId !== null && entry.tags.includes(ctx.jobTagId) ? skip('tagged') : null;

/** Sonarr: the series carries the job's tag, so all of its episodes were searched in this cycle. */
export const seriesUntagged: Spec<Entry> = (entry, ctx) =>
  ctx.jobTagId !== null && entry.tags.includes(ctx.jobTagId) ? skip('series-tagged') : null;

export const profileAllowsUpgrades: Spec<Entry> = (entry, ctx) => {
  const profile = ctx.profiles.get(entry.qualityProfileId);
  if (!profile) return skip('unknown-profile', `quality profile ${entry.qualityProfileId} not found`);
  return profile.upgradeAllowed ? null : skip('upgrades-disabled', `upgrades disabled in profile "${profile.name}"`);
};

/** A command from an earlier run is still working on this entry (it timed out while we waited). */
export const notInFlight: Spec<Entry> = (entry, ctx) => (ctx.inFlight.has(entry.id) ? skip('in-progress') : null);

/** rename: the app's rename preview lists at least one file of this entry. */
export const renamePending: Spec<Entry> = (entry, ctx) => {
  const previews = ctx.renames.get(entry.id);
  return previews && previews.length > 0 ? null : skip('nothing-to-rename');
};

/** refresh: this job has not refreshed the entry within refreshAfterDays (never refreshed: due). */
export const refreshDue: Spec<Entry> = (entry, ctx) => {
  const at = ctx.refreshedAt.get(entry.id);
  if (at === undefined) return null;
  const age = ctx.now - at;
  if (age >= ctx.job.refreshAfterDays * DAY_MS) return null;
  return skip('recently-refreshed', `refreshed ${span(age)} ago (every ${ctx.job.refreshAfterDays} d)`);
};
