/** Words shown for engine values (the shared ones, with the renderer's colours). */
import { APP_LABELS, HISTORY_STATUS_WORDS, INSTANCE_STATE_WORDS } from '../../shared/words';
import type { HistoryStatus, InstanceState, RunResult } from '../../shared/status';

export { JOB_TYPE_LABELS, jobLabel } from '../../shared/words';

export const INSTANCE_STATE_LABELS: Record<InstanceState, { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted' }> = {
  unknown: { text: INSTANCE_STATE_WORDS.unknown, tone: 'muted' },
  ok: { text: INSTANCE_STATE_WORDS.ok, tone: 'ok' },
  down: { text: INSTANCE_STATE_WORDS.down, tone: 'danger' },
  'key-rejected': { text: INSTANCE_STATE_WORDS['key-rejected'], tone: 'danger' },
  'wrong-app': { text: INSTANCE_STATE_WORDS['wrong-app'], tone: 'danger' },
  'indexers-backed-off': { text: INSTANCE_STATE_WORDS['indexers-backed-off'], tone: 'warn' },
  'queue-full': { text: INSTANCE_STATE_WORDS['queue-full'], tone: 'warn' },
};

export const RUN_RESULT_LABELS: Record<RunResult, { text: string; tone: 'ok' | 'warn' | 'danger' | 'muted' }> = {
  searched: { text: 'searched', tone: 'ok' },
  'nothing-to-do': { text: 'nothing to do', tone: 'muted' },
  'cycle-complete': { text: 'cycle complete', tone: 'ok' },
  waiting: { text: 'waiting', tone: 'warn' },
  failed: { text: 'failed', tone: 'danger' },
  error: { text: 'error', tone: 'danger' },
};

export const HISTORY_STATUS_LABELS: Record<HistoryStatus, string> = HISTORY_STATUS_WORDS;

export const KIND_LABELS = APP_LABELS;
