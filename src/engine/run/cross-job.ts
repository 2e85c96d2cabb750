/**
 * What the instance's other jobs searched within its cross-job window, from the history, for the
 * cross-job specification (specs/cross-job.ts). Read once per run: a query of the instance's
 * searched and grabbed entries since the window's start (the index scan takes milliseconds on
 * 300,000 entries; the lines read are bounded by the budget: at most 1,000 queries a day).
 */
import type { JobType } from '../../shared/settings';
import type { HistoryPort } from './ports';

/** The jobs the rule holds back. new-episodes is exempt (a new release cannot wait a week); rename and refresh search no indexer. */
export const CROSS_JOB_TYPES: ReadonlySet<JobType> = new Set(['missing', 'cutoff-unmet', 'upgrade']);
/** Their searches do not count either: they query no indexer. */
const NO_SEARCH: ReadonlySet<JobType> = new Set(['rename', 'refresh']);
const PAGE = 1000;

export type SearchedBy = Map<number, { jobId: string; at: number }>;

/** Item id → the latest search of it by another job of the instance since `since` (ms). */
export async function searchedByOthers(history: HistoryPort, instanceId: string, jobId: string, since: number): Promise<SearchedBy> {
  const found: SearchedBy = new Map();
  for (let before: number | undefined; ; ) {
    const page = await history.query({ instanceId, status: ['searched', 'grabbed'], since: new Date(since).toISOString(), limit: PAGE, ...(before !== undefined ? { before } : {}) });
    for (const e of page.entries) {
      if (e.jobId === jobId || e.dryRun || NO_SEARCH.has(e.jobType)) continue;
      const at = Date.parse(e.at);
      // newest first: the first entry seen for an item is its latest search
      for (const item of e.items) if (!found.has(item.id)) found.set(item.id, { jobId: e.jobId, at });
    }
    if (page.entries.length < PAGE) return found;
    before = page.entries[page.entries.length - 1].id;
  }
}
