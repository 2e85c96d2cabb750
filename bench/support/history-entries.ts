/**
 * The synthetic history both storage benches fill their stores with (./history.ts and
 * ./history-sqlite.ts): entry `i` of `n`, spread evenly over SPAN_DAYS up to END, over four
 * instances and five jobs, with the job type following the job (the cross-job rule reads it).
 */
import type { HistoryStatus, NewHistoryEntry } from '../../src/shared/status';

export const DAY = 86_400_000;
export const END = Date.parse('2026-06-30T12:00:00.000Z');
export const SPAN_DAYS = 180;

const STATUSES: HistoryStatus[] = ['searched', 'searched', 'searched', 'grabbed', 'skipped', 'failed', 'error'];
const INSTANCES = ['radarr', 'radarr-4k', 'sonarr', 'sonarr-anime'];
const JOBS = ['missing', 'cutoff-unmet', 'upgrade', 'new-episodes', 'refresh'] as const satisfies readonly NewHistoryEntry['jobType'][];

export function makeEntry(i: number, n: number): NewHistoryEntry {
  const status = STATUSES[i % STATUSES.length];
  const items = Array.from({ length: 1 + (i % 5) }, (_, k) => ({ id: (i * 7 + k) % 40_000, title: `Some Movie Title ${(i * 7 + k) % 40_000} (${1970 + (i % 55)})` }));
  const jobId = JOBS[(i >> 2) % JOBS.length];
  return {
    at: new Date(END - SPAN_DAYS * DAY + Math.floor((i * SPAN_DAYS * DAY) / n)).toISOString(),
    instanceId: INSTANCES[i % INSTANCES.length],
    jobId,
    jobType: jobId,
    status,
    items,
    granularity: 'auto',
    commandName: 'MoviesSearch',
    commandId: 1000 + i,
    grabs: status === 'grabbed' ? [{ itemId: items[0].id, itemTitle: items[0].title, releaseTitle: `${items[0].title}.2160p.UHD.BluRay.x265-GROUP`, scoreBefore: 100, scoreAfter: 1500 }] : [],
    cost: items.length,
    ...(status === 'skipped' ? { reasons: { 'at cutoff': 12, 'already downloading': 3, 'tagged this cycle': 40 } } : {}),
    ...(status === 'error' || status === 'failed' ? { message: 'command failed: indexer returned 429 Too Many Requests' } : {}),
    cycle: 1 + (i % 4),
  };
}
