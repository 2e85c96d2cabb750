/**
 * The job's write-ahead journal: each search command, and a cycle reset, is written here before it
 * touches the app, and moves through phases as it goes, so a run killed at any point can be
 * finished by the next one (see the crash-safety notes in ./runner.ts).
 *
 *   posting  → written before POST /command (the command id is not known yet)
 *   accepted → the app answered 201: the command id is known, the budget is committed
 *   recorded → the command completed and its history entry is written; what is left is to
 *              record the cycle's progress, tag the items and drop the entry
 */
import { z } from 'zod';
import type { SearchCommandBody } from '../../arr/model';
import { defineDocument } from '../store/state';

const ids = z.array(z.number().int());

export const journalEntrySchema = z.object({
  /** unique per attempt: `${postedAt}-${n}` */
  key: z.string(),
  phase: z.enum(['posting', 'accepted', 'recorded']),
  cycle: z.number().int().min(1),
  postedAt: z.number(),
  body: z.custom<SearchCommandBody>((v) => typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string'),
  cost: z.number().nonnegative(),
  granularity: z.enum(['series', 'season', 'episode']).optional(),
  items: z.array(z.object({ id: z.number().int(), title: z.string(), score: z.number().optional(), quality: z.string().optional() })),
  /** entries to tag once completed (already filtered for earlier failures of the same series) */
  tagIds: ids,
  seriesId: z.number().int().optional(),
  progress: z.object({ seasons: ids, episodes: ids }).optional(),
  commandId: z.number().int().optional(),
  /** set in phase recorded */
  completedAt: z.number().optional(),
  historyId: z.number().int().optional(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalSchema = z.object({
  entries: z.array(journalEntrySchema),
  /** a cycle reset in progress: the tag is being removed from every item carrying it */
  reset: z.object({ fromCycle: z.number().int(), toCycle: z.number().int(), at: z.number() }).optional(),
});
export type Journal = z.infer<typeof journalSchema>;

export const jobJournalDoc = defineDocument({
  name: 'job-journal',
  version: 1,
  schema: journalSchema,
  initial: (): Journal => ({ entries: [] }),
  // lost (damaged): commands in flight at the crash cannot be finished; their items are untagged,
  // so they are searched again later. Nothing else could recover them: refusing to start would not.
  onCorrupt: 'quarantine',
});

/** Sonarr, least-recently-searched: when this job last searched something of each series (ms). */
export const seriesSearchedDoc = defineDocument({
  name: 'series-searched',
  version: 1,
  schema: z.record(z.string(), z.number()),
  initial: (): Record<string, number> => ({}),
  onCorrupt: 'quarantine',
});

/** Movie/series ids a journal entry keeps busy (not to be planned again until it is resolved). */
export function busyIds(journal: Journal): { entries: Set<number>; episodes: Set<number> } {
  const entries = new Set<number>();
  const episodes = new Set<number>();
  for (const e of journal.entries) {
    // Sonarr search commands list their target episodes; every other command its movies/series
    if (e.progress) {
      for (const item of e.items) episodes.add(item.id);
    } else {
      for (const item of e.items) entries.add(item.id);
    }
  }
  return { entries, episodes };
}
