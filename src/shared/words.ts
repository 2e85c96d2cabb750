/**
 * Words every surface uses for the same things (settings window, `trawlarr` output, engine
 * messages, notifications), so a job or an instance is called the same everywhere and counts read
 * as English ("1 query", "2 queries"). Pure: the renderer imports it too.
 */
import type { JobType } from './settings';
import type { GrabInfo, HistoryStatus, InstanceState } from './status';

/** "1 item", "3 items"; `many` for irregular plurals ("query" → "queries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const JOB_TYPE_LABELS: Record<JobType, string> = {
  'new-episodes': 'New episodes',
  missing: 'Missing',
  'cutoff-unmet': 'Cutoff unmet',
  upgrade: 'Upgrade',
  rename: 'Rename',
  refresh: 'Refresh',
};

/**
 * A job as users know it: its type's label ("Cutoff unmet"), with the id only when the id says
 * more than the type (two Missing jobs on one instance: "Missing (missing-anime)").
 */
export function jobLabel(job: { id: string; type: JobType }): string {
  return job.id === job.type ? JOB_TYPE_LABELS[job.type] : `${JOB_TYPE_LABELS[job.type]} (${job.id})`;
}

export const APP_LABELS = { radarr: 'Radarr', sonarr: 'Sonarr' } as const;

/**
 * An instance in a sentence: its name, with the app in front only when the name does not say it
 * already ("Radarr", "Home Radarr", but `Sonarr "TV"`), so nothing reads `Radarr "Radarr"`.
 */
export function instanceLabel(kind: 'radarr' | 'sonarr', name: string): string {
  const app = APP_LABELS[kind];
  return name.toLowerCase().includes(kind) ? name : `${app} "${name}"`;
}

/** Instance states in words (the renderer adds its colours); "down" is never shown as such. */
export const INSTANCE_STATE_WORDS: Record<InstanceState, string> = {
  unknown: 'Not contacted yet',
  ok: 'Healthy',
  down: 'Unreachable',
  'key-rejected': 'API key rejected',
  'wrong-app': 'Wrong app at this address',
  'indexers-backed-off': 'Indexers backed off: waiting',
  'queue-full': 'Queue full: waiting',
};

/** History statuses in words: a "skipped" entry is the summary of a whole run (what it skipped and why), not a skipped search. */
export const HISTORY_STATUS_WORDS: Record<HistoryStatus, string> = {
  grabbed: 'Grabbed',
  searched: 'Searched',
  failed: 'Failed',
  error: 'Error',
  skipped: 'Run summary',
  cycle: 'Cycle',
};

/**
 * What a grab changes, quality first: "Bluray-720p → Bluray-1080p, score 150 → 25". The score
 * alone can fall on a real upgrade (a new quality scores its own formats), so it never stands
 * alone when the qualities are known. Empty when nothing is known.
 */
export function grabChange(g: Pick<GrabInfo, 'qualityBefore' | 'qualityAfter' | 'scoreBefore' | 'scoreAfter'>): string {
  const parts: string[] = [];
  if (g.qualityAfter !== undefined) parts.push(g.qualityBefore !== undefined && g.qualityBefore !== g.qualityAfter ? `${g.qualityBefore} → ${g.qualityAfter}` : g.qualityAfter);
  if (g.scoreAfter !== undefined) parts.push(g.scoreBefore !== undefined ? `score ${g.scoreBefore} → ${g.scoreAfter}` : `score ${g.scoreAfter}`);
  return parts.join(', ');
}

const LIBRARY_STATUS_LABELS: Record<string, string> = {
  tba: 'To be announced',
  announced: 'Announced',
  inCinemas: 'In cinemas',
  released: 'Released',
  deleted: 'Deleted',
  continuing: 'Continuing',
  ended: 'Ended',
  upcoming: 'Upcoming',
};

/** A movie or series status as the apps show it ("In cinemas"), never the API's enum ("inCinemas"). */
export function libraryStatusLabel(status: string): string {
  return LIBRARY_STATUS_LABELS[status] ?? status;
}
