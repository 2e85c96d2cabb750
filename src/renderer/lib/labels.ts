/** Words shown for engine values. */
import type { JobType } from '../../shared/settings';
import type { HistoryStatus, InstanceState, RunResult } from '../../shared/status';

export const JOB_TYPE_LABELS: Record<JobType, string> = {
  'new-episodes': 'New episodes',
  missing: 'Missing',
  'cutoff-unmet': 'Cutoff unmet',
  upgrade: 'Upgrade',
  rename: 'Rename',
  refresh: 'Refresh',
};

/** A job as the user named it: its type's words when its id is the type, else the id and the type. */
export function jobLabel(jobId: string, type: JobType): string {
  return jobId === type ? JOB_TYPE_LABELS[type] : `${jobId} (${JOB_TYPE_LABELS[type]})`;
}

export const INSTANCE_STATE_LABELS: Record<InstanceState, { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted' }> = {
  unknown: { text: 'Not contacted yet', tone: 'muted' },
  ok: { text: 'Healthy', tone: 'ok' },
  down: { text: 'Unreachable', tone: 'danger' },
  'key-rejected': { text: 'API key rejected', tone: 'danger' },
  'wrong-app': { text: 'Wrong app at this URL', tone: 'danger' },
  'indexers-backed-off': { text: 'Indexers backed off: waiting', tone: 'warn' },
  'queue-full': { text: 'Queue full: waiting', tone: 'warn' },
};

export const RUN_RESULT_LABELS: Record<RunResult, { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted' }> = {
  searched: { text: 'searched', tone: 'ok' },
  'nothing-to-do': { text: 'nothing to do', tone: 'muted' },
  'cycle-complete': { text: 'cycle complete', tone: 'ok' },
  waiting: { text: 'waiting', tone: 'warn' },
  failed: { text: 'failed', tone: 'danger' },
  error: { text: 'error', tone: 'danger' },
};

export const HISTORY_STATUS_LABELS: Record<HistoryStatus, string> = {
  grabbed: 'Grabbed',
  searched: 'Searched',
  failed: 'Failed',
  error: 'Error',
  skipped: 'Skipped',
  cycle: 'Cycle',
};

export const KIND_LABELS = { radarr: 'Radarr', sonarr: 'Sonarr' } as const;
