/**
 * The user's job filters as specifications. They apply to the library entry (a Radarr movie or a
 * Sonarr series; an episode is filtered through its series).
 */
import type { Movie, Series } from '../../arr/model';
import type { Spec } from './context';
import { DAY_MS } from './format';
import { skip } from './reason';
import { libraryStatusLabel } from '../../shared/words';

export type LibraryEntry = Pick<Movie | Series, 'qualityProfileId' | 'tags' | 'status' | 'added'>;

export const qualityProfileSelected: Spec<LibraryEntry> = (entry, ctx) => {
  const ids = ctx.job.filters.qualityProfileIds;
  if (ids.length === 0 || ids.includes(entry.qualityProfileId)) return null;
  const name = ctx.profiles.get(entry.qualityProfileId)?.name;
  return skip('profile-filter', name ? `quality profile "${name}" not selected` : 'quality profile not selected');
};

export const includedTag: Spec<LibraryEntry> = (entry, ctx) => {
  const labels = ctx.job.filters.includeTags;
  if (labels.length === 0) return null;
  for (const label of labels) {
    const id = ctx.tagIdsByLabel.get(label.toLowerCase());
    if (id !== undefined && entry.tags.includes(id)) return null;
  }
  return skip('tag-not-included', `has none of the tags ${labels.map((l) => `"${l}"`).join(', ')}`);
};

export const notExcludedByTag: Spec<LibraryEntry> = (entry, ctx) => {
  for (const label of ctx.job.filters.excludeTags) {
    const id = ctx.tagIdsByLabel.get(label.toLowerCase());
    if (id !== undefined && entry.tags.includes(id)) return skip('tag-excluded', `excluded by tag "${label}"`);
  }
  return null;
};

export const statusSelected: Spec<LibraryEntry> = (entry, ctx) => {
  const statuses = ctx.job.filters.statuses;
  if (statuses.length === 0 || statuses.includes(entry.status)) return null;
  return skip('status-filter', `status "${libraryStatusLabel(entry.status)}" not selected`);
};

/**
 * addedAfter / addedBefore are calendar days (UTC) bounding an inclusive range, as a date picker
 * reads: "after 2024-01-01, before 2024-06-01" keeps items added from 2024-01-01 00:00 to the end
 * of 2024-06-01.
 */
export const addedInRange: Spec<LibraryEntry> = (entry, ctx) => {
  const { addedAfter, addedBefore } = ctx.job.filters;
  if (!addedAfter && !addedBefore) return null;
  const added = Date.parse(entry.added);
  if (addedAfter && !(added >= dayStart(addedAfter))) return skip('added-filter', `added before ${addedAfter}`);
  if (addedBefore && !(added < dayStart(addedBefore) + DAY_MS)) return skip('added-filter', `added after ${addedBefore}`);
  return null;
};

function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** All filters, in the order their reasons are reported. */
export const FILTER_SPECS: readonly Spec<LibraryEntry>[] = [qualityProfileSelected, includedTag, notExcludedByTag, statusSelected, addedInRange];
