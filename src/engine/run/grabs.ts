/**
 * What a completed search grabbed: "grabbed" history records since the command was sent, for the
 * items it searched (movies, or the targeted episodes). `completed` says nothing about grabs
 * (spec/arr/NOTES.md §9), so this is the only way to know.
 */
import type { GrabRecord } from '../../arr/model';
import type { GrabInfo } from '../../shared/status';
import type { JournalEntry } from './journal';
import type { ArrPort } from './ports';

/** History dates are compared with the app's clock: allow for a little skew. */
export const GRAB_SLACK_MS = 60_000;

export async function grabsFor(client: Pick<ArrPort, 'grabbedSince'>, entry: Pick<JournalEntry, 'items' | 'progress' | 'postedAt'>): Promise<GrabInfo[]> {
  const records = await client.grabbedSince(new Date(entry.postedAt - GRAB_SLACK_MS));
  return matchGrabs(records, entry);
}

export function matchGrabs(records: readonly GrabRecord[], entry: Pick<JournalEntry, 'items' | 'progress'>): GrabInfo[] {
  const byId = new Map(entry.items.map((i) => [i.id, i]));
  const episodes = entry.progress !== undefined;
  const seen = new Set<number>();
  const grabs: GrabInfo[] = [];
  for (const record of records) {
    const itemId = episodes ? record.episodeId : record.movieId ?? record.seriesId;
    const item = itemId === undefined ? undefined : byId.get(itemId);
    if (!item || seen.has(record.id)) continue;
    seen.add(record.id);
    const grab: GrabInfo = { itemId: item.id, itemTitle: item.title, releaseTitle: record.sourceTitle };
    if (item.score !== undefined) grab.scoreBefore = item.score;
    if (record.customFormatScore !== undefined) grab.scoreAfter = record.customFormatScore;
    if (item.quality !== undefined) grab.qualityBefore = item.quality;
    if (record.quality !== undefined) grab.qualityAfter = record.quality;
    grabs.push(grab);
  }
  return grabs;
}
