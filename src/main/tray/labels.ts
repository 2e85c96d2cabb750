/**
 * Words the tray shows for engine values: job labels (not ids), instance states, and the
 * "needs attention" rule the settings window uses, so the icon, the tooltip and the window agree.
 * (The renderer has its own copy of the job labels in src/renderer/lib/labels.ts; main cannot
 * import the renderer.)
 */
import type { JobType } from '../../shared/settings';
import type { EngineStatus, InstanceState, InstanceStatus, JobStatus } from '../../shared/status';

export const JOB_LABELS: Record<JobType, string> = {
  'new-episodes': 'New episodes',
  missing: 'Missing',
  'cutoff-unmet': 'Cutoff unmet',
  upgrade: 'Upgrade',
  rename: 'Rename',
  refresh: 'Refresh',
};

export const STATE_TEXT: Record<InstanceState, string> = {
  unknown: 'connecting',
  ok: 'ok',
  down: 'unreachable',
  'key-rejected': 'API key rejected',
  'wrong-app': 'wrong app at this URL',
  'indexers-backed-off': 'indexers backed off, waiting',
  'queue-full': 'download queue full, waiting',
};

/** "Missing", or "Upgrade (upgrade-remux)" when an instance has two jobs of a type. */
export function jobLabel(instance: InstanceStatus, job: JobStatus): string {
  const label = JOB_LABELS[job.type];
  const sameType = instance.jobs.filter((j) => j.type === job.type).length > 1;
  return sameType && job.jobId !== job.type ? `${label} (${job.jobId})` : label;
}

/** The settings window's rule (App.tsx): an enabled instance in any state but ok or not yet contacted. */
export function needsAttention(instance: InstanceStatus): boolean {
  return instance.enabled && instance.state !== 'ok' && instance.state !== 'unknown';
}

export function attentionOf(status: EngineStatus | undefined): InstanceStatus[] {
  return status?.instances.filter(needsAttention) ?? [];
}
