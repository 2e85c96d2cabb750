/**
 * Words the tray shows for engine values: job labels (not ids), instance states, and the
 * "needs attention" rule the settings window uses, so the icon, the tooltip and the window agree.
 */
import { INSTANCE_STATE_WORDS, jobLabel as sharedJobLabel } from '../../shared/words';
import type { EngineStatus, InstanceState, InstanceStatus, JobStatus } from '../../shared/status';

/** The words every surface uses (src/shared/words.ts), so the tray says what the window says. */
export const STATE_TEXT: Record<InstanceState, string> = INSTANCE_STATE_WORDS;

/** "Missing", or "Upgrade (upgrade-remux)" for a job whose id says more than its type. */
export function jobLabel(_instance: InstanceStatus, job: JobStatus): string {
  return sharedJobLabel({ id: job.jobId, type: job.type });
}

/** The settings window's rule (App.tsx): an enabled instance in any state but ok or not yet contacted. */
export function needsAttention(instance: InstanceStatus): boolean {
  return instance.enabled && instance.state !== 'ok' && instance.state !== 'unknown';
}

export function attentionOf(status: EngineStatus | undefined): InstanceStatus[] {
  return status?.instances.filter(needsAttention) ?? [];
}
