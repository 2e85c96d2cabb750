/** Human output of `trawlarr status` and `trawlarr history`. */
import type { EngineStatus, HistoryEntry, HistoryPage, JobStatus } from '../shared/status';
import { cycleText, cycleView, waitText } from '../shared/waits';
import { HISTORY_STATUS_WORDS, INSTANCE_STATE_WORDS } from '../shared/words';
import { grabText } from './once-output';
import { when } from './time';

/** Without a running engine a next run is only what would happen: `status` must not promise it. */
function nextRunText(job: JobStatus, running: boolean): string {
  const eta = job.etaAt && cycleView(job).kind === 'progress' ? `; cycle ends about ${when(job.etaAt)}` : '';
  if (running) return `next run: ${when(job.nextRunAt)}${eta}`;
  return job.nextRunAt ? `next run: none, no engine is running (would run at ${when(job.nextRunAt)} once started)` : 'next run: none, no engine is running';
}

function jobLine(job: JobStatus, running: boolean): string[] {
  const flags = [!job.enabled && 'disabled', job.paused && 'paused', job.running && 'running'].filter(Boolean).join(', ');
  const lines = [`  ${job.jobId} (${job.type})${flags ? ` [${flags}]` : ''}: ${cycleText(job)}`];
  const last = job.lastRun ? `${when(job.lastRun.at)} ${job.lastRun.result}: ${job.lastRun.message}` : 'never';
  lines.push(`    last run: ${last}`);
  if (running && job.waiting) lines.push(`    ${waitText(job.waiting, when)}`);
  if (running && job.continuesAt) lines.push(`    continues at: ${when(job.continuesAt)}`);
  lines.push(`    ${nextRunText(job, running)}`);
  if (job.horizonWarning) lines.push(`    warning: ${job.horizonWarning}`);
  return lines;
}

export function statusText(status: EngineStatus, running: boolean): string {
  const lines = [
    running
      ? `Trawlarr is running${status.paused ? ' (paused)' : ''}; status as of ${when(status.at)}`
      : `Trawlarr is not running: no engine holds this data directory, so nothing runs until "trawlarr run" (or the desktop app) starts. Last status: ${when(status.at)}`,
  ];
  if (status.instances.length === 0) lines.push('No instances configured.');
  for (const inst of status.instances) {
    const state = inst.enabled ? INSTANCE_STATE_WORDS[inst.state] : 'Disabled';
    lines.push('');
    lines.push(`${inst.name} (${inst.id}, ${inst.kind}${inst.version ? ` ${inst.version}` : ''}): ${state}${inst.paused ? ', paused' : ''}${inst.message && inst.enabled && inst.state !== 'ok' ? `: ${inst.message}` : ''}`);
    if (inst.retryAt) lines.push(`  retry at ${when(inst.retryAt)}`);
    const b = inst.budget;
    lines.push(`  budget ${b.key}: ${b.usedLastHour}/${b.maxPerHour} this hour, ${b.usedLastDay}/${b.maxPerDay} today`);
    for (const job of inst.jobs) lines.push(...jobLine(job, running));
  }
  return lines.join('\n');
}

function entryLine(e: HistoryEntry): string {
  const what =
    e.status === 'skipped'
      ? Object.entries(e.reasons ?? {})
          .map(([r, n]) => `${r} ${n}`)
          .join(', ') || e.message || ''
      : e.items.map((i) => i.title).join(', ');
  const grabs = e.grabs.length ? ` → ${e.grabs.map(grabText).join(', ')}` : '';
  const extra = e.status === 'failed' || e.status === 'error' ? ` (${e.message ?? ''})` : '';
  return `${when(e.at)}  ${e.instanceId}/${e.jobId}  ${HISTORY_STATUS_WORDS[e.status].toLowerCase()}${e.dryRun ? ' (dry run)' : ''}  ${e.status === 'skipped' ? '' : `cost ${e.cost}  `}${what}${grabs}${extra}`;
}

export function historyText(page: HistoryPage): string {
  if (page.entries.length === 0) return 'No history yet.';
  return [...page.entries.map(entryLine), `(${page.entries.length} of ${page.total} entries, newest first)`].join('\n');
}
